import type { Caller } from '@bloom/kernel';
import { dataOf, waitFor } from '@bloom/testing';
import { inventoryReserved } from '@bloom/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CheckoutSaga } from '../src/saga/checkout-saga.service.js';
import { OrderLifecycle } from '../src/orders/order-lifecycle.service.js';
import { OrderStatus } from '../src/orders/order.entity.js';
import { graphql } from './generated/index.js';
import {
  CHECKOUT,
  DELIVERY,
  type OrdersHarness,
  type StoredOrder,
  customer,
  firstOrder,
  newId,
  seedCatalog,
  startOrders,
} from './orders.harness.js';

let h: OrdersHarness;
let cat: Awaited<ReturnType<typeof seedCatalog>>;

beforeAll(async () => {
  h = await startOrders('saga');
  cat = await seedCatalog(h);
});
afterAll(async () => h.close());

async function buy(
  caller: Partial<Caller>,
  options: { quantity?: number; coupon?: boolean; productId?: string; total?: number } = {},
) {
  const quantity = options.quantity ?? 1;
  const res = await h.call(
    CHECKOUT,
    {
      i: {
        idempotencyKey: `key-${newId()}`,
        buyNow: { productId: options.productId ?? cat.productId, quantity },
        fulfilment: 'DELIVERY',
        delivery: DELIVERY(),
        coupons: options.coupon ? [{ storeId: cat.storeId, couponId: cat.couponId }] : undefined,
        expectedTotal:
          options.total ??
          20000 * quantity + (20000 * quantity >= 50000 ? 0 : 3000) - (options.coupon ? 3000 : 0),
      },
    },
    caller,
  );
  return firstOrder(res).id;
}

async function status(id: string, caller: Partial<Caller>) {
  const { order } = dataOf(
    await h.call(
      graphql(`
        query SagaOrderStatus($id: ID!) {
          order(id: $id) {
            status
            failure {
              code
              message
            }
          }
        }
      `),
      { id },
      caller,
    ),
  );
  if (!order) throw new Error(`order ${id} is not visible`);
  return order;
}

const settled = (id: string, caller: Partial<Caller>, want: string) =>
  waitFor(
    async () => {
      const s = await status(id, caller);
      return s.status === want ? s : null;
    },
    { what: `${id} ${want}`, timeoutMs: 15_000 },
  );

const paymentOf = (orderId: string) =>
  [...h.payments.payments.values()].find((p) => p.orderId === orderId);

