import { randomBytes } from 'node:crypto';
import type { DeclineReason } from './scenario.registry.js';

export type PaymentStatus =
  'READY' | 'APPROVED' | 'CAPTURED' | 'DECLINED' | 'CANCELED' | 'PARTIAL_REFUNDED' | 'REFUNDED';

export const easyPayNames = ['KAKAO_PAY', 'NAVER_PAY', 'TOSS_PAY'] as const;
export type EasyPay = (typeof easyPayNames)[number];

export type TransactionType = 'APPROVE' | 'CAPTURE' | 'DECLINE' | 'VOID' | 'REFUND';

export interface Transaction {
  transactionKey: string;
  type: TransactionType;
  amount: number;
  at: string;
  reason?: string;
}

export interface PaymentRecord {
  paymentKey: string;
  orderId: string;
  orderName: string;
  customerKey: string;
  amount: number;
  status: PaymentStatus;
  method: 'CARD' | 'BILLING';
  billingKey?: string;
  successUrl?: string;
  failUrl?: string;
  easyPay?: EasyPay;
  callbackUrl?: string;
  requestedAt: string;
  approvedAt?: string;
  capturedAt?: string;
  canceledAt?: string;
  refundedAmount: number;
  failure?: DeclineReason;
  /** Every money movement, so tests can count captures instead of trusting a status. */
  transactions: Transaction[];
}

export interface BillingKeyRecord {
  billingKey: string;
  customerKey: string;
  card: { last4: string; maskedNumber: string; expiryYear: number; expiryMonth: number };
  createdAt: string;
}

/** A refusal the API reports as `{ code, message }` with an HTTP status. */
export class EmulatorError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'EmulatorError';
  }
}

const notFoundPayment = (paymentKey: string) =>
  new EmulatorError(404, 'NOT_FOUND_PAYMENT', `No payment ${paymentKey}.`);

const key = (prefix: string) => `${prefix}_${randomBytes(12).toString('hex')}`;

/** Luhn check digit, as card networks validate numbers before anything else. */
function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** Drops the oldest entries of an insertion-ordered map past its bound. */
function trim<K, V>(map: Map<K, V>, capacity: number, onDrop: (value: V) => void): void {
  for (const [k, v] of map) {
    if (map.size <= capacity) return;
    map.delete(k);
    onDrop(v);
  }
}

/**
 * The emulator's payments and billing keys, in memory and bounded. Each method is one atomic
 * state transition (synchronous, so concurrent requests cannot interleave inside it) and throws
 * EmulatorError for what a real PG refuses.
 */
export class PaymentLedger {
  private readonly payments = new Map<string, PaymentRecord>();
  private readonly byOrder = new Map<string, string>();
  private readonly billingKeys = new Map<string, BillingKeyRecord>();

  constructor(
    private readonly capacity: number,
    private readonly now: () => Date = () => new Date(),
  ) {}

  ready(input: {
    orderId: string;
    amount: number;
    orderName: string;
    customerKey: string;
    successUrl?: string;
    failUrl?: string;
    easyPay?: EasyPay;
    callbackUrl?: string;
  }): PaymentRecord {
    this.ensureNewOrder(input.orderId);
    return this.store({
      paymentKey: key('pay'),
      ...input,
      status: 'READY',
      method: 'CARD',
      requestedAt: this.now().toISOString(),
      refundedAmount: 0,
      transactions: [],
    });
  }

  approve(paymentKey: string): PaymentRecord {
    const payment = this.require(paymentKey);
    this.expectStatus(payment, 'READY', 'approve');
    payment.status = 'APPROVED';
    payment.approvedAt = this.now().toISOString();
    this.record(payment, 'APPROVE', payment.amount);
    return payment;
  }

  /** The customer's approval on the checkout page, which the wallet may decline. */
  approveOnPage(paymentKey: string, decline?: DeclineReason): PaymentRecord {
    if (!decline) return this.approve(paymentKey);
    const payment = this.require(paymentKey);
    this.expectStatus(payment, 'READY', 'approve');
    this.decline(payment, decline);
    return payment;
  }

  capture(paymentKey: string, amount: number, decline?: DeclineReason): PaymentRecord {
    const payment = this.require(paymentKey);
    this.expectStatus(payment, 'APPROVED', 'capture');
    if (amount !== payment.amount) {
      throw new EmulatorError(
        400,
        'AMOUNT_MISMATCH',
        `Capture amount ${amount} differs from the approved amount ${payment.amount}.`,
      );
    }
    if (decline) this.decline(payment, decline);
    else {
      payment.status = 'CAPTURED';
      payment.capturedAt = this.now().toISOString();
      this.record(payment, 'CAPTURE', amount);
    }
    return payment;
  }

  /**
   * Before capture a cancel voids the whole authorisation; after it, it refunds `amount`
   * (default: what is left), never more than what is left.
   */
  cancel(paymentKey: string, input: { reason: string; amount?: number }): PaymentRecord {
    const payment = this.require(paymentKey);
    const at = this.now().toISOString();
    if (payment.status === 'READY' || payment.status === 'APPROVED') {
      if (input.amount !== undefined && input.amount !== payment.amount) {
        throw new EmulatorError(
          400,
          'PARTIAL_VOID_NOT_ALLOWED',
          'A payment that is not captured can only be canceled in full.',
        );
      }
      payment.status = 'CANCELED';
      payment.canceledAt = at;
      this.record(payment, 'VOID', payment.amount, input.reason);
      return payment;
    }
    if (payment.status !== 'CAPTURED' && payment.status !== 'PARTIAL_REFUNDED') {
      throw new EmulatorError(
        409,
        'NOT_CANCELABLE_PAYMENT',
        `A ${payment.status} payment cannot be canceled.`,
      );
    }
    const balance = payment.amount - payment.refundedAmount;
    const amount = input.amount ?? balance;
    if (amount > balance) {
      throw new EmulatorError(
        400,
        'REFUND_AMOUNT_EXCEEDED',
        `Refund ${amount} exceeds the refundable balance ${balance}.`,
      );
    }
    payment.refundedAmount += amount;
    payment.status = payment.refundedAmount === payment.amount ? 'REFUNDED' : 'PARTIAL_REFUNDED';
    payment.canceledAt = at;
    this.record(payment, 'REFUND', amount, input.reason);
    return payment;
  }

