import type { EntityManager } from '@bloom/kernel';
import { OrderFailureReason } from '@bloom/schema';
import type { OrdersDeps } from '../orders.deps.js';
import { type Order, OrderStatus } from '../orders/order.entity.js';
import { OrderLifecycle } from '../orders/order-lifecycle.service.js';
import { isPaymentProviderError } from '../payments/payment.errors.js';
import {
  PaymentKind,
  type PaymentRecordInput,
  PaymentRecordStatus,
  recordPayment,
} from '../payments/payment-record.entity.js';
import { type EasyPayMethod, isEasyPay } from '../payments/payment-method.js';
import type {
  CancelOutcome,
  CaptureOutcome,
  PaymentStatusView,
} from '../payments/payment.provider.js';
import { pendingStep, stepAfter } from './checkout-steps.js';
import { type SagaStepRecord, SagaSteps, Step } from './saga-step.entity.js';
import { FAILED_STEP, sagaMetrics } from './saga.metrics.js';

const MESSAGES: Partial<Record<OrderFailureReason, string>> = {
  OUT_OF_STOCK: '재고가 부족해 주문을 완료하지 못했습니다. (Not enough flowers in stock.)',
  SLOT_FULL: '선택한 픽업 시간이 마감되었습니다. (The pickup slot is full.)',
  SLOT_UNAVAILABLE: '선택한 픽업 시간을 예약할 수 없습니다. (The pickup slot cannot be booked.)',
  STORE_NOT_OPEN: '매장이 주문을 받지 않습니다. (The store is not taking orders.)',
  COUPON_REJECTED: '쿠폰을 사용할 수 없습니다. (The coupon could not be used.)',
  PAYMENT_DECLINED: '결제가 거절되었습니다. (The payment was declined.)',
  PAYMENT_FAILED: '결제를 완료하지 못했습니다. (The payment could not be completed.)',
  PAYMENT_CANCELED: '결제를 취소했습니다. (The payment was canceled at the provider.)',
  RESERVATION_TIMEOUT: '매장이 응답하지 않았습니다. (The store did not answer in time.)',
  COUPON_TIMEOUT: '쿠폰 확인이 지연되었습니다. (The coupon check timed out.)',
  PAYMENT_TIMEOUT: '결제 응답이 지연되었습니다. (The payment did not complete in time.)',
};
export const failureMessage = (code: OrderFailureReason) =>
  MESSAGES[code] ?? '주문을 완료하지 못했습니다. (The order could not be completed.)';

/** A capture's or billing-key charge's answer, as a payment record. */
function chargeRecord(
  order: Order,
  result: CaptureOutcome,
): Omit<PaymentRecordInput, 'orderId' | 'at'> {
  const base = { kind: PaymentKind.CHARGE, amount: order.total };
  if (result.status === 'CAPTURED') {
    return { ...base, status: PaymentRecordStatus.CAPTURED, reference: result.paymentKey };
  }
  if (result.status === 'DECLINED') {
    return {
      ...base,
      status: PaymentRecordStatus.DECLINED,
      reference: result.paymentKey,
      failureReason: `${result.code}: ${result.message}`,
    };
  }
  return { ...base, status: PaymentRecordStatus.UNKNOWN, failureReason: result.reason };
}

/** A void's or refund's answer, as a payment record. */
function refundRecord(
  paymentKey: string,
  outcome: CancelOutcome,
): Omit<PaymentRecordInput, 'orderId' | 'at'> {
  if (outcome.status === 'UNKNOWN') {
    return {
      kind: PaymentKind.REFUND,
      amount: 0,
      status: PaymentRecordStatus.UNKNOWN,
      reference: paymentKey,
      failureReason: outcome.reason,
    };
  }
  return {
    kind: PaymentKind.REFUND,
    amount: outcome.canceledAmount,
    status:
      outcome.status === 'CANCELED'
        ? PaymentRecordStatus.VOIDED
        : outcome.status === 'REFUNDED'
          ? PaymentRecordStatus.REFUNDED
          : PaymentRecordStatus.PARTIAL_REFUNDED,
    reference: paymentKey,
  };
}

/** Provider states in which money is held or authorised. */
const LIVE_PAYMENT = new Set<string>(['READY', 'APPROVED', 'CAPTURED', 'PARTIAL_REFUNDED']);

/**
 * The orders side of the choreographed checkout saga. Each method is safe to run twice and
 * from several processes: transitions and steps are unique inserts, provider calls carry
 * `${orderId}:<step>` idempotency keys and events have ids fixed by order and step.
 */
export class CheckoutSaga {
  readonly lifecycle: OrderLifecycle;
  private readonly steps: SagaSteps;
  private readonly metrics = sagaMetrics();
  /** When the pay step started, once this instance has read it (for the step's duration). */
  private payStartedAt: Date | undefined;

