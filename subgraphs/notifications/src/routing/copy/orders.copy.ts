import type { PayloadOf } from '@bloom/kernel';
import type {
  OrderFailureReason,
  orderCanceled,
  orderDelivered,
  orderFailed,
  orderNewOrder,
  orderReadyForPickup,
  orderShipping,
} from '@bloom/schema';
import type { NoticeCopy } from './notice-copy.types.js';

/**
 * Why an order failed (`OrderFailureReason`, the orders contracts' list) in words a customer
 * understands; `satisfies` keeps the keys to known reasons, and an unknown one still reads.
 */
const FAILURE_TEXT: Readonly<Record<string, string>> = {
  OUT_OF_STOCK: '꽃 재고가 부족하여',
  SLOT_FULL: '선택한 픽업 시간이 마감되어',
  SLOT_UNAVAILABLE: '선택한 픽업 시간을 이용할 수 없어',
  COUPON_REJECTED: '쿠폰을 사용할 수 없어',
  COUPON_TIMEOUT: '쿠폰 확인이 지연되어',
  PAYMENT_DECLINED: '결제가 거절되어',
  PAYMENT_FAILED: '결제를 완료하지 못해',
  PAYMENT_TIMEOUT: '결제 응답이 지연되어',
  RESERVATION_TIMEOUT: '매장이 제시간에 응답하지 않아',
  STORE_NOT_OPEN: '매장이 주문을 받지 않는 상태여서',
  STORE_NOT_FOUND: '매장 정보를 찾을 수 없어',
  TIMEOUT: '처리 시간이 초과되어',
  // subscriptions' fallback when an attempt failed without a reason
  CHARGE_FAILED: '결제를 완료하지 못해',
} satisfies Partial<Record<OrderFailureReason | 'TIMEOUT' | 'CHARGE_FAILED', string>>;

export const failureText = (reason: string) =>
  FAILURE_TEXT[reason] ?? `처리 중 문제가 생겨(${reason})`;

/** Who canceled, as orders and subscriptions report it. */
export const CANCELED_BY: Record<string, string> = {
  CUSTOMER: '고객 요청',
  SELLER: '매장 사정',
  ADMIN: '관리자',
  SYSTEM: '자동 처리',
};

/** Copy for orders' events, by event. */
export const ORDERS_COPY = {
  newOrder: (p: PayloadOf<typeof orderNewOrder>): NoticeCopy => ({
    title: '새 주문',
    body: `주문 ${p.orderNumber}: ${p.total.toLocaleString('ko-KR')}원, ${p.fulfilment === 'PICKUP' ? '픽업' : '배송'}.`,
  }),
  shipping: (p: PayloadOf<typeof orderShipping>): NoticeCopy => ({
    title: '꽃이 배송을 시작했습니다',
    body: `주문 ${p.orderNumber}이(가) 배송 중입니다${p.trackingNumber ? ` (운송장 ${p.trackingNumber})` : ''}.`,
  }),
  delivered: (p: PayloadOf<typeof orderDelivered>): NoticeCopy => ({
    title: '배송 완료',
    body: `주문 ${p.orderNumber}이(가) 배송되었습니다.`,
  }),
  readyForPickup: (p: PayloadOf<typeof orderReadyForPickup>): NoticeCopy => ({
    title: '픽업 준비 완료',
    body: `주문 ${p.orderNumber}을(를) 매장에서 찾아가실 수 있습니다.`,
  }),
  confirmed: (): NoticeCopy => ({
    title: '주문이 확정되었습니다',
    body: '매장에서 주문하신 꽃을 준비하고 있습니다.',
  }),
  failed: (p: PayloadOf<typeof orderFailed>): NoticeCopy => ({
    title: '주문이 완료되지 않았습니다',
    body: `${failureText(p.reason)} 주문을 완료하지 못했습니다. 결제는 청구되지 않았습니다.`,
  }),
  canceled: (p: PayloadOf<typeof orderCanceled>): NoticeCopy => ({
    title: '주문이 취소되었습니다',
    body: `주문 ${p.orderId}이(가) 취소되었습니다${p.canceledBy ? ` (${CANCELED_BY[p.canceledBy] ?? p.canceledBy})` : ''}: ${p.reason}`,
  }),
};