  issueBillingKey(input: {
    customerKey: string;
    card: { number: string; expiryYear: number; expiryMonth: number };
  }): BillingKeyRecord {
    const digits = input.card.number.replace(/[\s-]/g, '');
    if (!/^\d{13,19}$/.test(digits) || !passesLuhn(digits)) {
      throw new EmulatorError(400, 'INVALID_CARD_NUMBER', 'The card number is not valid.');
    }
    const now = this.now();
    const expiry = input.card.expiryYear * 12 + input.card.expiryMonth;
    if (expiry < now.getUTCFullYear() * 12 + now.getUTCMonth() + 1) {
      throw new EmulatorError(400, 'INVALID_CARD_EXPIRATION', 'The card has expired.');
    }
    const last4 = digits.slice(-4);
    // Only the masked number is kept, as a PG never hands a card number back.
    const record: BillingKeyRecord = {
      billingKey: key('bill'),
      customerKey: input.customerKey,
      card: {
        last4,
        maskedNumber: `${digits.slice(0, 4)}${'*'.repeat(digits.length - 8)}${last4}`,
        expiryYear: input.card.expiryYear,
        expiryMonth: input.card.expiryMonth,
      },
      createdAt: now.toISOString(),
    };
    this.billingKeys.set(record.billingKey, record);
    trim(this.billingKeys, this.capacity, () => undefined);
    return record;
  }

  requireBillingKey(billingKey: string): BillingKeyRecord {
    const record = this.billingKeys.get(billingKey);
    if (!record) {
      throw new EmulatorError(404, 'NOT_FOUND_BILLING_KEY', `No billing key ${billingKey}.`);
    }
    return record;
  }

  deleteBillingKey(billingKey: string): BillingKeyRecord {
    const record = this.requireBillingKey(billingKey);
    this.billingKeys.delete(billingKey);
    return record;
  }

  /** A recurring charge: no customer step, captured (or declined) at once. */
  chargeBillingKey(
    billingKey: string,
    input: { orderId: string; amount: number; orderName: string; callbackUrl?: string },
    decline?: DeclineReason,
  ): PaymentRecord {
    const owner = this.requireBillingKey(billingKey);
    this.ensureNewOrder(input.orderId);
    const at = this.now().toISOString();
    const payment = this.store({
      paymentKey: key('pay'),
      ...input,
      customerKey: owner.customerKey,
      billingKey,
      status: 'APPROVED',
      method: 'BILLING',
      requestedAt: at,
      approvedAt: at,
      refundedAmount: 0,
      transactions: [],
    });
    if (decline) this.decline(payment, decline);
    else {
      payment.status = 'CAPTURED';
      payment.capturedAt = at;
      this.record(payment, 'CAPTURE', payment.amount);
    }
    return payment;
  }

  get(paymentKey: string): PaymentRecord | undefined {
    return this.payments.get(paymentKey);
  }

  require(paymentKey: string): PaymentRecord {
    const payment = this.payments.get(paymentKey);
    if (!payment) throw notFoundPayment(paymentKey);
    return payment;
  }

  findByOrder(orderId: string): PaymentRecord | undefined {
    const paymentKey = this.byOrder.get(orderId);
    return paymentKey === undefined ? undefined : this.payments.get(paymentKey);
  }

  list(): PaymentRecord[] {
    return [...this.payments.values()];
  }

  reset(): void {
    this.payments.clear();
    this.byOrder.clear();
    this.billingKeys.clear();
  }

  private store(payment: PaymentRecord): PaymentRecord {
    this.payments.set(payment.paymentKey, payment);
    this.byOrder.set(payment.orderId, payment.paymentKey);
    trim(this.payments, this.capacity, (dropped) => this.byOrder.delete(dropped.orderId));
    return payment;
  }

  /** Like real PGs, one payment per orderId: a second attempt needs a new order id. */
  private ensureNewOrder(orderId: string): void {
    if (this.byOrder.has(orderId)) {
      throw new EmulatorError(
        409,
        'DUPLICATED_ORDER_ID',
        `Order ${orderId} already has a payment.`,
      );
    }
  }

  private expectStatus(payment: PaymentRecord, status: PaymentStatus, action: string): void {
    if (payment.status !== status) {
      throw new EmulatorError(
        409,
        'INVALID_PAYMENT_STATUS',
        `Cannot ${action} a ${payment.status} payment (it must be ${status}).`,
      );
    }
  }

  private decline(payment: PaymentRecord, reason: DeclineReason): void {
    payment.status = 'DECLINED';
    payment.failure = reason;
    this.record(payment, 'DECLINE', payment.amount, reason.code);
  }

  private record(
    payment: PaymentRecord,
    type: TransactionType,
    amount: number,
    reason?: string,
  ): void {
    payment.transactions.push({
      transactionKey: key('txn'),
      type,
      amount,
      at: this.now().toISOString(),
      ...(reason !== undefined ? { reason } : {}),
    });
  }
}
