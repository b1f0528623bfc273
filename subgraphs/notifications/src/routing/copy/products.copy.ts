import { type PayloadOf, withParticle } from '@bloom/kernel';
import type { productRestocked } from '@bloom/schema';
import type { NoticeFacts } from '../route.types.js';
import type { NoticeCopy } from './notice-copy.types.js';

/** Copy for products' events, by event. */
export const PRODUCTS_COPY = {
  productRestocked: (p: PayloadOf<typeof productRestocked>, f: NoticeFacts): NoticeCopy => {
    const product = f.productName ?? '알림을 신청하신 상품';
    return {
      title: '재입고 알림',
      body: `${f.storeName ? `${f.storeName}의 ` : ''}${withParticle(product, '을/를')} 다시 살 수 있어요. 지금 ${p.availableQuantity}개 남아 있어요.`,
    };
  },
};
