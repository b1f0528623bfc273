import { describe, expect, it } from 'vitest';
import { loadOrdersConfig } from '../orders.config.js';
import type { Order } from '../orders/order.entity.js';
import { PaymentMethod } from '../payments/payment-method.js';
import { CHECKOUT_STEPS, pendingStep, stepAfter } from './checkout-steps.js';
import { type SagaStepRecord, Step } from './saga-step.entity.js';

const config = loadOrdersConfig({
  SAGA_STEP_TIMEOUT_MS: '30000',
  CALLER_SIGNING_SECRET: 'unit-test-caller-secret-0123456789',
});
const order = (patch: Partial<Order> = {}) =>
  ({ couponId: undefined, paymentMethod: PaymentMethod.CARD, ...patch }) as Order;
const done = (...names: Step[]) =>
  new Map(names.map((step) => [step, { step, at: new Date() } as SagaStepRecord]));

describe('the checkout saga steps', () => {
  it('are taken in order: the stores step (flowers, seat, coupon), then the payment', () => {
    expect(pendingStep(done())?.done).toBe(Step.RESERVED);
    // A coupon is part of the stores step: no step of its own.
    expect(pendingStep(done(Step.RESERVED, Step.COUPON_REDEEMED))?.invoke).toBe('pay');
    expect(pendingStep(done(Step.RESERVED, Step.CAPTURED))).toBeNull();
  });

  it('name the step after each one (the saga records the payment start with the reservation)', () => {
    expect(stepAfter(Step.RESERVED)?.invoke).toBe('pay');
    expect(stepAfter(Step.CAPTURED)).toBeNull();
    expect(stepAfter(Step.PAYMENT_READY)).toBeNull();
  });

  it('fail by the timeout of the step that is late', () => {
    expect(CHECKOUT_STEPS.map((s) => s.timeout)).toEqual([
      'RESERVATION_TIMEOUT',
      'PAYMENT_TIMEOUT',
    ]);
  });

  it('give a customer on the wallet page the approval deadline, not a service’s', () => {
    const pay = CHECKOUT_STEPS.find((s) => s.invoke === 'pay');
    const easy = order({ paymentMethod: PaymentMethod.KAKAO_PAY });
    expect(pay?.deadlineMs(config, easy, done(Step.RESERVED))).toBe(30_000);
    expect(pay?.deadlineMs(config, easy, done(Step.RESERVED, Step.PAYMENT_READY))).toBe(
      config.EASY_PAY_APPROVAL_TIMEOUT_MS,
    );
    expect(pay?.deadlineMs(config, order(), done(Step.RESERVED, Step.PAYMENT_READY))).toBe(30_000);
  });
});
