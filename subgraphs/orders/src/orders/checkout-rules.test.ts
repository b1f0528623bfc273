import { describe, expect, it } from 'vitest';
import {
  couponFulfilmentProblem,
  deliveryCalendarProblem,
  stockShortage,
} from './checkout-rules.js';

describe('stockShortage', () => {
  const stock = new Map([
    [1, 20],
    [2, 5],
  ]);

  it('lets through what the scarcest flower can make', () => {
    expect(
      stockShortage([{ productId: 'a', quantity: 5, recipe: [{ flowerId: 2, count: 1 }] }], stock),
    ).toBeNull();
    expect(stockShortage([{ productId: 'free', quantity: 999, recipe: [] }], stock)).toBeNull();
  });

  it('names the first line that does not fit, after earlier lines took their stems', () => {
    const rose = { productId: 'rose', quantity: 4, recipe: [{ flowerId: 1, count: 3 }] };
    const mixed = {
      productId: 'mixed',
      quantity: 3,
      recipe: [
        { flowerId: 1, count: 2 },
        { flowerId: 2, count: 1 },
      ],
    };
    // 12 of 20 roses gone: 8 left make 4 mixed, so 3 fit; 5 would not.
    expect(stockShortage([rose, mixed], stock)).toBeNull();
    expect(stockShortage([rose, { ...mixed, quantity: 5 }], stock)).toEqual({
      productId: 'mixed',
      available: 4,
    });
  });

  it('counts unreported flowers as none', () => {
    expect(
      stockShortage([{ productId: 'p', quantity: 1, recipe: [{ flowerId: 9, count: 1 }] }], stock),
    ).toEqual({ productId: 'p', available: 0 });
  });
});

describe('deliveryCalendarProblem', () => {
  const store = {
    sameDayCutoff: '14:00',
    deliveryWindows: [{ start: '10:00', end: '13:00' }],
    closedWeekdays: [0],
  };
  // Monday 2026-03-02, 15:00 in Seoul.
  const now = new Date('2026-03-02T06:00:00.000Z');
  const on = (deliveryDate: string, window = '10:00-13:00') => ({ deliveryDate, window });

  it('maps each calendar problem to its field and code', () => {
    expect(deliveryCalendarProblem(store, on('2026-03-02'), now)).toMatchObject({
      field: 'delivery.deliveryDate',
      code: 'AFTER_CUTOFF',
    });
    expect(deliveryCalendarProblem(store, on('2026-03-08'), now)).toMatchObject({
      field: 'delivery.deliveryDate',
      code: 'CLOSED_DAY',
    });
    expect(deliveryCalendarProblem(store, on('2026-03-03', '16:00-19:00'), now)).toMatchObject({
      field: 'delivery.window',
      code: 'WINDOW_NOT_OFFERED',
    });
    expect(deliveryCalendarProblem(store, on('2026-03-03', ' 10:00-13:00 '), now)).toBeNull();
  });

  it('does not refuse for a store whose snapshot carries no calendar yet', () => {
    expect(deliveryCalendarProblem({}, on('2026-03-08', '01:00-02:00'), now)).toBeNull();
    // Business hours unknown: no closed days, the windows still apply.
    const { closedWeekdays: _, ...noHours } = store;
    expect(deliveryCalendarProblem(noHours, on('2026-03-08'), now)).toBeNull();
  });
});

describe('couponFulfilmentProblem', () => {
  it('lets an unrestricted coupon fit both ways and a restricted one only its own', () => {
    for (const way of ['DELIVERY', 'PICKUP'] as const) {
      expect(couponFulfilmentProblem({ onlyFor: null }, way)).toBeNull();
      expect(couponFulfilmentProblem({}, way)).toBeNull();
      expect(couponFulfilmentProblem({ onlyFor: way }, way)).toBeNull();
    }
    expect(couponFulfilmentProblem({ onlyFor: 'PICKUP' }, 'DELIVERY')).toBe(
      'This coupon is for pickup orders only.',
    );
    expect(couponFulfilmentProblem({ onlyFor: 'DELIVERY' }, 'PICKUP')).toBe(
      'This coupon is for delivery orders only.',
    );
  });
});
