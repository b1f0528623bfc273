import { freePort, waitFor } from '@bloom/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { BillingKeyRecord, PaymentRecord } from './payment.ledger.js';
import { loadPaymentsEmulatorConfig } from './payments-emulator.config.js';
import { type PaymentsEmulator, startPaymentsEmulator } from './server.js';
import { type DeliveryLog, signWebhook } from './webhook.dispatcher.js';
import { type WebhookReceiver, startWebhookReceiver } from './webhook.receiver.js';

const SECRET = 'test_sk_emulator';
const WEBHOOK_SECRET = 'whsec_emulator';

let emulator: PaymentsEmulator;
let receiver: WebhookReceiver;
let seq = 0;

const orderId = () => `order-${Date.now()}-${++seq}`;

/** A payment as the API shows it (server.ts's paymentView). */
type PaymentView = PaymentRecord & { balanceAmount: number; approvalUrl: string };

/**
 * One request; `B` is what the test reads of the answer's body (parsed JSON, or the text when
 * the answer is not JSON), taken on trust: the assertions check it.
 */
async function api<B = unknown>(
  method: string,
  path: string,
  options: { body?: unknown; key?: string; scenario?: string; auth?: string | null } = {},
): Promise<{ status: number; headers: Headers; body: B }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.auth !== null) headers.authorization = options.auth ?? `Basic ${SECRET}`;
  if (options.key) headers['idempotency-key'] = options.key;
  if (options.scenario) headers['x-emulator-scenario'] = options.scenario;
  const response = await fetch(`${emulator.url}${path}`, {
    method,
    headers,
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    redirect: 'manual',
  });
  const text = await response.text();
  const json = text && response.headers.get('content-type')?.includes('json');
  return {
    status: response.status,
    headers: response.headers,
    body: (json ? (JSON.parse(text) as unknown) : text) as B,
  };
}

const webhooks = () => api<{ deliveries: DeliveryLog[] }>('GET', '/__emulator/webhooks');

const ready = (extra: Record<string, unknown> = {}) =>
  api<PaymentView>('POST', '/v1/payments', {
    body: {
      orderId: orderId(),
      amount: 30_000,
      orderName: 'Roses',
      customerKey: 'cust-1',
      ...extra,
    },
  });

beforeAll(async () => {
  emulator = await startPaymentsEmulator(
    loadPaymentsEmulatorConfig({
      PORT: String(await freePort()),
      LOG_LEVEL: 'silent',
      PG_SECRET_KEY: SECRET,
      PG_WEBHOOK_SECRET: WEBHOOK_SECRET,
      EMULATOR_TIMEOUT_MS: '200',
      WEBHOOK_RETRY_BASE_MS: '20',
      WEBHOOK_MAX_ATTEMPTS: '3',
    }),
  );
  receiver = await startWebhookReceiver({ port: await freePort() });
});

afterAll(async () => {
  await emulator?.close();
  await receiver?.close();
});

beforeEach(async () => {
  await api('POST', '/__emulator/reset');
  receiver.received.length = 0;
  receiver.respondWith(200);
});

