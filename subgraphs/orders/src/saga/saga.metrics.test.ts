import { parsePrometheusText, serviceMetrics, sumSamples } from '@bloom/kernel';
import { OrderFailureReason, orderFailureReason } from '@bloom/schema';
import { describe, expect, it } from 'vitest';
import { PaymentMethod } from '../payments/payment-method.js';
import { FAILED_STEP, paymentLabel, sagaMetrics } from './saga.metrics.js';

describe('saga metrics', () => {
  it('places every failure reason on one step, as a refusal or a timeout', () => {
    for (const reason of orderFailureReason.options) {
      const [step, outcome] = FAILED_STEP[reason];
      expect(['reserve', 'pay']).toContain(step);
      expect(outcome === 'timeout').toBe(reason.endsWith('_TIMEOUT'));
    }
  });

  it("records steps and finished orders on the orders service's registry", async () => {
    const metrics = sagaMetrics();
    expect(sagaMetrics()).toBe(metrics);
    const placed = new Date('2026-12-02T08:00:00.000Z');
    const later = (ms: number) => new Date(placed.getTime() + ms);
    const card = { placedAt: placed, paymentMethod: PaymentMethod.CARD };
    const easyPay = { placedAt: placed, paymentMethod: PaymentMethod.KAKAO_PAY };
    metrics.step(card, 'reserve', 'ok', placed, later(120));
    metrics.step(card, 'pay', 'ok', later(120), later(900));
    metrics.confirmed(card, later(900));
    metrics.failed(easyPay, OrderFailureReason.PAYMENT_DECLINED, later(700));
    // A clock moved backwards by a test is a zero duration, never a negative one.
    metrics.step(card, 'pay', 'timeout', later(5000), placed);
    const parsed = parsePrometheusText(await serviceMetrics('orders').render());
    const finished = (labels: Record<string, string>) =>
      sumSamples(parsed, 'saga_orders_finished_total', { service: 'orders', ...labels });
    expect(finished({ outcome: 'confirmed', reason: 'none' })).toBe(1);
    expect(finished({ outcome: 'failed', reason: 'PAYMENT_DECLINED' })).toBe(1);
    const steps = (labels: Record<string, string>) =>
      sumSamples(parsed, 'saga_step_duration_seconds_count', labels);
    expect(steps({ step: 'reserve', outcome: 'ok' })).toBe(1);
    expect(steps({ step: 'pay', outcome: 'ok' })).toBe(1);
    expect(
      sumSamples(parsed, 'saga_step_duration_seconds_sum', { step: 'pay', outcome: 'ok' }),
    ).toBe(0.78);
    expect(sumSamples(parsed, 'saga_step_duration_seconds_sum', { outcome: 'timeout' })).toBe(0);
    const checkouts = (labels: Record<string, string>) =>
      sumSamples(parsed, 'saga_checkout_duration_seconds_count', labels);
    expect(checkouts({ outcome: 'confirmed', payment: 'card' })).toBe(1);
    expect(checkouts({ outcome: 'failed', payment: 'easy_pay' })).toBe(1);
    expect(paymentLabel({ ...card, billingKey: 'bk_1' })).toBe('billing_key');
  });
});
