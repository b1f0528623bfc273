import { subscriptionCycleOrderRequested } from '@bloom/schema';
import type { Caller } from '@bloom/kernel';
import { waitFor } from '@bloom/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaptureOutcome, PaymentProvider } from '../src/payments/payment.provider.js';
import { graphql } from './generated/index.js';
import { type OrdersHarness, customer, newId, seedCatalog, startOrders } from './orders.harness.js';

let h: OrdersHarness;
let cat: Awaited<ReturnType<typeof seedCatalog>>;
const charges = new Map<string, CaptureOutcome>();

beforeAll(async () => {
  h = await startOrders('subscription-cycles');
  cat = await seedCatalog(h);
  // Billing-key charges: CAPTURED at once, DECLINED for keys containing "declining".
  const payments = h.payments as PaymentProvider & { payments: Map<string, unknown> };
  payments.chargeBillingKey = (input) => {
    const known = charges.get(input.idempotencyKey);
    if (known) return Promise.resolve(known);
    const paymentKey = `pay_${newId()}`;
    const declined = input.billingKey.includes('declining');
    const outcome: CaptureOutcome = declined
      ? {
          status: 'DECLINED',
          paymentKey,
          orderId: input.orderId,
          code: 'CARD_DECLINED',
          message: 'declined',
        }
      : {
          status: 'CAPTURED',
          paymentKey,
          orderId: input.orderId,
          amount: input.amount,
          capturedAt: new Date(),
        };
    payments.payments.set(paymentKey, {
      paymentKey,
      orderId: input.orderId,
      orderName: input.orderName,
      customerKey: 'subscription',
      amount: input.amount,
      status: declined ? 'DECLINED' : 'CAPTURED',
      method: 'BILLING',
      refundedAmount: 0,
      balanceAmount: declined ? 0 : input.amount,
      billingKey: input.billingKey,
    });
    charges.set(input.idempotencyKey, outcome);
    return Promise.resolve(outcome);
  };
});
afterAll(async () => h.close());

const request = (orderId: string, customerId: string, billingKey: string) => ({
  subscriptionId: 'sub-1',
  customerId,
  storeId: cat.storeId,
  sellerId: cat.sellerId,
  cycle: 1,
  attempt: 1,
  orderId,
  idempotencyKey: `sub-1:1#1:${orderId}`,
  productId: cat.productId,
  quantity: 2,
  subtotal: 40_000,
  deliveryFee: 3_000,
  amount: 43_000,
  billingKey,
  deliveryDate: '2030-01-10',
  deliveryWindow: '10:00-13:00',
  address: {
    recipientName: 'Kim',
    phone: '010-1234-5678',
    zipCode: '04524',
    line1: 'Seoul 1',
    line2: '',
  },
});

const statusOf = async (orderId: string, caller: Partial<Caller>) =>
  (
    await h.call(
      graphql(`
        query CycleOrder($id: ID!) {
          order(id: $id) {
            status
            subtotal
            deliveryFee
            total
            fulfilment
            failure {
              code
            }
            delivery {
              window
              deliveryDate
            }
          }
        }
      `),
      { id: orderId },
      caller,
    )
  ).data?.order;

describe('subscription cycle orders', () => {
  it('creates one order per requested cycle, reserves flowers and charges the billing key', async () => {
    const c = customer();
    const orderId = newId();
    const payload = request(orderId, c.id, 'bk_ok');
    await Promise.all([
      h.publish(subscriptionCycleOrderRequested, payload),
      h.publish(subscriptionCycleOrderRequested, payload),
      h.publish(subscriptionCycleOrderRequested, payload),
    ]);
    await waitFor(async () => (await statusOf(orderId, c.caller))?.status === 'CONFIRMED', {
      what: 'confirmed cycle order',
    });
    expect(await statusOf(orderId, c.caller)).toMatchObject({
      subtotal: 40_000,
      deliveryFee: 3_000,
      total: 43_000,
      failure: null,
      delivery: { window: '10:00-13:00', deliveryDate: '2030-01-10' },
    });
    expect(await h.db.collection('orders').countDocuments({ customerId: c.id })).toBe(1);
    expect([...charges.keys()].filter((k) => k.startsWith(orderId))).toHaveLength(1);
    const confirmed = await h.events.waitForType('orders.order.confirmed');
    expect(confirmed.some((e) => (e.payload as { orderId: string }).orderId === orderId)).toBe(
      true,
    );
    expect(h.stores.reservations.has(orderId)).toBe(true);
  });

  it('fails the order when the billing key is declined, and releases the flowers', async () => {
    const c = customer();
    const orderId = newId();
    await h.publish(subscriptionCycleOrderRequested, request(orderId, c.id, 'bk_declining'));
    await waitFor(async () => (await statusOf(orderId, c.caller))?.status === 'FAILED', {
      what: 'failed cycle order',
    });
    expect((await statusOf(orderId, c.caller))?.failure?.code).toBe('PAYMENT_DECLINED');
    await waitFor(
      () =>
        h.events
          .ofType('orders.order.failed')
          .some((e) => (e.payload as { orderId: string }).orderId === orderId),
      { what: 'orders.order.failed' },
    );
    await waitFor(() => h.stores.released.has(orderId), { what: 'flowers released' });
  });
});
