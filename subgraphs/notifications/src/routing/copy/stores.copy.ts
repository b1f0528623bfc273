import { type PayloadOf, withParticle } from '@bloom/kernel';
import type { inventoryLow, questionAsked } from '@bloom/schema';
import { FLOWER_NAMES } from '../flower-names.js';
import type { NoticeFacts } from '../route.types.js';
import type { NoticeCopy } from './notice-copy.types.js';

/** The flower's Korean name from the reference catalog, for stock notices. */
const flowerName = (flowerId: number) => FLOWER_NAMES.get(flowerId) ?? `꽃 #${flowerId}`;

const productOf = (f: NoticeFacts) => f.productName ?? '상품';

/** Copy for stores' events, by event. */
export const STORES_COPY = {
  inventoryLow: (p: PayloadOf<typeof inventoryLow>, f: NoticeFacts): NoticeCopy => ({
    title: '꽃 재고가 얼마 안 남았어요',
    body: `${f.storeName ? `${f.storeName}에 ` : ''}${withParticle(flowerName(p.flowerId), '이/가')} ${p.available}송이 남았어요 (알림 기준 ${p.threshold}송이). 재고를 채워 주세요.`,
  }),
  questionAsked: (p: PayloadOf<typeof questionAsked>, f: NoticeFacts): NoticeCopy => ({
    title: '상품 문의가 들어왔어요',
    body: `${productOf(f)}에 ${p.secret ? '비밀 문의가' : '새 문의가'} 들어왔어요. 답변을 남겨 주세요.`,
  }),
  questionAnswered: (_p: unknown, f: NoticeFacts): NoticeCopy => ({
    title: '문의에 답변이 달렸어요',
    body: `${f.storeName ?? '매장'}에서 ${productOf(f)} 문의에 답변했어요.`,
  }),
};