describe('saga failures compensate exactly', () => {
  it('out of stock: fails with the reason, takes no payment', async () => {
    const c = customer();
    const before = h.stores.stockOf(cat.storeId, 1);
    h.stores.setStock(cat.storeId, 1, 2);
    // The rejection arrives twice (different event ids): one failure, one failed event.
    h.stores.duplicateAnswers = true;
    const id = await buy(c.caller, { quantity: 3 });
    const s = await settled(id, c.caller, 'FAILED');
    expect(s.failure?.code).toBe('OUT_OF_STOCK');
    await new Promise((resolve) => setTimeout(resolve, 500));
    h.stores.duplicateAnswers = false;
    const failed = h.events
      .ofType('orders.order.failed')
      .filter((e) => (e.payload as { orderId: string }).orderId === id);
    expect(failed).toHaveLength(1);
    expect(paymentOf(id)).toBeUndefined();
    expect(h.stores.stockOf(cat.storeId, 1)).toBe(2);
    h.stores.setStock(cat.storeId, 1, before);
  });

  it('coupon rejected: flowers back to the unit, no payment', async () => {
    const c = customer();
    const before = h.stores.stockOf(cat.storeId, 1);
    h.stores.rejectCoupons.add(cat.couponId);
    const id = await buy(c.caller, { coupon: true });
    const s = await settled(id, c.caller, 'FAILED');
    h.stores.rejectCoupons.delete(cat.couponId);
    expect(s.failure?.code).toBe('COUPON_REJECTED');
    await waitFor(() => h.stores.released.has(id), { what: 'release' });
    expect(h.stores.stockOf(cat.storeId, 1)).toBe(before);
    expect(paymentOf(id)).toBeUndefined();
  });

  it('payment declined: flowers and coupon returned, nothing captured', async () => {
    const c = customer();
    const before = h.stores.stockOf(cat.storeId, 1);
    h.payments.declineCapture.add(c.id);
    const id = await buy(c.caller, { coupon: true });
    const s = await settled(id, c.caller, 'FAILED');
    expect(s.failure?.code).toBe('PAYMENT_DECLINED');
    await waitFor(() => h.stores.released.has(id), { what: 'release' });
    expect(h.stores.stockOf(cat.storeId, 1)).toBe(before);
    expect(h.stores.redeemed.has(id)).toBe(false);
    expect(paymentOf(id)?.status).not.toBe('CAPTURED');
    const failed = (await h.events.waitForType('orders.order.failed')).find(
      (e) => (e.payload as { orderId: string }).orderId === id,
    );
    expect(failed?.payload).toMatchObject({ reason: 'PAYMENT_DECLINED', couponId: cat.couponId });
  });

  it('a lost capture answer is reconciled through the provider: confirmed, charged once', async () => {
    const c = customer();
    h.payments.loseCaptureAnswer.add(c.id);
    const id = await buy(c.caller);
    await waitFor(
      async () =>
        (await h.db
          .collection('saga_steps')
          .countDocuments({ _id: `${id}:CAPTURE_UNKNOWN` as never })) === 1,
      { what: 'UNKNOWN capture' },
    );
    expect((await status(id, c.caller)).status).toBe('PENDING');
    h.advance(3_000);
    await h.server.sweeper.runOnce();
    await settled(id, c.caller, 'CONFIRMED');
    expect(h.payments.captured().filter((p) => p.orderId === id)).toHaveLength(1);
  });

  it('a step that never answers fails at its deadline; a late answer then changes nothing', async () => {
    const c = customer();
    h.stores.silent.add(c.id);
    const id = await buy(c.caller);
    await waitFor(() =>
      h.events
        .ofType('orders.order.placed')
        .some((e) => (e.payload as { orderId: string }).orderId === id),
    );
    h.advance(31_000);
    await h.server.sweeper.runOnce();
    const s = await settled(id, c.caller, 'FAILED');
    expect(s.failure?.code).toBe('RESERVATION_TIMEOUT');
    await h.publish(inventoryReserved, {
      orderId: id,
      storeId: cat.storeId,
      flowers: [],
      pickup: null,
      stock: [],
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(paymentOf(id)).toBeUndefined();
    expect((await status(id, c.caller)).status).toBe('FAILED');
  });
});

describe('duplicates and races', () => {
  it('every stores answer delivered twice: one coupon step, one capture, one confirmation', async () => {
    const c = customer();
    h.stores.duplicateAnswers = true;
    const id = await buy(c.caller, { coupon: true });
    await settled(id, c.caller, 'CONFIRMED');
    await new Promise((resolve) => setTimeout(resolve, 500));
    h.stores.duplicateAnswers = false;
    expect(h.payments.captured().filter((p) => p.orderId === id)).toHaveLength(1);
    const mine = (type: string) =>
      h.events.ofType(type).filter((e) => (e.payload as { orderId: string }).orderId === id);
    expect(mine('orders.order.confirmed')).toHaveLength(1);
    // The coupon came with the reservation: no command of its own, one recorded step.
    expect(mine('orders.order.couponRedemptionRequested')).toHaveLength(0);
    expect(
      await h.db.collection('saga_steps').countDocuments({ orderId: id, step: 'COUPON_REDEEMED' }),
    ).toBe(1);
  });

  it('of concurrent confirm and fail, exactly one wins and money follows the winner', async () => {
    const c = customer();
    h.stores.silent.add(c.id);
    const id = await buy(c.caller);
    const fork = () => h.server.orm.em.fork();
    const attempts = await Promise.all(
      Array.from({ length: 10 }, async (_, i) => {
        const lifecycle = new OrderLifecycle(fork(), h.server.deps);
        const order = await lifecycle.load(id);
        if (!order) throw new Error('missing');
        return lifecycle.move(order, {
          to: i % 2 ? OrderStatus.CONFIRMED : OrderStatus.FAILED,
          actor: 'test',
          code: 'TEST',
        });
      }),
    );
    expect(attempts.filter((a) => a.moved)).toHaveLength(1);
    const transitions = await h.db.collection('order_transitions').find({ orderId: id }).toArray();
    expect(transitions).toHaveLength(1);
    await new CheckoutSaga(fork(), h.server.deps).recover(id);
    expect((await status(id, c.caller)).status).toBe(transitions[0]?.to);
  });
});

describe('300 checkouts against stock for 100', () => {
  it('confirms exactly 100, fails the rest with a reason, never goes below zero', async () => {
    const main = h;
    // Under this load on 2 cores a generous step deadline keeps timeouts out of it.
    h = await startOrders('saga300', { SAGA_STEP_TIMEOUT_MS: '150000' }, { sweeperMs: 1_000 });
    try {
      const store = await seedCatalog(h, { stems: 100, threshold: null });
      const customers = Array.from({ length: 300 }, () => customer());
      const started = Date.now();
      const ids = await Promise.all(
        customers.map((c) => buy(c.caller, { productId: store.productId, total: 23000 })),
      );
      const final = await waitFor(
        async () => {
          const docs = await h.db
            .collection<StoredOrder>('orders')
            .find({ storeId: store.storeId })
            .toArray();
          return docs.length === 300 && docs.every((d) => d.status !== 'PENDING') ? docs : null;
        },
        { what: '300 terminal orders', timeoutMs: 270_000, intervalMs: 500 },
      );
      console.log(`300 checkouts → terminal in ${Date.now() - started} ms`);
      expect(ids).toHaveLength(300);
      const confirmed = final.filter((d) => d.status === 'CONFIRMED');
      const failed = final.filter((d) => d.status === 'FAILED');
      const codes: Record<string, number> = {};
      for (const d of failed) {
        const code = String(d.failure?.code);
        codes[code] = (codes[code] ?? 0) + 1;
      }
      console.log('failure codes', JSON.stringify(codes));
      expect(confirmed).toHaveLength(100);
      expect(failed).toHaveLength(200);
      expect(failed.every((d) => d.failure?.code === 'OUT_OF_STOCK')).toBe(true);
      expect(h.stores.stockOf(store.storeId, 1)).toBe(0);
      expect(h.stores.lowestStock).toBeGreaterThanOrEqual(0);
      const ours = new Set(final.map((d) => String(d._id)));
      expect(h.payments.captured().filter((p) => ours.has(p.orderId))).toHaveLength(100);
    } finally {
      await h.close();
      h = main;
    }
  }, 300_000);
});
