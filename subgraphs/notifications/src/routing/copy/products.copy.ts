import type { NoticeCopy } from './notice-copy.types.js';

/** Copy for products' events, by event. */
export const PRODUCTS_COPY = {
  productRestocked: (): NoticeCopy => ({
    title: '재입고 알림',
    body: '알림을 신청하신 상품을 다시 구매할 수 있습니다.',
  }),
};
