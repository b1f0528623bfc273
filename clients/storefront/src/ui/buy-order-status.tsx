export type OrderStatus =
  | 'PENDING'
  | 'CONFIRMED'
  | 'PREPARING'
  | 'SHIPPING'
  | 'DELIVERED'
  | 'READY'
  | 'PICKED_UP'
  | 'CANCELED'
  | 'FAILED';

export const ORDER_STATUS_LABEL: Record<OrderStatus, string> = {
  PENDING: '결제 확인 중',
  CONFIRMED: '주문 확정',
  PREPARING: '준비 중',
  SHIPPING: '배송 중',
  DELIVERED: '배송 완료',
  READY: '픽업 준비 완료',
  PICKED_UP: '픽업 완료',
  CANCELED: '취소됨',
  FAILED: '실패',
};

const GOOD = new Set<OrderStatus>(['CONFIRMED', 'DELIVERED', 'READY', 'PICKED_UP']);
const BAD = new Set<OrderStatus>(['CANCELED', 'FAILED']);

/** The API lets a customer cancel only before shipping or pickup, and never while PENDING. */
export const CANCELABLE = new Set<OrderStatus>(['CONFIRMED', 'PREPARING', 'READY']);

export function OrderStatusPill({ status }: { status: OrderStatus }) {
  const tone = GOOD.has(status) ? ' good' : BAD.has(status) ? ' bad' : '';
  return <span className={`status-pill${tone}`}>{ORDER_STATUS_LABEL[status]}</span>;
}

/** The way forward of each fulfilment, for the progress bar of an order. */
export const ORDER_STEPS: Record<'DELIVERY' | 'PICKUP', OrderStatus[]> = {
  DELIVERY: ['PENDING', 'CONFIRMED', 'PREPARING', 'SHIPPING', 'DELIVERED'],
  PICKUP: ['PENDING', 'CONFIRMED', 'READY', 'PICKED_UP'],
};

export const FULFILMENT_LABEL = { DELIVERY: '배송', PICKUP: '픽업' } as const;
