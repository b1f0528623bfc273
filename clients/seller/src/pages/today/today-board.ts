import { seoulDay } from '@bloom/client-shared';
import type { BoardOrder, Fulfilment, OrderStatus } from './today.types.js';

export type Column = 'new' | 'preparing' | 'out' | 'done';

export const COLUMNS: { key: Column; label: string; short: string; empty: string }[] = [
  { key: 'new', label: '새 주문', short: '새 주문', empty: '새 주문이 없어요.' },
  { key: 'preparing', label: '준비 중', short: '준비 중', empty: '준비 중인 주문이 없어요.' },
  { key: 'out', label: '배송 중 · 픽업 대기', short: '배송·픽업', empty: '나간 주문이 없어요.' },
  { key: 'done', label: '완료', short: '완료', empty: '아직 끝난 주문이 없어요.' },
];

const COLUMN_OF: Partial<Record<OrderStatus, Column>> = {
  CONFIRMED: 'new',
  PREPARING: 'preparing',
  SHIPPING: 'out',
  READY: 'out',
  DELIVERED: 'done',
  PICKED_UP: 'done',
  CANCELED: 'done',
};

export const columnOf = (order: BoardOrder): Column | null => COLUMN_OF[order.status] ?? null;

export const STATUS_LABEL: Record<OrderStatus, string> = {
  PENDING: '결제 확인 중',
  CONFIRMED: '새 주문',
  PREPARING: '준비 중',
  SHIPPING: '배송 중',
  DELIVERED: '배송 완료',
  READY: '픽업 대기',
  PICKED_UP: '픽업 완료',
  CANCELED: '취소됨',
  FAILED: '실패',
};

/** The one move forward, as the orders subgraph allows it (order-state.ts), with its button. */
const NEXT: Record<Fulfilment, Partial<Record<OrderStatus, { to: OrderStatus; label: string }>>> = {
  DELIVERY: {
    CONFIRMED: { to: 'PREPARING', label: '준비 시작' },
    PREPARING: { to: 'SHIPPING', label: '배송 출발' },
    SHIPPING: { to: 'DELIVERED', label: '배송 완료' },
  },
  PICKUP: {
    CONFIRMED: { to: 'READY', label: '픽업 준비 완료' },
    READY: { to: 'PICKED_UP', label: '손님이 가져갔어요' },
  },
};

export const nextStep = (order: BoardOrder) => NEXT[order.fulfilment][order.status] ?? null;

/** Before shipping or pickup only (the API refunds in full). */
export const cancelable = (order: BoardOrder) =>
  order.status === 'CONFIRMED' || order.status === 'PREPARING' || order.status === 'READY';

const seoulTime = new Intl.DateTimeFormat('ko-KR', {
  timeZone: 'Asia/Seoul',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "12:00" in Seoul. */
export const clock = (iso: string): string => seoulTime.format(new Date(iso));

/** The Seoul day the flowers leave the shop: the delivery date or the pickup slot's day. */
export function serviceDay(order: BoardOrder): string {
  if (order.delivery) return order.delivery.deliveryDate;
  if (order.pickupAt) return seoulDay(0, new Date(order.pickupAt));
  return seoulDay(0, new Date(order.placedAt));
}

/** "10:00-13:00" for a delivery, "12:00–12:30" for a pickup (30-minute slots). */
export function timeOf(order: BoardOrder): string {
  if (order.delivery) return order.delivery.window.replace('-', '–');
  if (order.pickupAt) {
    const end = new Date(new Date(order.pickupAt).getTime() + 30 * 60_000).toISOString();
    return `${clock(order.pickupAt)}–${clock(end)}`;
  }
  return '';
}

/** 'tomorrow' is the next day the shop is open: after a Saturday with Sundays off, Monday. */
export type DayFilter = 'all' | 'today' | 'tomorrow';

const WEEKDAY = new Intl.DateTimeFormat('ko-KR', { timeZone: 'Asia/Seoul', weekday: 'long' });

/**
 * The next Seoul day after today that is not one of the shop's closed weekdays (0 = Sunday), so
 * the board looks past a closed day to the orders the florist makes next. Tomorrow if every
 * day is marked closed.
 */
export function nextOpenDay(closedWeekdays: readonly number[], now = new Date()): string {
  for (let days = 1; days <= 7; days += 1) {
    const day = seoulDay(days, now);
    if (!closedWeekdays.includes(new Date(`${day}T12:00:00Z`).getUTCDay())) return day;
  }
  return seoulDay(1, now);
}

/** "내일", or the weekday ("월요일") when the next open day is further. */
export const nextDayLabel = (next: string, now = new Date()): string =>
  next === seoulDay(1, now) ? '내일' : WEEKDAY.format(new Date(`${next}T12:00:00+09:00`));

/**
 * The board's orders: today's and the next open day's, plus unfinished ones whose day has
 * passed (the florist must still see them), soonest first. Each order once, even if both lists
 * had it.
 */
export function boardOrders(
  lists: BoardOrder[][],
  day: DayFilter,
  now = new Date(),
  tomorrow = seoulDay(1, now),
): BoardOrder[] {
  const today = seoulDay(0, now);
  const byId = new Map<string, BoardOrder>();
  for (const list of lists) for (const order of list) byId.set(order.id, order);
  return [...byId.values()]
    .filter((order) => {
      const d = serviceDay(order);
      const overdue = d < today && columnOf(order) !== 'done';
      if (day === 'today') return d === today || overdue;
      if (day === 'tomorrow') return d === tomorrow;
      return d === today || d === tomorrow || overdue;
    })
    .sort(
      (a, b) =>
        serviceDay(a).localeCompare(serviceDay(b)) ||
        timeOf(a).localeCompare(timeOf(b)) ||
        a.placedAt.localeCompare(b.placedAt),
    );
}

/** "오늘", "내일" or the date for an overdue order. */
export function dayLabel(day: string, now = new Date()): 'today' | 'tomorrow' | 'past' | 'later' {
  const today = seoulDay(0, now);
  if (day === today) return 'today';
  if (day === seoulDay(1, now)) return 'tomorrow';
  return day < today ? 'past' : 'later';
}

export interface PickList {
  orders: number;
  flowers: { flowerId: number; stems: number }[];
  products: { name: string; quantity: number }[];
}

/**
 * What is still to prepare (new and preparing orders): stems summed by flower over each line's
 * recipe × quantity, most stems first, and the products to make.
 */
export function pickList(orders: BoardOrder[]): PickList {
  const todo = orders.filter((o) => o.status === 'CONFIRMED' || o.status === 'PREPARING');
  const stems = new Map<number, number>();
  const products = new Map<string, number>();
  for (const order of todo) {
    for (const line of order.lines) {
      products.set(line.productName, (products.get(line.productName) ?? 0) + line.quantity);
      for (const r of line.recipe) {
        stems.set(r.flowerId, (stems.get(r.flowerId) ?? 0) + r.count * line.quantity);
      }
    }
  }
  return {
    orders: todo.length,
    flowers: [...stems]
      .map(([flowerId, n]) => ({ flowerId, stems: n }))
      .sort((a, b) => b.stems - a.stems || a.flowerId - b.flowerId),
    products: [...products]
      .map(([name, quantity]) => ({ name, quantity }))
      .sort((a, b) => b.quantity - a.quantity || a.name.localeCompare(b.name, 'ko')),
  };
}
