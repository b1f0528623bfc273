import { OrderFailureReason } from '@bloom/schema';
import type { OrdersConfig } from '../orders.config.js';
import type { Order } from '../orders/order.entity.js';
import { isEasyPay } from '../payments/payment-method.js';
import { type SagaStepRecord, Step } from './saga-step.entity.js';

/** What the saga does to start a step; the stores step is started by checkout itself. */
export type StepInvoke = 'awaitStores' | 'pay';

/**
 * One step of the checkout saga: done when its `done` step is recorded. Compensation is what
 * undoes the step when a later one fails; it runs from `orders.order.failed` (stores) or from
 * releasePayment (orders), never inline, so it survives a crash.
 */
export interface CheckoutStep {
  done: Step;
  invoke: StepInvoke;
  compensation: string;
  /** How long the step may take, from the saga's last progress. */
  deadlineMs: (config: OrdersConfig, order: Order, steps: Map<Step, SagaStepRecord>) => number;
  /** Why the order fails when the step misses its deadline (its text: failureMessage). */
  timeout: OrderFailureReason;
}

/**
 * The checkout saga, in order. `next` starts the first applicable step not done yet, and the
 * sweeper's recovery fails an order by the deadline and timeout of that same step: the order
 * of the steps is written here once.
 */
export const CHECKOUT_STEPS: readonly CheckoutStep[] = [
  {
    done: Step.RESERVED,
    invoke: 'awaitStores',
    // One command, one answer: stores reserves the flowers, books the seat and redeems the
    // coupon together, and refuses all of it when any part fails.
    compensation: 'stores releases the flowers and the pickup seat and returns the coupon',
    deadlineMs: (config) => config.SAGA_STEP_TIMEOUT_MS,
    timeout: OrderFailureReason.RESERVATION_TIMEOUT,
  },
  {
    done: Step.CAPTURED,
    invoke: 'pay',
    compensation: 'orders voids or refunds the payment (releasePayment)',
    // A customer on the wallet's page has longer than a service answering an event.
    deadlineMs: (config, order, steps) =>
      isEasyPay(order.paymentMethod) && steps.has(Step.PAYMENT_READY)
        ? config.EASY_PAY_APPROVAL_TIMEOUT_MS
        : config.SAGA_STEP_TIMEOUT_MS,
    timeout: OrderFailureReason.PAYMENT_TIMEOUT,
  },
];

/** The first step the order still has to take, or null when every step is done. */
export const pendingStep = (steps: Map<Step, SagaStepRecord>): CheckoutStep | null =>
  CHECKOUT_STEPS.find((s) => !steps.has(s.done)) ?? null;

/** The step that follows the one done by `done`, or null after the last. */
export const stepAfter = (done: Step): CheckoutStep | null => {
  const index = CHECKOUT_STEPS.findIndex((s) => s.done === done);
  return index < 0 ? null : (CHECKOUT_STEPS[index + 1] ?? null);
};
