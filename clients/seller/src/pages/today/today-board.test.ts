import { describe, expect, it } from 'vitest';
import {
  boardOrders,
  columnOf,
  nextDayLabel,
  nextOpenDay,
  nextStep,
  pickList,
  serviceDay,
  timeOf,
} from './today-board.js';
import type { BoardOrder } from './today.types.js';

// 2026-05-10 08:00 in Seoul.
const NOW = new Date('2026-05-09T23:00:00Z');

const order = (over: Partial<BoardOrder> & Pick<BoardOrder, 'id'>): BoardOrder => ({
  number: over.id,
  fulfilment: 'DELIVERY',
  status: 'CONFIRMED',
  total: 40000,
  placedAt: '2026-05-09T01:00:00Z',
  pickupAt: null,
  trackingNumber: null,
  delivery: {
    recipientName: '김수진',
    phone: '010-1234-5678',
    zipCode: '04524',
    street: '서울 중구 세종대로 110',
    detail: '',
    deliveryDate: '2026-05-10',
    window: '10:00-13:00',
    note: null,
    senderName: null,
    anonymous: false,
  },
  cancellation: null,
  lines: [],
  ...over,
});

const pickup = (id: string, startsAt: string, status: BoardOrder['status'] = 'CONFIRMED') =>
  order({ id, fulfilment: 'PICKUP', status, delivery: null, pickupAt: startsAt });

describe('the today board', () => {
  it('keeps today, tomorrow and overdue unfinished orders, soonest first, each once', () => {
    const base = order({ id: 'b' });
    const afternoon = base.delivery
      ? { ...base, delivery: { ...base.delivery, window: '14:00-17:00' } }
      : base;
    const lists = [
      [
        afternoon,
        order({ id: 'a' }),
        // 11:00 Seoul tomorrow.
        pickup('c', '2026-05-11T02:00:00Z'),
        pickup('late', '2026-05-09T02:00:00Z', 'READY'),
        pickup('far', '2026-05-14T02:00:00Z'),
      ],
      [
        order({ id: 'a', status: 'PREPARING' }),
        pickup('old-done', '2026-05-08T02:00:00Z', 'PICKED_UP'),
      ],
    ];
    expect(boardOrders(lists, 'all', NOW).map((o) => o.id)).toEqual(['late', 'a', 'b', 'c']);
    expect(boardOrders(lists, 'today', NOW).map((o) => o.id)).toEqual(['late', 'a', 'b']);
    expect(boardOrders(lists, 'tomorrow', NOW).map((o) => o.id)).toEqual(['c']);
  });

  it('looks past the shop’s closed days to the next day it opens', () => {
    // 2026-05-10 is a Sunday; a shop closed on Mondays works next on Tuesday the 12th.
    expect(nextOpenDay([], NOW)).toBe('2026-05-11');
    expect(nextOpenDay([1], NOW)).toBe('2026-05-12');
    expect(nextOpenDay([1, 2], NOW)).toBe('2026-05-13');
    expect(nextOpenDay([0, 1, 2, 3, 4, 5, 6], NOW)).toBe('2026-05-11');
    expect(nextDayLabel('2026-05-11', NOW)).toBe('내일');
    expect(nextDayLabel('2026-05-12', NOW)).toBe('화요일');
    const tuesday = pickup('tue', '2026-05-12T02:00:00Z');
    const monday = pickup('mon', '2026-05-11T02:00:00Z');
    const lists = [[tuesday, monday, order({ id: 'today' })]];
    expect(boardOrders(lists, 'tomorrow', NOW, '2026-05-12').map((o) => o.id)).toEqual(['tue']);
    expect(boardOrders(lists, 'all', NOW, '2026-05-12').map((o) => o.id)).toEqual(['today', 'tue']);
  });

  it('reads a pickup slot in Seoul time and its day', () => {
    const p = pickup('p', '2026-05-10T15:30:00Z');
    expect(serviceDay(p)).toBe('2026-05-11');
    expect(timeOf(p)).toBe('00:30–01:00');
  });

  it('moves delivery and pickup orders along their own steps', () => {
    expect(nextStep(order({ id: 'd' }))?.to).toBe('PREPARING');
    expect(nextStep(order({ id: 'd', status: 'PREPARING' }))?.to).toBe('SHIPPING');
    expect(nextStep(pickup('p', '2026-05-10T02:00:00Z'))?.to).toBe('READY');
    expect(nextStep(order({ id: 'd', status: 'DELIVERED' }))).toBeNull();
    expect(columnOf(pickup('p', '2026-05-10T02:00:00Z', 'READY'))).toBe('out');
  });

  it('sums the stems to prepare by flower over recipe × quantity, leaving shipped orders out', () => {
    const line = (id: string, quantity: number, recipe: { flowerId: number; count: number }[]) => ({
      id,
      productName: `상품 ${recipe.length}`,
      quantity,
      hasGiftCard: false,
      product: { id },
      recipe,
    });
    const rose = [{ flowerId: 1, count: 10 }];
    const mixed = [
      { flowerId: 1, count: 3 },
      { flowerId: 5, count: 2 },
    ];
    const list = pickList([
      order({ id: 'a', lines: [line('a1', 2, rose)] }),
      order({ id: 'b', status: 'PREPARING', lines: [line('b1', 1, mixed)] }),
      order({ id: 'c', status: 'SHIPPING', lines: [line('c1', 5, rose)] }),
    ]);
    expect(list.orders).toBe(2);
    expect(list.flowers).toEqual([
      { flowerId: 1, stems: 23 },
      { flowerId: 5, stems: 2 },
    ]);
    expect(list.products).toEqual([
      { name: '상품 1', quantity: 2 },
      { name: '상품 2', quantity: 1 },
    ]);
  });
});
