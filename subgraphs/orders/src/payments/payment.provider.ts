/**
 * The payment provider the orders saga talks to. Every call that moves money takes an
 * idempotency key from the caller, who derives it from the order and the step (for example
 * `${orderId}:capture`), so a retried step never charges or refunds twice.
 *
 * Failure contract:
 * - capture, cancel and chargeBillingKey never throw for a timeout or an unreachable PG: they
 *   return `{ status: 'UNKNOWN' }`, because the money may or may not have moved. The caller
 *   must not assume either way; it reconciles later with get()/findByOrder() (or retries the
 *   same call with the same idempotency key, which returns the first result).
 * - ready, approve, issueBillingKey, get and findByOrder move no money; for a timeout or an
 *   unreachable PG they throw PaymentProviderError with `retryable: true`, and retrying them with
 *   the same idempotency key is safe.
 * - Whatever the PG refuses (validation, wrong state, over-refund, key reuse) throws
 *   PaymentProviderError with the PG's code and `retryable: false`.
 */

export type PaymentStatus =
  'READY' | 'APPROVED' | 'CAPTURED' | 'DECLINED' | 'CANCELED' | 'PARTIAL_REFUNDED' | 'REFUNDED';

export interface ReadyPaymentInput {
  orderId: string;
  /** Whole won. */
  amount: number;
  orderName: string;
  customerKey: string;
  idempotencyKey: string;
  /** Where the PG posts status-change webhooks. */
  callbackUrl?: string;
  /** Where the customer's browser returns after approving. */
  successUrl?: string;
  /** Where it returns after canceling, or after a decline on the provider's page. */
  failUrl?: string;
  /** The wallet whose page the customer approves on. */
  easyPay?: 'KAKAO_PAY' | 'NAVER_PAY' | 'TOSS_PAY';
}

export interface ReadyPayment {
  paymentKey: string;
  orderId: string;
  amount: number;
  status: 'READY';
  /** The page the customer opens to approve the payment. */
  approvalUrl: string;
}

export interface PaymentFailure {
  code: string;
  message: string;
}

export interface PaymentStatusView {
  paymentKey: string;
  orderId: string;
  orderName: string;
  customerKey: string;
  amount: number;
  status: PaymentStatus;
  method: 'CARD' | 'BILLING';
  refundedAmount: number;
  balanceAmount: number;
  approvedAt?: Date;
  capturedAt?: Date;
  canceledAt?: Date;
  failure?: PaymentFailure;
  billingKey?: string;
}

/** The outcome is not known: a timeout, or no answer from the PG. Reconcile; never assume. */
export interface UnknownOutcome {
  status: 'UNKNOWN';
  reason: 'TIMEOUT' | 'UNAVAILABLE';
}

export type CaptureOutcome =
  | { status: 'CAPTURED'; paymentKey: string; orderId: string; amount: number; capturedAt: Date }
  | { status: 'DECLINED'; paymentKey: string; orderId: string; code: string; message: string }
  | UnknownOutcome;

export type CancelOutcome =
  | {
      /** CANCELED: voided before capture; otherwise refunded after capture. */
      status: 'CANCELED' | 'PARTIAL_REFUNDED' | 'REFUNDED';
      paymentKey: string;
      /** What this call voided or refunded. */
      canceledAmount: number;
      /** Refunded so far, over every cancel of this payment. */
      refundedAmount: number;
      balanceAmount: number;
    }
  | UnknownOutcome;

export interface CancelInput {
  reason: string;
  /** Omitted: cancel everything that is left. */
  amount?: number;
  idempotencyKey: string;
}

export interface CardInput {
  number: string;
  expiryYear: number;
  expiryMonth: number;
  ownerName?: string;
}

export interface IssueBillingKeyInput {
  customerKey: string;
  card: CardInput;
  idempotencyKey: string;
}

export interface BillingKey {
  billingKey: string;
  customerKey: string;
  cardLast4: string;
  maskedCardNumber: string;
}

export interface ChargeBillingKeyInput {
  billingKey: string;
  orderId: string;
  amount: number;
  orderName: string;
  idempotencyKey: string;
  callbackUrl?: string;
}

/** A verified status-change callback from the PG. */
export interface WebhookEvent {
  /** Stable across redeliveries: deduplicate on it. */
  eventId: string;
  paymentKey: string;
  orderId: string;
  status: PaymentStatus;
  amount: number;
  refundedAmount: number;
  occurredAt: Date;
}

export interface PaymentProvider {
  /** Registers a payment for the customer to approve. */
  ready(input: ReadyPaymentInput): Promise<ReadyPayment>;
  /**
   * The customer's approval step. A real PG gets it from the customer's browser; the emulator
   * exposes it so the saga's tests and demos can drive a checkout end to end.
   */
  approve(paymentKey: string, idempotencyKey: string): Promise<PaymentStatusView>;
  /** Takes the money of an approved payment; `amount` must equal the approved amount. */
  capture(paymentKey: string, amount: number, idempotencyKey: string): Promise<CaptureOutcome>;
  /** Voids before capture; refunds (in full or in part) after it. */
  cancel(paymentKey: string, input: CancelInput): Promise<CancelOutcome>;
  get(paymentKey: string): Promise<PaymentStatusView | null>;
  findByOrder(orderId: string): Promise<PaymentStatusView | null>;
  /** Saves a card for recurring charges (subscriptions). */
  issueBillingKey(input: IssueBillingKeyInput): Promise<BillingKey>;
  /** Charges a saved card at once, without a customer step. */
  chargeBillingKey(input: ChargeBillingKeyInput): Promise<CaptureOutcome>;
  /** Checks a webhook's signature over the raw body; null when it is not authentic or malformed. */
  verifyWebhook(rawBody: string | Buffer, signature: string | undefined): WebhookEvent | null;
}
