import { randomUUID } from 'node:crypto';
import type {
  CancelOutcome,
  CaptureOutcome,
  PaymentProvider,
  PaymentStatusView,
} from '../src/payments/payment.provider.js';

/** Runs `work` now and answers as an async method would: a throw becomes a rejection. */
const settle = <T>(work: () => T): Promise<T> => new Promise((resolve) => resolve(work()));

/**
 * An in-memory PG with the provider's idempotency semantics (a key returns its first result)
 * and switches to inject declines and lost capture answers per order.
 */
export class FakePayments implements PaymentProvider {
  readonly payments = new Map<string, PaymentStatusView>();
  private readonly results = new Map<string, unknown>();
  /** Customers whose captures are declined. */
  readonly declineCapture = new Set<string>();
  /** Customers whose captures take the money but answer UNKNOWN (a timeout after the fact). */
  readonly loseCaptureAnswer = new Set<string>();
  calls = { ready: 0, capture: 0, cancel: 0 };

  private once<T>(key: string, run: () => T): T {
    if (this.results.has(key)) return this.results.get(key) as T;
    const result = run();
    this.results.set(key, result);
    return result;
  }

  private byOrder(orderId: string) {
    return [...this.payments.values()].find((p) => p.orderId === orderId) ?? null;
  }

  captured() {
    return [...this.payments.values()].filter((p) => p.status === 'CAPTURED');
  }

  ready(input: Parameters<PaymentProvider['ready']>[0]) {
    return settle(() =>
      this.once(input.idempotencyKey, () => {
        this.calls.ready += 1;
        const paymentKey = `pay_${randomUUID()}`;
        this.payments.set(paymentKey, {
          paymentKey,
          orderId: input.orderId,
          orderName: input.orderName,
          customerKey: input.customerKey,
          amount: input.amount,
          status: 'READY',
          method: 'CARD',
          refundedAmount: 0,
          balanceAmount: input.amount,
        });
        return {
          paymentKey,
          orderId: input.orderId,
          amount: input.amount,
          status: 'READY' as const,
          approvalUrl: `http://pg.test/checkout/${paymentKey}`,
        };
      }),
    );
  }

  /** The customer's answer on an easy-pay page (no idempotency key: it is their browser). */
  answerOnPage(paymentKey: string, answer: 'approve' | 'cancel' | 'decline'): void {
    const payment = this.payments.get(paymentKey);
    if (payment?.status !== 'READY') throw new Error(`no READY payment ${paymentKey}`);
    if (answer === 'approve') payment.status = 'APPROVED';
    else if (answer === 'cancel') payment.status = 'CANCELED';
    else {
      payment.status = 'DECLINED';
      payment.failure = { code: 'REJECT_CARD_COMPANY', message: 'declined by the wallet' };
    }
  }

  approve(paymentKey: string, idempotencyKey: string) {
    return settle(() =>
      this.once(idempotencyKey, () => {
        const payment = this.payments.get(paymentKey);
        if (!payment) throw new Error('no such payment');
        if (payment.status === 'READY') payment.status = 'APPROVED';
        return { ...payment };
      }),
    );
  }

  capture(paymentKey: string, amount: number, idempotencyKey: string): Promise<CaptureOutcome> {
    return settle(() => this.captureNow(paymentKey, amount, idempotencyKey));
  }

  private captureNow(paymentKey: string, amount: number, idempotencyKey: string): CaptureOutcome {
    const result = this.once(idempotencyKey, (): CaptureOutcome => {
      const payment = this.payments.get(paymentKey);
      if (!payment) throw new Error('no such payment');
      this.calls.capture += 1;
      if (this.declineCapture.has(payment.customerKey)) {
        payment.status = 'DECLINED';
        return {
          status: 'DECLINED',
          paymentKey,
          orderId: payment.orderId,
          code: 'CARD_DECLINED',
          message: 'declined',
        };
      }
      if (payment.status !== 'APPROVED' || amount !== payment.amount)
        throw new Error('bad capture');
      payment.status = 'CAPTURED';
      payment.capturedAt = new Date();
      return {
        status: 'CAPTURED',
        paymentKey,
        orderId: payment.orderId,
        amount,
        capturedAt: payment.capturedAt,
      };
    });
    const customerKey = this.payments.get(paymentKey)?.customerKey ?? '';
    if (this.loseCaptureAnswer.has(customerKey)) return { status: 'UNKNOWN', reason: 'TIMEOUT' };
    return result;
  }

  cancel(
    paymentKey: string,
    input: { reason: string; idempotencyKey: string },
  ): Promise<CancelOutcome> {
    return settle(() =>
      this.once(input.idempotencyKey, (): CancelOutcome => {
        const payment = this.payments.get(paymentKey);
        if (!payment) throw new Error('no such payment');
        this.calls.cancel += 1;
        const wasCaptured = payment.status === 'CAPTURED';
        const amount = payment.balanceAmount;
        payment.status = wasCaptured ? 'REFUNDED' : 'CANCELED';
        payment.refundedAmount = wasCaptured ? payment.amount : 0;
        payment.balanceAmount = 0;
        return {
          status: payment.status,
          paymentKey,
          canceledAmount: amount,
          refundedAmount: payment.refundedAmount,
          balanceAmount: 0,
        };
      }),
    );
  }

  get(paymentKey: string) {
    return Promise.resolve(this.payments.get(paymentKey) ?? null);
  }

  findByOrder(orderId: string) {
    return Promise.resolve(this.byOrder(orderId));
  }

  issueBillingKey(): Promise<never> {
    return Promise.reject(new Error('not used by orders'));
  }

  chargeBillingKey(): Promise<never> {
    return Promise.reject(new Error('not used by orders'));
  }

  verifyWebhook() {
    return null;
  }
}