  constructor(
    private readonly em: EntityManager,
    private readonly deps: OrdersDeps,
  ) {
    this.lifecycle = new OrderLifecycle(em, deps);
    this.steps = new SagaSteps(em);
  }

  private now = () => this.deps.now();

  /** Keeps the provider's answer for the order's story (staff see every attempt). */
  private keepPayment(order: Order, record: Omit<PaymentRecordInput, 'orderId' | 'at'>) {
    return recordPayment(this.em, { orderId: order.id, at: this.now(), ...record });
  }

  /**
   * stores reserved the flowers, booked the slot and redeemed the coupon (one step, one
   * answer): pay.
   */
  async onReserved(orderId: string, couponRedeemed: boolean, traceId = ''): Promise<void> {
    const order = await this.lifecycle.reproject(orderId);
    if (!order || order.status !== OrderStatus.PENDING) return;
    // The coupon's step is kept for the order's story (staff see each step).
    const reached = couponRedeemed ? [Step.COUPON_REDEEMED, Step.RESERVED] : [Step.RESERVED];
    // Paying comes next (CHECKOUT_STEPS): its start is recorded in the same round trip.
    if (stepAfter(Step.RESERVED)?.invoke === 'pay') reached.push(Step.PAYMENT_STARTED);
    const reservedAt = this.now();
    await this.steps.mark(order.id, reached, reservedAt);
    this.metrics.step(order, 'reserve', 'ok', order.placedAt, reservedAt);
    await this.next(order, await this.steps.of(order.id), traceId);
  }

  /** Takes the next step the recorded steps call for (CHECKOUT_STEPS). */
  private async next(
    order: Order,
    steps: Map<Step, SagaStepRecord>,
    traceId: string,
  ): Promise<void> {
    switch (pendingStep(steps)?.invoke) {
      case 'pay':
        return this.pay(order, steps, traceId);
      default:
        // awaitStores: checkout's orders.order.placed asked; the answer carries on.
        return;
    }
  }

  /** A step failed: fail the order (stores compensates on orders.order.failed) and void. */
  async fail(
    orderId: string,
    code: OrderFailureReason,
    message?: string,
    traceId = '',
  ): Promise<Order | null> {
    const order = await this.lifecycle.reproject(orderId);
    if (!order) return null;
    if (order.status === OrderStatus.PENDING) {
      const outcome = await this.lifecycle.move(order, {
        to: OrderStatus.FAILED,
        actor: 'system',
        code,
        message: message ?? failureMessage(code),
        traceId,
      });
      if (outcome.moved) this.recordFailure(order, code);
      if (!outcome.moved && outcome.order.status === OrderStatus.CONFIRMED) return outcome.order;
    }
    if (order.status === OrderStatus.FAILED || order.status === OrderStatus.CANCELED) {
      await this.releasePayment(order);
    }
    return order;
  }

  /** The failed step and the saga's outcome, by the process whose transition failed the order. */
  private recordFailure(order: Order, code: OrderFailureReason): void {
    const at = this.now();
    const failed = FAILED_STEP[code] as (typeof FAILED_STEP)[OrderFailureReason] | undefined;
    const [step, outcome] = failed ?? (['reserve', 'failed'] as const);
    const startedAt = step === 'reserve' ? order.placedAt : this.payStartedAt;
    if (startedAt) this.metrics.step(order, step, outcome, startedAt, at);
    this.metrics.failed(order, code, at);
  }

  /**
   * ready → approve → capture. The sandbox's approve stands in for the customer approving in
   * the PG window; a real PG would call back (webhook) and this continues from there. A
   * retryable provider error is thrown so the event is redelivered (same idempotency keys);
   * a refusal fails the order.
   */
  private async pay(
    order: Order,
    steps: Map<Step, SagaStepRecord>,
    traceId: string,
  ): Promise<void> {
    if (order.status !== OrderStatus.PENDING) return;
    this.payStartedAt = steps.get(Step.PAYMENT_STARTED)?.at ?? this.now();
    try {
      await this.payOnce(order, steps, traceId);
    } catch (error) {
      if (!isPaymentProviderError(error) || error.retryable) throw error;
      await this.keepPayment(order, {
        kind: PaymentKind.CHARGE,
        amount: order.total,
        status: PaymentRecordStatus.FAILED,
        failureReason: `${error.code}: ${error.message}`,
      });
      await this.fail(order.id, OrderFailureReason.PAYMENT_FAILED, undefined, traceId);
    }
  }

