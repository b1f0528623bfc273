import { type Counter, type Histogram, serviceMetrics } from '@bloom/kernel';
import type { OrderFailureReason } from '@bloom/schema';
import { SOURCE } from '../orders.deps.js';
import type { Order } from '../orders/order.entity.js';
import { isEasyPay } from '../payments/payment-method.js';

/** The checkout saga's steps as metric labels (CHECKOUT_STEPS: awaitStores, then pay). */
export type SagaStepLabel = 'reserve' | 'pay';
export type SagaStepOutcome = 'ok' | 'failed' | 'timeout';
/**
 * How the order pays: easy pay waits for the customer on the wallet's page (minutes), so its
 * durations are kept apart from those the system alone decides.
 */
export type SagaPaymentLabel = 'card' | 'easy_pay' | 'billing_key';

type SagaOrder = Pick<Order, 'placedAt' | 'paymentMethod' | 'billingKey'>;

export const paymentLabel = (order: SagaOrder): SagaPaymentLabel =>
  order.billingKey ? 'billing_key' : isEasyPay(order.paymentMethod) ? 'easy_pay' : 'card';

/**
 * The step a failure reason ends and how: every reason is one step's refusal or timeout, so
 * the labels stay a small fixed set (a new reason does not compile until it is placed here).
 */
export const FAILED_STEP: Readonly<
  Record<OrderFailureReason, readonly [SagaStepLabel, SagaStepOutcome]>
> = {
  OUT_OF_STOCK: ['reserve', 'failed'],
  SLOT_FULL: ['reserve', 'failed'],
  SLOT_UNAVAILABLE: ['reserve', 'failed'],
  STORE_NOT_OPEN: ['reserve', 'failed'],
  STORE_NOT_FOUND: ['reserve', 'failed'],
  INVALID_ORDER: ['reserve', 'failed'],
  COUPON_REJECTED: ['reserve', 'failed'],
  RESERVATION_TIMEOUT: ['reserve', 'timeout'],
  COUPON_TIMEOUT: ['reserve', 'timeout'],
  PAYMENT_DECLINED: ['pay', 'failed'],
  PAYMENT_FAILED: ['pay', 'failed'],
  PAYMENT_CANCELED: ['pay', 'failed'],
  PAYMENT_TIMEOUT: ['pay', 'timeout'],
};

// Seconds: a step answered by a service takes well under one; easy pay waits for a customer.
const STEP_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 1800];

/**
 * `saga_step_duration_seconds{step,outcome,payment}`, `saga_checkout_duration_seconds{outcome,
 * payment}` (placed → confirmed or failed) and `saga_orders_finished_total{outcome,reason}`, on the orders
 * service's registry. Recorded only by the process whose transition moved the order, so a
 * duplicate event or a racing sweeper never counts an order twice.
 */
export class SagaMetrics {
  private readonly steps: Histogram<'step' | 'outcome' | 'payment'>;
  private readonly checkouts: Histogram<'outcome' | 'payment'>;
  private readonly finishedOrders: Counter<'outcome' | 'reason'>;

  constructor() {
    const metrics = serviceMetrics(SOURCE);
    this.steps = metrics.histogram({
      name: 'saga_step_duration_seconds',
      help: 'Checkout saga steps from their start to their outcome (ok, failed, timeout), in seconds.',
      labelNames: ['step', 'outcome', 'payment'],
      buckets: STEP_BUCKETS,
    });
    this.checkouts = metrics.histogram({
      name: 'saga_checkout_duration_seconds',
      help: 'Checkout sagas from the order placed to it confirmed or failed, in seconds.',
      labelNames: ['outcome', 'payment'],
      buckets: STEP_BUCKETS,
    });
    this.finishedOrders = metrics.counter({
      name: 'saga_orders_finished_total',
      help: 'Orders the checkout saga confirmed or failed, by failure reason (none if confirmed).',
      labelNames: ['outcome', 'reason'],
    });
  }

  step(
    order: SagaOrder,
    step: SagaStepLabel,
    outcome: SagaStepOutcome,
    from: Date,
    to: Date,
  ): void {
    this.steps.observe({ step, outcome, payment: paymentLabel(order) }, secondsBetween(from, to));
  }

  confirmed(order: SagaOrder, at: Date): void {
    this.finishedOrders.inc({ outcome: 'confirmed', reason: 'none' });
    this.checkouts.observe(
      { outcome: 'confirmed', payment: paymentLabel(order) },
      secondsBetween(order.placedAt, at),
    );
  }

  failed(order: SagaOrder, reason: OrderFailureReason, at: Date): void {
    this.finishedOrders.inc({ outcome: 'failed', reason });
    this.checkouts.observe(
      { outcome: 'failed', payment: paymentLabel(order) },
      secondsBetween(order.placedAt, at),
    );
  }
}

/** Never negative: the services' clock can be moved by tests. */
const secondsBetween = (from: Date, to: Date) =>
  Math.max(0, (to.getTime() - from.getTime()) / 1000);

let instance: SagaMetrics | undefined;

/** The saga's instruments, created once per process. */
export function sagaMetrics(): SagaMetrics {
  instance ??= new SagaMetrics();
  return instance;
}
