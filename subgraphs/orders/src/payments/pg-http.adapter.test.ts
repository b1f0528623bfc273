import {
  type PaymentRecord,
  type PaymentsEmulator,
  type WebhookReceiver,
  loadPaymentsEmulatorConfig,
  startPaymentsEmulator,
  startWebhookReceiver,
} from '@bloom/payments-emulator';
import { freePort, waitFor } from '@bloom/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PaymentProviderError } from './payment.errors.js';
import { PgHttpPaymentProvider } from './pg-http.adapter.js';

const SECRET = 'test_sk_orders_adapter';
const WEBHOOK_SECRET = 'whsec_orders_adapter';
const ADAPTER_TIMEOUT_MS = 300;

let emulator: PaymentsEmulator;
let receiver: WebhookReceiver;
let pg: PgHttpPaymentProvider;
let seq = 0;

const newOrderId = () => `ord_${Date.now().toString(36)}_${++seq}`;

async function control(method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${emulator.url}/__emulator${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return response.json();
}

async function emulatorPayment(paymentKey: string): Promise<PaymentRecord> {
  const { payments } = (await control('GET', '/payments')) as { payments: PaymentRecord[] };
  const payment = payments.find((p) => p.paymentKey === paymentKey);
  if (!payment) throw new Error(`the emulator has no payment ${paymentKey}`);
  return payment;
}

/** The first webhook the receiver got. */
function firstWebhook() {
  const [delivery] = receiver.received;
  if (!delivery) throw new Error('no webhook received');
  return delivery;
}

const captures = (payment: { transactions: { type: string }[] }) =>
  payment.transactions.filter((t) => t.type === 'CAPTURE').length;

/** An approved payment for a fresh order, as the saga has it just before capture. */
async function approvedPayment(amount = 45_000, extra: { callbackUrl?: string } = {}) {
  const orderId = newOrderId();
  const ready = await pg.ready({
    orderId,
    amount,
    orderName: 'Spring bouquet',
    customerKey: 'customer-1',
    idempotencyKey: `${orderId}:ready`,
    ...extra,
  });
  await pg.approve(ready.paymentKey, `${orderId}:approve`);
  return { orderId, paymentKey: ready.paymentKey, amount };
}

async function caught(promise: Promise<unknown>): Promise<PaymentProviderError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof PaymentProviderError) return error;
    throw error;
  }
  throw new Error('expected a PaymentProviderError');
}

beforeAll(async () => {
  emulator = await startPaymentsEmulator(
    loadPaymentsEmulatorConfig({
      PORT: String(await freePort()),
      LOG_LEVEL: 'silent',
      PG_SECRET_KEY: SECRET,
      PG_WEBHOOK_SECRET: WEBHOOK_SECRET,
      // Far longer than the adapter waits: the adapter must give up on its own.
      EMULATOR_TIMEOUT_MS: '10000',
      WEBHOOK_RETRY_BASE_MS: '20',
    }),
  );
  receiver = await startWebhookReceiver({ port: await freePort() });
  pg = new PgHttpPaymentProvider({
    baseUrl: emulator.url,
    secretKey: SECRET,
    webhookSecret: WEBHOOK_SECRET,
    timeoutMs: ADAPTER_TIMEOUT_MS,
  });
});

afterAll(async () => {
  await emulator?.close();
  await receiver?.close();
});

beforeEach(async () => {
  await control('POST', '/reset');
  receiver.received.length = 0;
  receiver.respondWith(200);
});