  private async payOnce(
    order: Order,
    steps: Map<Step, SagaStepRecord>,
    traceId: string,
  ): Promise<void> {
    const payments = this.deps.payments;
    // Recorded before the first call, so recovery knows money may be involved.
    if (!steps.has(Step.PAYMENT_STARTED)) {
      await this.steps.mark(order.id, Step.PAYMENT_STARTED, this.now());
    }
    if (order.billingKey) {
      await this.settle(
        order,
        await payments.chargeBillingKey({
          billingKey: order.billingKey,
          orderId: order.id,
          amount: order.total,
          orderName: order.lines[0]?.productName.slice(0, 100) || order.number,
          idempotencyKey: `${order.id}:charge`,
        }),
        traceId,
      );
      return;
    }
    const easyPay = isEasyPay(order.paymentMethod);
    let paymentKey = steps.get(Step.PAYMENT_READY)?.paymentKey;
    if (!paymentKey) {
      const ready = await payments.ready({
        orderId: order.id,
        amount: order.total,
        orderName:
          order.lines
            .map((l) => l.productName)
            .join(', ')
            .slice(0, 100) || order.number,
        customerKey: order.customerId,
        idempotencyKey: `${order.id}:ready`,
        ...(easyPay
          ? {
              easyPay: order.paymentMethod as EasyPayMethod,
              successUrl: order.paymentReturnUrl,
              failUrl: order.paymentReturnUrl,
            }
          : {}),
      });
      paymentKey = ready.paymentKey;
      await this.steps.mark(order.id, Step.PAYMENT_READY, this.now(), {
        paymentKey,
        ...(easyPay ? { approvalUrl: ready.approvalUrl } : {}),
      });
    }
    // Easy pay waits here for the customer: completePayment (or the sweeper) carries on.
    if (easyPay) return;
    const approved = await payments.approve(paymentKey, `${order.id}:approve`);
    if (approved.status === 'DECLINED') {
      await this.decline(order, approved, traceId);
      return;
    }
    await this.capture(order, paymentKey, traceId);
  }

  private async capture(order: Order, paymentKey: string, traceId: string): Promise<void> {
    await this.settle(
      order,
      await this.deps.payments.capture(paymentKey, order.total, `${order.id}:capture`),
      traceId,
    );
  }

  /** Keeps the provider's refusal and fails the order; nothing was taken. */
  private async decline(order: Order, payment: PaymentStatusView, traceId: string): Promise<void> {
    await this.keepPayment(order, {
      kind: PaymentKind.CHARGE,
      amount: payment.amount,
      status: PaymentRecordStatus.DECLINED,
      reference: payment.paymentKey,
      failureReason: payment.failure
        ? `${payment.failure.code}: ${payment.failure.message}`
        : undefined,
    });
    await this.fail(order.id, OrderFailureReason.PAYMENT_DECLINED, undefined, traceId);
  }

  /**
   * Acts on what the provider reports for a PENDING order's payment: a capture confirms it, a
   * decline fails it and, for easy pay, the customer's approval is captured and a cancel on
   * the wallet's page fails it. False when the provider's state calls for nothing yet.
   */
  private async followProvider(
    order: Order,
    payment: PaymentStatusView | null,
    traceId: string,
  ): Promise<boolean> {
    switch (payment?.status) {
      case 'CAPTURED':
        await this.keepPayment(order, {
          kind: PaymentKind.CHARGE,
          amount: payment.amount,
          status: PaymentRecordStatus.CAPTURED,
          reference: payment.paymentKey,
        });
        await this.steps.mark(order.id, Step.CAPTURED, this.now());
        await this.confirm(order, traceId);
        return true;
      case 'DECLINED':
        await this.decline(order, payment, traceId);
        return true;
      case 'APPROVED':
        if (!isEasyPay(order.paymentMethod)) return false;
        await this.capture(order, payment.paymentKey, traceId);
        return true;
      case 'CANCELED':
        if (!isEasyPay(order.paymentMethod)) return false;
        await this.fail(order.id, OrderFailureReason.PAYMENT_CANCELED, undefined, traceId);
        return true;
      default:
        return false;
    }
  }

  /**
   * The customer is back from the easy-pay provider's page: capture what they approved, or
   * fail the order they canceled or the provider declined. Safe to repeat and to race the
   * sweeper (the capture's idempotency key is fixed by the order). `waiting` while the
   * provider has no answer from the customer yet.
   */
  async completeEasyPay(order: Order, traceId: string): Promise<'done' | 'waiting'> {
    if (order.status !== OrderStatus.PENDING || !isEasyPay(order.paymentMethod)) return 'done';
    const steps = await this.steps.of(order.id);
    this.payStartedAt = steps.get(Step.PAYMENT_STARTED)?.at;
    const paymentKey = steps.get(Step.PAYMENT_READY)?.paymentKey;
    if (!paymentKey) return 'waiting';
    const acted = await this.followProvider(
      order,
      await this.deps.payments.get(paymentKey),
      traceId,
    );
    return acted ? 'done' : 'waiting';
  }

