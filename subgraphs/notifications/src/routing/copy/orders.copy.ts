import {
  type PayloadOf,
  formatKoreanDate,
  formatKoreanDateTime,
  withParticle,
} from '@bloom/kernel';
import {
  OrderFailureReason,
  type orderCanceled,
  type orderDelivered,
  type orderFailed,
  type orderNewOrder,
  type orderReadyForPickup,
  type orderShipping,
} from '@bloom/schema';
import type { NoticeFacts } from '../route.types.js';
import type { NoticeCopy } from './notice-copy.types.js';

/**
 * Why an order failed (`OrderFailureReason`, the orders contracts' list) in words a customer
 * understands; `satisfies` keeps the keys to known reasons, and an unknown one still reads.
 */
const FAILURE_TEXT: Readonly<Record<string, string>> = {
  OUT_OF_STOCK: '꽃 재고가 부족해서',
  SLOT_FULL: '선택한 픽업 시간이 마감돼서',
  SLOT_UNAVAILABLE: '선택한 픽업 시간을 이용할 수 없어서',
  COUPON_REJECTED: '쿠폰을 사용할 수 없어서',
  COUPON_TIMEOUT: '쿠폰 확인이 늦어져서',
  PAYMENT_DECLINED: '결제가 거절돼서',
  PAYMENT_CANCELED: '결제를 취소하셔서',
  PAYMENT_FAILED: '결제를 완료하지 못해서',
  PAYMENT_TIMEOUT: '결제 응답이 늦어져서',
  RESERVATION_TIMEOUT: '매장이 제시간에 응답하지 않아서',
  STORE_NOT_OPEN: '매장이 지금 주문을 받지 않아서',
  STORE_NOT_FOUND: '매장 정보를 찾을 수 없어서',
  TIMEOUT: '처리 시간이 초과돼서',
  // subscriptions' fallback when an attempt failed without a reason
  CHARGE_FAILED: '결제를 완료하지 못해서',
} satisfies Partial<Record<OrderFailureReason | 'TIMEOUT' | 'CHARGE_FAILED', string>>;

// An unknown reason still reads as a sentence; its code is for the logs, not the customer.
export const failureText = (reason: string) => FAILURE_TEXT[reason] ?? '처리 중 문제가 생겨서';

/**
 * Whether a failed order's money may have been taken, from the saga: the charge comes last,
 * after stock, slot and coupon, and a decline or provider error takes nothing. Only a payment
 * left without an answer (PAYMENT_TIMEOUT) may have been captured, and the saga then voids or
 * refunds it by itself. The order page must say the same.
 */
export const chargeText = (reason: string) =>
  reason === OrderFailureReason.PAYMENT_TIMEOUT
    ? '결제가 승인됐다면 결제하신 금액은 자동으로 환불돼요.'
    : '결제되지 않았어요.';

/** Who canceled, as orders and subscriptions report it. */
export const CANCELED_BY: Record<string, string> = {
  CUSTOMER: '고객 요청',
  SELLER: '매장 사정',
  ADMIN: '관리자',
  SYSTEM: '자동 처리',
};

/** The order's items as people name them: "장미 꽃다발", "장미 꽃다발 외 1건". */
export function orderItems(f: NoticeFacts): string {
  const first = f.order?.firstProductName;
  if (!first) return '주문하신 꽃';
  const others = (f.order?.lineCount ?? 1) - 1;
  return others > 0 ? `${first} 외 ${others}건` : first;
}

const storeOf = (f: NoticeFacts) => f.storeName ?? '매장';

/** " (주문번호 …)" after a sentence, when the number is known. */
const numbered = (number: string | undefined) => (number ? ` (주문번호 ${number})` : '');

/** Copy for orders' events, by event. */
export const ORDERS_COPY = {
  newOrder: (p: PayloadOf<typeof orderNewOrder>, f: NoticeFacts): NoticeCopy => {
    const when =
      p.fulfilment === 'PICKUP'
        ? `${p.pickupSlotStart ? `${formatKoreanDateTime(new Date(p.pickupSlotStart))} ` : ''}픽업`
        : `${p.deliveryDate ? `${formatKoreanDate(p.deliveryDate)} ` : ''}배송`;
    return {
      title: '새 주문이 들어왔어요',
      body: `${orderItems(f)} · ${when} · ${p.total.toLocaleString('ko-KR')}원${numbered(p.orderNumber)}`,
    };
  },
  shipping: (p: PayloadOf<typeof orderShipping>, f: NoticeFacts): NoticeCopy => ({
    title: '꽃이 출발했어요',
    body: `${storeOf(f)}에서 ${withParticle(orderItems(f), '을/를')} 보냈어요${p.trackingNumber ? ` (운송장 번호 ${p.trackingNumber})` : ''}.${numbered(p.orderNumber)}`,
  }),
  delivered: (p: PayloadOf<typeof orderDelivered>, f: NoticeFacts): NoticeCopy => ({
    title: '꽃이 도착했어요',
    body: `${storeOf(f)}에서 보낸 ${withParticle(orderItems(f), '이/가')} ${formatKoreanDateTime(new Date(p.deliveredAt))}에 배송됐어요.${numbered(p.orderNumber)}`,
  }),
  readyForPickup: (p: PayloadOf<typeof orderReadyForPickup>, f: NoticeFacts): NoticeCopy => {
    const at = p.pickupSlotStart ?? f.order?.pickupAt;
    return {
      title: '픽업 준비가 끝났어요',
      body: `${storeOf(f)}에서 ${withParticle(orderItems(f), '을/를')} ${at ? `${formatKoreanDateTime(new Date(at))}에 ` : ''}찾아가시면 돼요.${numbered(p.orderNumber)}`,
    };
  },
  confirmed: (_p: unknown, f: NoticeFacts): NoticeCopy => {
    const at = f.order?.pickupAt;
    return {
      title: '주문이 확정됐어요',
      body: `${storeOf(f)}에서 ${withParticle(orderItems(f), '을/를')} 준비할게요${at ? `. ${formatKoreanDateTime(new Date(at))}에 찾아가세요` : ''}.${numbered(f.order?.number)}`,
    };
  },
  failed: (p: PayloadOf<typeof orderFailed>, f: NoticeFacts): NoticeCopy => ({
    title: '주문을 완료하지 못했어요',
    body: `${failureText(p.reason)} ${f.storeName ? `${f.storeName}의 ` : ''}${orderItems(f)} 주문을 완료하지 못했어요. ${chargeText(p.reason)}${numbered(f.order?.number)}`,
  }),
  canceled: (p: PayloadOf<typeof orderCanceled>, f: NoticeFacts): NoticeCopy => {
    const number = f.order?.number;
    const order = number ? `주문 ${number}` : '주문';
    const by = p.canceledBy ? `(${CANCELED_BY[p.canceledBy] ?? p.canceledBy}) ` : '';
    return {
      title: '주문이 취소됐어요',
      body: `${orderItems(f)} ${withParticle(order, '이/가')} 취소됐어요. ${by}사유: ${p.reason}`,
    };
  },
};