describe('payments emulator', () => {
  it('answers /health without credentials', async () => {
    const res = await api('GET', '/health', { auth: null });
    expect(res).toMatchObject({ status: 200, body: { status: 'ok' } });
  });

  it('accepts the secret key raw or as base64 "key:", and rejects anything else', async () => {
    expect((await ready()).status).toBe(200);
    const encoded = Buffer.from(`${SECRET}:`).toString('base64');
    expect((await api('GET', '/v1/payments/none', { auth: `Basic ${encoded}` })).status).toBe(404);
    const wrong = await api('GET', '/v1/payments/none', { auth: 'Basic test_sk_wrong' });
    expect(wrong).toMatchObject({ status: 401, body: { code: 'UNAUTHORIZED_KEY' } });
    expect((await api('GET', '/v1/payments/none', { auth: null })).status).toBe(401);
  });

  it('validates bodies and refuses a second payment for one order id', async () => {
    const bad = await api('POST', '/v1/payments', { body: { orderId: 'o', amount: -1 } });
    expect(bad).toMatchObject({ status: 400, body: { code: 'INVALID_REQUEST' } });
    const first = await ready({ orderId: 'order-dup' });
    expect(first.body).toMatchObject({ status: 'READY', orderId: 'order-dup' });
    expect(first.body.approvalUrl).toBe(`${emulator.url}/checkout/${first.body.paymentKey}`);
    const again = await ready({ orderId: 'order-dup' });
    expect(again).toMatchObject({ status: 409, body: { code: 'DUPLICATED_ORDER_ID' } });
  });

  it('replays by Idempotency-Key and refuses the key for another request', async () => {
    const body = { orderId: orderId(), amount: 1000, orderName: 'Tulips', customerKey: 'c' };
    const first = await api('POST', '/v1/payments', { body, key: 'k-ready' });
    const replay = await api('POST', '/v1/payments', { body: { ...body }, key: 'k-ready' });
    expect(replay.body).toEqual(first.body);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    const reused = await api('POST', '/v1/payments', {
      body: { ...body, amount: 2000 },
      key: 'k-ready',
    });
    expect(reused).toMatchObject({ status: 409, body: { code: 'IDEMPOTENCY_KEY_REUSED' } });
    const listed = await api<{ payments: PaymentView[] }>('GET', '/__emulator/payments');
    expect(listed.body.payments).toHaveLength(1);
  });

  it('walks the state machine and refuses what a PG refuses', async () => {
    const { body } = await ready();
    const key = body.paymentKey;
    const early = await api('POST', `/v1/payments/${key}/capture`, { body: { amount: 30_000 } });
    expect(early).toMatchObject({ status: 409, body: { code: 'INVALID_PAYMENT_STATUS' } });
    expect((await api<PaymentView>('POST', `/v1/payments/${key}/approve`)).body.status).toBe(
      'APPROVED',
    );
    const mismatch = await api('POST', `/v1/payments/${key}/capture`, { body: { amount: 1 } });
    expect(mismatch).toMatchObject({ status: 400, body: { code: 'AMOUNT_MISMATCH' } });
    const captured = await api('POST', `/v1/payments/${key}/capture`, {
      body: { amount: 30_000 },
    });
    expect(captured.body).toMatchObject({ status: 'CAPTURED', balanceAmount: 30_000 });
    const partial = await api('POST', `/v1/payments/${key}/cancel`, {
      body: { reason: 'one stem wilted', amount: 10_000 },
    });
    expect(partial.body).toMatchObject({ status: 'PARTIAL_REFUNDED', refundedAmount: 10_000 });
    const over = await api('POST', `/v1/payments/${key}/cancel`, {
      body: { reason: 'too much', amount: 20_001 },
    });
    expect(over).toMatchObject({ status: 400, body: { code: 'REFUND_AMOUNT_EXCEEDED' } });
    const rest = await api('POST', `/v1/payments/${key}/cancel`, { body: { reason: 'all' } });
    expect(rest.body).toMatchObject({ status: 'REFUNDED', refundedAmount: 30_000 });
    const byOrder = await api<PaymentView>('GET', `/v1/payments/orders/${body.orderId}`);
    expect(byOrder.body.transactions.map((t) => t.type)).toEqual([
      'APPROVE',
      'CAPTURE',
      'REFUND',
      'REFUND',
    ]);
  });

  it('serves a checkout page whose approval redirects to successUrl', async () => {
    const { body } = await ready({ successUrl: 'https://shop.example/pay/success?x=1' });
    const page = await api('GET', `/checkout/${body.paymentKey}`, { auth: null });
    expect(page.status).toBe(200);
    expect(page.body).toContain('30,000');
    const approved = await api('POST', `/checkout/${body.paymentKey}/approve`, { auth: null });
    expect(approved.status).toBe(303);
    const redirect = approved.headers.get('location');
    if (!redirect) throw new Error('expected a Location header');
    const location = new URL(redirect);
    expect(location.origin + location.pathname).toBe('https://shop.example/pay/success');
    expect(Object.fromEntries(location.searchParams)).toEqual({
      x: '1',
      paymentKey: body.paymentKey,
      orderId: body.orderId,
      amount: '30000',
    });
  });

  it('sends a cancel or a decline on the page back to failUrl, with nothing captured', async () => {
    const urls = {
      successUrl: 'https://shop.example/pay/return',
      failUrl: 'https://shop.example/pay/return',
      easyPay: 'KAKAO_PAY',
    };
    const canceled = (await ready({ ...urls, orderId: 'order-page-cancel' })).body;
    const page = await api('GET', `/checkout/${canceled.paymentKey}`, { auth: null });
    expect(page.body).toContain('카카오페이');
    const back = await api('POST', `/checkout/${canceled.paymentKey}/cancel`, { auth: null });
    expect(back.status).toBe(303);
    const cancelParams = new URL(back.headers.get('location') ?? 'x:').searchParams;
    expect(cancelParams.get('code')).toBe('PAY_PROCESS_CANCELED');
    expect(cancelParams.get('orderId')).toBe('order-page-cancel');

    await api('POST', '/__emulator/scenarios', {
      body: { match: { orderId: 'order-page-decline' }, scenario: 'decline', times: 1 },
    });
    const declined = (await ready({ ...urls, orderId: 'order-page-decline' })).body;
    const refused = await api('POST', `/checkout/${declined.paymentKey}/approve`, { auth: null });
    const declineParams = new URL(refused.headers.get('location') ?? 'x:').searchParams;
    expect(declineParams.get('code')).toBe('REJECT_CARD_COMPANY');

    const listed = await api<{ payments: PaymentView[] }>('GET', '/__emulator/payments');
    const mine = listed.body.payments.filter((p) => p.orderId.startsWith('order-page-'));
    expect(mine.map((p) => p.status).sort()).toEqual(['CANCELED', 'DECLINED']);
    expect(mine.flatMap((p) => p.transactions.map((t) => t.type))).not.toContain('CAPTURE');
    // A page already answered cannot be approved again.
    const again = await api('POST', `/checkout/${declined.paymentKey}/approve`, { auth: null });
    expect(again.status).toBe(409);
  });

  it('applies control-API scenarios to matching requests, the given number of times', async () => {
    const created = await api('POST', '/__emulator/scenarios', {
      body: { match: { amount: 777 }, scenario: 'error', times: 1 },
    });
    expect(created.status).toBe(201);
    const other = await ready();
    expect(other.status).toBe(200);
    const hit = await ready({ amount: 777 });
    expect(hit).toMatchObject({ status: 500, body: { code: 'PROVIDER_ERROR' } });
    expect((await ready({ amount: 777 })).status).toBe(200);
    expect(
      (await api<{ scenarios: unknown[] }>('GET', '/__emulator/scenarios')).body.scenarios,
    ).toEqual([]);

    await api('POST', '/__emulator/scenarios', { body: { scenario: 'error' } });
    expect((await ready()).status).toBe(500);
    expect((await api('DELETE', '/__emulator/scenarios')).body).toEqual({ cleared: 1 });
    expect((await ready()).status).toBe(200);
  });

  it('does not remember an error-scenario answer under its idempotency key', async () => {
    const body = { orderId: orderId(), amount: 500, orderName: 'Lily', customerKey: 'c' };
    const failed = await api('POST', '/v1/payments', { body, key: 'k-err', scenario: 'error' });
    expect(failed.status).toBe(500);
    const retried = await api<PaymentView>('POST', '/v1/payments', { body, key: 'k-err' });
    expect(retried.body.status).toBe('READY');
  });

  it('holds a timeout-scenario response and answers 504, having done the work', async () => {
    const started = Date.now();
    const res = await api('POST', '/v1/payments', {
      body: { orderId: 'order-timeout', amount: 900, orderName: 'Peony', customerKey: 'c' },
      scenario: 'timeout',
    });
    expect(res).toMatchObject({ status: 504, body: { code: 'GATEWAY_TIMEOUT' } });
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect((await api<PaymentView>('GET', '/v1/payments/orders/order-timeout')).body.status).toBe(
      'READY',
    );
    expect((await api('GET', '/v1/payments/orders/x', { scenario: 'timeout' })).status).toBe(504);
  });

  it('signs callbacks and retries them with backoff until a 2xx', async () => {
    receiver.respondWith(503);
    const { body } = await ready({ callbackUrl: receiver.url });
    await api('POST', `/v1/payments/${body.paymentKey}/approve`);
    await waitFor(() => receiver.received.length >= 2, { what: 'two attempts' });
    receiver.respondWith(200);
    await waitFor(async () => (await webhooks()).body.deliveries[0]?.state === 'delivered', {
      what: 'delivery',
    });
    const [first, second, third] = receiver.received;
    expect(third).toBeDefined();
    if (!first || !second) throw new Error('expected the first two attempts');
    expect(first.rawBody).toBe(second.rawBody);
    expect(first.signature).toBe(signWebhook(first.rawBody, WEBHOOK_SECRET));
    expect(JSON.parse(first.rawBody)).toMatchObject({
      paymentKey: body.paymentKey,
      status: 'APPROVED',
      amount: 30_000,
    });
  });

  it('gives up on a callback after the configured attempts', async () => {
    receiver.respondWith(500);
    const { body } = await ready({ callbackUrl: receiver.url });
    await api('POST', `/v1/payments/${body.paymentKey}/approve`);
    const delivery = await waitFor(
      async () => {
        const [entry] = (await webhooks()).body.deliveries;
        return entry?.state === 'failed' ? entry : undefined;
      },
      { what: 'give up' },
    );
    expect(delivery.attempts).toBe(3);
    expect(receiver.received).toHaveLength(3);
  });

  it('issues billing keys only for valid cards and never echoes the number', async () => {
    const invalid = await api('POST', '/v1/billing/keys', {
      body: {
        customerKey: 'c',
        card: { number: '4242424242424241', expiryYear: 2099, expiryMonth: 1 },
      },
    });
    expect(invalid).toMatchObject({ status: 400, body: { code: 'INVALID_CARD_NUMBER' } });
    const issued = await api<BillingKeyRecord>('POST', '/v1/billing/keys', {
      body: {
        customerKey: 'c',
        card: { number: '4242 4242 4242 4242', expiryYear: 2099, expiryMonth: 12 },
      },
    });
    expect(issued.body.card).toEqual({
      last4: '4242',
      maskedNumber: '4242********4242',
      expiryYear: 2099,
      expiryMonth: 12,
    });
    expect(JSON.stringify(issued.body)).not.toContain('4242424242424242');
    const removed = await api<{ deleted: boolean }>(
      'DELETE',
      `/v1/billing/${issued.body.billingKey}`,
    );
    expect(removed.body.deleted).toBe(true);
    const charge = await api('POST', `/v1/billing/${issued.body.billingKey}/charge`, {
      body: { orderId: orderId(), amount: 100, orderName: 'x' },
    });
    expect(charge.status).toBe(404);
  });
});