  /** Easy pay's page for a PENDING order, once the provider has one; otherwise null. */
  async approvalUrl(order: Order): Promise<string | null> {
    if (order.status !== OrderStatus.PENDING || !isEasyPay(order.paymentMethod)) return null;
    const steps = await this.steps.of(order.id);
    if (steps.has(Step.CAPTURED) || steps.has(Step.CAPTURE_UNKNOWN)) return null;
    return steps.get(Step.PAYMENT_READY)?.approvalUrl ?? null;
  }

  /** Confirms on a capture (or billing-key charge), fails on a decline, waits on UNKNOWN. */
  private async settle(order: Order, result: CaptureOutcome, traceId: string): Promise<void> {
    await this.keepPayment(order, chargeRecord(order, result));
    if (result.status === 'CAPTURED') {
      await this.steps.mark(order.id, Step.CAPTURED, this.now());
      await this.confirm(order, traceId);
    } else if (result.status === 'DECLINED') {
      await this.fail(order.id, OrderFailureReason.PAYMENT_DECLINED, undefined, traceId);
    } else {
      // UNKNOWN: neither retry blindly nor give up; the sweeper asks the provider later.
      await this.steps.mark(order.id, Step.CAPTURE_UNKNOWN, this.now());
    }
  }

  /** PENDING → CONFIRMED; if a failure won the race, the captured money goes back. */
  private async confirm(order: Order, traceId: string): Promise<void> {
    const outcome = await this.lifecycle.move(order, {
      to: OrderStatus.CONFIRMED,
      actor: 'system',
      traceId,
    });
    if (outcome.moved) {
      const at = this.now();
      if (this.payStartedAt) this.metrics.step(order, 'pay', 'ok', this.payStartedAt, at);
      this.metrics.confirmed(order, at);
    }
    if (!outcome.moved && outcome.order.status === OrderStatus.FAILED) {
      await this.releasePayment(outcome.order);
    }
  }

  /** Voids or refunds the payment of a failed or canceled order (idempotent). */
  async releasePayment(order: Order, reason = 'order not completed'): Promise<void> {
    const steps = await this.steps.of(order.id);
    if (!steps.has(Step.PAYMENT_STARTED) || steps.has(Step.PAYMENT_RELEASED)) return;
    const payment = await this.deps.payments.findByOrder(order.id);
    if (payment && LIVE_PAYMENT.has(payment.status)) {
      const outcome = await this.deps.payments.cancel(payment.paymentKey, {
        reason,
        idempotencyKey: `${order.id}:cancel`,
      });
      await this.keepPayment(order, refundRecord(payment.paymentKey, outcome));
      // UNKNOWN: the sweeper asks again; the same key cannot refund twice.
      if (outcome.status === 'UNKNOWN') return;
    }
    await this.steps.mark(order.id, Step.PAYMENT_RELEASED, this.now());
  }

  /**
   * Recovery for one order, run by the sweeper: resumes a saga a dead process left between
   * steps, resolves UNKNOWN captures through the provider, fails what is past its deadline
   * (unless the provider reports a capture, which confirms it), and releases the money of
   * failed or canceled orders.
   */
  async recover(orderId: string): Promise<void> {
    const order = await this.lifecycle.reproject(orderId);
    if (!order) return;
    const steps = await this.steps.of(order.id);
    this.payStartedAt = steps.get(Step.PAYMENT_STARTED)?.at;
    if (order.status !== OrderStatus.PENDING) {
      if (order.status === OrderStatus.FAILED || order.status === OrderStatus.CANCELED) {
        await this.releasePayment(order);
      }
      return;
    }
    const now = this.now().getTime();
    const lastProgress = Math.max(
      order.placedAt.getTime(),
      ...[...steps.values()].map((s) => s.at.getTime()),
    );
    const pending = pendingStep(steps);
    const overdue =
      pending !== null && now - lastProgress >= pending.deadlineMs(this.deps.config, order, steps);
    if (steps.has(Step.PAYMENT_STARTED)) {
      const payment = await this.deps.payments.findByOrder(order.id);
      if (await this.followProvider(order, payment, '')) return;
    }
    if (overdue && pending) {
      await this.fail(order.id, pending.timeout);
      return;
    }
    const quiet = now - lastProgress >= this.deps.config.SAGA_RESUME_AFTER_MS;
    if (quiet && !steps.has(Step.CAPTURE_UNKNOWN)) {
      // A process died (or a write was lost) between steps: carry on where it stopped.
      await this.next(order, steps, '');
    }
  }
}