describe('PgHttpPaymentProvider against the payments emulator', () => {
  it('readies, approves, captures and refunds a payment', async () => {
    const orderId = newOrderId();
    const ready = await pg.ready({
      orderId,
      amount: 52_000,
      orderName: 'Rose bouquet',
      customerKey: 'customer-1',
      idempotencyKey: `${orderId}:ready`,
    });
    expect(ready).toMatchObject({ orderId, amount: 52_000, status: 'READY' });
    expect(ready.approvalUrl).toContain(ready.paymentKey);

    const approved = await pg.approve(ready.paymentKey, `${orderId}:approve`);
    expect(approved.status).toBe('APPROVED');
    expect(approved.approvedAt).toBeInstanceOf(Date);

    const capture = await pg.capture(ready.paymentKey, 52_000, `${orderId}:capture`);
    expect(capture).toMatchObject({ status: 'CAPTURED', paymentKey: ready.paymentKey, orderId });

    const refund = await pg.cancel(ready.paymentKey, {
      reason: 'customer canceled',
      idempotencyKey: `${orderId}:refund`,
    });
    expect(refund).toEqual({
      status: 'REFUNDED',
      paymentKey: ready.paymentKey,
      canceledAmount: 52_000,
      refundedAmount: 52_000,
      balanceAmount: 0,
    });

    const view = await pg.findByOrder(orderId);
    expect(view).toMatchObject({ status: 'REFUNDED', amount: 52_000, method: 'CARD' });
    expect(await pg.get(ready.paymentKey)).toEqual(view);
    expect(await pg.get('pay_missing')).toBeNull();
    expect(await pg.findByOrder('no-such-order')).toBeNull();
  });

  it('reports a decline with its code and leaves the payment DECLINED', async () => {
    const { orderId, paymentKey, amount } = await approvedPayment();
    await control('POST', '/scenarios', {
      match: { orderId },
      scenario: 'decline',
      decline: { code: 'INSUFFICIENT_FUNDS', message: 'Not enough balance.' },
    });
    const outcome = await pg.capture(paymentKey, amount, `${orderId}:capture`);
    expect(outcome).toEqual({
      status: 'DECLINED',
      paymentKey,
      orderId,
      code: 'INSUFFICIENT_FUNDS',
      message: 'Not enough balance.',
    });
    expect((await pg.get(paymentKey))?.status).toBe('DECLINED');
  });

  it('turns a stalled capture into UNKNOWN within its timeout; get() then shows the truth', async () => {
    const { orderId, paymentKey, amount } = await approvedPayment();
    await control('POST', '/scenarios', { match: { orderId }, scenario: 'timeout', times: 1 });
    const started = Date.now();
    const outcome = await pg.capture(paymentKey, amount, `${orderId}:capture`);
    const elapsed = Date.now() - started;
    expect(outcome).toEqual({ status: 'UNKNOWN', reason: 'TIMEOUT' });
    expect(elapsed).toBeGreaterThanOrEqual(ADAPTER_TIMEOUT_MS - 20);
    expect(elapsed).toBeLessThan(ADAPTER_TIMEOUT_MS + 1_500);

    // Reconciliation: the PG did capture; a retry with the same key gets that answer.
    expect((await pg.get(paymentKey))?.status).toBe('CAPTURED');
    const retried = await pg.capture(paymentKey, amount, `${orderId}:capture`);
    expect(retried.status).toBe('CAPTURED');
    expect(captures(await emulatorPayment(paymentKey))).toBe(1);
  });

  it('turns a PG 500 into UNKNOWN; a retry with the same key then captures once', async () => {
    const { orderId, paymentKey, amount } = await approvedPayment();
    await control('POST', '/scenarios', { match: { orderId }, scenario: 'error', times: 1 });
    expect(await pg.capture(paymentKey, amount, `${orderId}:capture`)).toEqual({
      status: 'UNKNOWN',
      reason: 'UNAVAILABLE',
    });
    expect((await pg.capture(paymentKey, amount, `${orderId}:capture`)).status).toBe('CAPTURED');
    expect(captures(await emulatorPayment(paymentKey))).toBe(1);
  });

  it('returns UNKNOWN for money-moving calls and throws retryable errors otherwise when the PG is down', async () => {
    const down = new PgHttpPaymentProvider({
      baseUrl: `http://127.0.0.1:${await freePort()}`,
      secretKey: SECRET,
      webhookSecret: WEBHOOK_SECRET,
      timeoutMs: ADAPTER_TIMEOUT_MS,
    });
    expect(await down.capture('pay_x', 1_000, 'o:capture')).toEqual({
      status: 'UNKNOWN',
      reason: 'UNAVAILABLE',
    });
    expect(await down.cancel('pay_x', { reason: 'r', idempotencyKey: 'o:cancel' })).toEqual({
      status: 'UNKNOWN',
      reason: 'UNAVAILABLE',
    });
    const error = await caught(down.get('pay_x'));
    expect(error).toMatchObject({ code: 'UNAVAILABLE', retryable: true });
  });

  it('captures once for the same idempotency key and refuses the key for another amount', async () => {
    const { orderId, paymentKey, amount } = await approvedPayment();
    const first = await pg.capture(paymentKey, amount, `${orderId}:capture`);
    const second = await pg.capture(paymentKey, amount, `${orderId}:capture`);
    expect(second).toEqual(first);
    expect(captures(await emulatorPayment(paymentKey))).toBe(1);

    const reused = await caught(pg.capture(paymentKey, amount - 1, `${orderId}:capture`));
    expect(reused).toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
      httpStatus: 409,
      retryable: false,
    });
  });

  it('records exactly one capture for 20 concurrent captures with one key', async () => {
    const { orderId, paymentKey, amount } = await approvedPayment();
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, () => pg.capture(paymentKey, amount, `${orderId}:capture`)),
    );
    expect(outcomes.every((o) => o.status === 'CAPTURED')).toBe(true);
    expect(captures(await emulatorPayment(paymentKey))).toBe(1);
  });

  it('throws the PG code for a capture amount that differs from the approved one', async () => {
    const { orderId, paymentKey, amount } = await approvedPayment();
    const error = await caught(pg.capture(paymentKey, amount + 1, `${orderId}:capture`));
    expect(error).toMatchObject({ code: 'AMOUNT_MISMATCH', httpStatus: 400, retryable: false });
  });

  it('delivers signed webhooks that verify, and duplicates them under duplicate-callback', async () => {
    const { orderId, paymentKey, amount } = await approvedPayment(45_000, {
      callbackUrl: receiver.url,
    });
    await waitFor(() => receiver.received.length === 1, { what: 'approval webhook' });
    const approval = firstWebhook();
    const approvedEvent = pg.verifyWebhook(approval.rawBody, approval.signature);
    expect(approvedEvent).toMatchObject({ paymentKey, orderId, status: 'APPROVED', amount });
    expect(approvedEvent?.occurredAt).toBeInstanceOf(Date);

    await control('POST', '/scenarios', { match: { orderId }, scenario: 'duplicate-callback' });
    await pg.capture(paymentKey, amount, `${orderId}:capture`);
    await waitFor(() => receiver.received.length === 3, { what: 'two capture webhooks' });
    const [a, b] = receiver.received
      .slice(1)
      .map((delivery) => pg.verifyWebhook(delivery.rawBody, delivery.signature));
    expect(a).toMatchObject({ status: 'CAPTURED', paymentKey });
    expect(b).toEqual(a);
    expect(a?.eventId).not.toBe(approvedEvent?.eventId);
  });

  it('rejects webhooks with a wrong signature or a tampered body', async () => {
    await approvedPayment(45_000, { callbackUrl: receiver.url });
    await waitFor(() => receiver.received.length === 1, { what: 'webhook' });
    const { rawBody, signature } = firstWebhook();
    expect(pg.verifyWebhook(rawBody, signature)).not.toBeNull();
    expect(pg.verifyWebhook(Buffer.from(rawBody), signature)).not.toBeNull();
    expect(pg.verifyWebhook(rawBody, 'f'.repeat(64))).toBeNull();
    expect(pg.verifyWebhook(rawBody, undefined)).toBeNull();
    expect(pg.verifyWebhook(rawBody, 'not-hex')).toBeNull();
    expect(pg.verifyWebhook(rawBody.replace('45000', '1'), signature)).toBeNull();
    const otherSecret = new PgHttpPaymentProvider({
      baseUrl: emulator.url,
      secretKey: SECRET,
      webhookSecret: 'whsec_someone_else',
      timeoutMs: ADAPTER_TIMEOUT_MS,
    });
    expect(otherSecret.verifyWebhook(rawBody, signature)).toBeNull();
  });

  it('voids before capture, refunds in part after it, and refuses an over-refund', async () => {
    const voided = await approvedPayment(20_000);
    expect(
      await pg.cancel(voided.paymentKey, {
        reason: 'flowers unavailable',
        idempotencyKey: `${voided.orderId}:void`,
      }),
    ).toMatchObject({ status: 'CANCELED', canceledAmount: 20_000, refundedAmount: 0 });

    const { orderId, paymentKey, amount } = await approvedPayment(30_000);
    await pg.capture(paymentKey, amount, `${orderId}:capture`);
    const partial = await pg.cancel(paymentKey, {
      reason: 'one line canceled',
      amount: 12_000,
      idempotencyKey: `${orderId}:refund:1`,
    });
    expect(partial).toEqual({
      status: 'PARTIAL_REFUNDED',
      paymentKey,
      canceledAmount: 12_000,
      refundedAmount: 12_000,
      balanceAmount: 18_000,
    });
    const over = await caught(
      pg.cancel(paymentKey, {
        reason: 'too much',
        amount: 18_001,
        idempotencyKey: `${orderId}:refund:2`,
      }),
    );
    expect(over).toMatchObject({ code: 'REFUND_AMOUNT_EXCEEDED', httpStatus: 400 });
    const rest = await pg.cancel(paymentKey, {
      reason: 'rest',
      amount: 18_000,
      idempotencyKey: `${orderId}:refund:3`,
    });
    expect(rest).toMatchObject({ status: 'REFUNDED', canceledAmount: 18_000, balanceAmount: 0 });
    const again = await caught(
      pg.cancel(paymentKey, { reason: 'again', idempotencyKey: `${orderId}:refund:4` }),
    );
    expect(again).toMatchObject({ code: 'NOT_CANCELABLE_PAYMENT', httpStatus: 409 });
  });

  it('charges a billing key, and reports a declined recurring charge', async () => {
    const invalid = await caught(
      pg.issueBillingKey({
        customerKey: 'subscriber-1',
        card: { number: '1234567812345678', expiryYear: 2099, expiryMonth: 1 },
        idempotencyKey: 'sub-1:card:bad',
      }),
    );
    expect(invalid).toMatchObject({ code: 'INVALID_CARD_NUMBER', httpStatus: 400 });

    const key = await pg.issueBillingKey({
      customerKey: 'subscriber-1',
      card: { number: '4111111111111111', expiryYear: 2099, expiryMonth: 6 },
      idempotencyKey: 'sub-1:card',
    });
    expect(key).toMatchObject({ customerKey: 'subscriber-1', cardLast4: '1111' });

    const cycle1 = newOrderId();
    const charged = await pg.chargeBillingKey({
      billingKey: key.billingKey,
      orderId: cycle1,
      amount: 39_000,
      orderName: 'Weekly flowers',
      idempotencyKey: `${cycle1}:charge`,
    });
    expect(charged).toMatchObject({ status: 'CAPTURED', orderId: cycle1, amount: 39_000 });
    expect(await pg.findByOrder(cycle1)).toMatchObject({
      method: 'BILLING',
      billingKey: key.billingKey,
      customerKey: 'subscriber-1',
    });

    await control('POST', '/scenarios', {
      match: { billingKey: key.billingKey },
      scenario: 'decline',
      times: 1,
    });
    const cycle2 = newOrderId();
    const declined = await pg.chargeBillingKey({
      billingKey: key.billingKey,
      orderId: cycle2,
      amount: 39_000,
      orderName: 'Weekly flowers',
      idempotencyKey: `${cycle2}:charge`,
    });
    expect(declined).toMatchObject({ status: 'DECLINED', code: 'REJECT_CARD_COMPANY' });
  });
});
