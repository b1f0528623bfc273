import { Fulfilment, OrderStatus } from './order.entity.js';

const S = OrderStatus;

/** The forward moves of each fulfilment; every state has at most one successor besides exits. */
const FORWARD: Record<Fulfilment, Partial<Record<OrderStatus, OrderStatus>>> = {
  [Fulfilment.DELIVERY]: {
    [S.CONFIRMED]: S.PREPARING,
    [S.PREPARING]: S.SHIPPING,
    [S.SHIPPING]: S.DELIVERED,
  },
  [Fulfilment.PICKUP]: {
    [S.CONFIRMED]: S.READY,
    [S.READY]: S.PICKED_UP,
  },
};

export const TERMINAL = new Set<OrderStatus>([S.DELIVERED, S.PICKED_UP, S.CANCELED, S.FAILED]);

/** States from which the order can still be canceled (before shipping or pickup). */
const CANCELABLE = new Set<OrderStatus>([S.CONFIRMED, S.PREPARING, S.READY]);

export const isTerminal = (status: OrderStatus) => TERMINAL.has(status);

/** The state a seller moves the order to next, or null when there is none. */
export const nextStatus = (fulfilment: Fulfilment, status: OrderStatus): OrderStatus | null =>
  FORWARD[fulfilment][status] ?? null;

/** Whether `from → to` is a move the state machine allows (never backwards). */
export function canMove(fulfilment: Fulfilment, from: OrderStatus, to: OrderStatus): boolean {
  if (from === S.PENDING) return to === S.CONFIRMED || to === S.FAILED;
  if (to === S.CANCELED) return CANCELABLE.has(from);
  return nextStatus(fulfilment, from) === to;
}

/** Completed orders count for settlement, statistics and review eligibility. */
export const isCompleted = (status: OrderStatus) =>
  status === S.DELIVERED || status === S.PICKED_UP;
