import type { PayloadOf } from '@bloom/kernel';
import type { inventoryLow, questionAsked } from '@bloom/schema';
import { FLOWER_NAMES } from '../flower-names.js';
import type { NoticeCopy } from './notice-copy.types.js';

/** The flower's Korean name from the reference catalog, for stock notices. */
const flowerName = (flowerId: number) => FLOWER_NAMES.get(flowerId) ?? `꽃 #${flowerId}`;

/** Copy for stores' events, by event. */
export const STORES_COPY = {
  inventoryLow: (p: PayloadOf<typeof inventoryLow>): NoticeCopy => ({
    title: '꽃 재고가 부족합니다',
    body: `${flowerName(p.flowerId)} 재고가 ${p.available}송이 남았습니다 (알림 기준 ${p.threshold}송이).`,
  }),
  questionAsked: (p: PayloadOf<typeof questionAsked>): NoticeCopy => ({
    title: '상품 문의가 들어왔습니다',
    body: p.secret ? '고객이 비밀 문의를 남겼습니다.' : '고객이 문의를 남겼습니다.',
  }),
  questionAnswered: (): NoticeCopy => ({
    title: '문의에 답변이 등록되었습니다',
    body: '매장에서 문의에 답변했습니다.',
  }),
};
