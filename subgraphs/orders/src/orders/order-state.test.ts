import { describe, expect, it } from 'vitest';
import { Fulfilment, OrderStatus as S } from './order.entity.js';
import { canMove, nextStatus } from './order-state.js';

describe('order state machine', () => {
  it('walks delivery and pickup forward only', () => {
    expect(nextStatus(Fulfilment.DELIVERY, S.CONFIRMED)).toBe(S.PREPARING);
    expect(nextStatus(Fulfilment.DELIVERY, S.SHIPPING)).toBe(S.DELIVERED);
    expect(nextStatus(Fulfilment.PICKUP, S.CONFIRMED)).toBe(S.READY);
    expect(nextStatus(Fulfilment.PICKUP, S.READY)).toBe(S.PICKED_UP);
    expect(canMove(Fulfilment.DELIVERY, S.SHIPPING, S.PREPARING)).toBe(false);
    expect(canMove(Fulfilment.PICKUP, S.CONFIRMED, S.SHIPPING)).toBe(false);
  });

  it('cancels only before shipping or pickup', () => {
    expect(canMove(Fulfilment.DELIVERY, S.PREPARING, S.CANCELED)).toBe(true);
    expect(canMove(Fulfilment.DELIVERY, S.SHIPPING, S.CANCELED)).toBe(false);
    expect(canMove(Fulfilment.PICKUP, S.READY, S.CANCELED)).toBe(true);
    expect(canMove(Fulfilment.PICKUP, S.PICKED_UP, S.CANCELED)).toBe(false);
    expect(canMove(Fulfilment.PICKUP, S.PENDING, S.CANCELED)).toBe(false);
  });
});
