import type { Caller } from '@bloom/kernel';
import { dataOf, expectUnion, sellerCaller, waitFor } from '@bloom/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './generated/index.js';
import {
  CHECKOUT,
  DELIVERY,
  ORDER_STATUS,
  type OrdersHarness,
  customer,
  firstOrder,
  newId,
  seedCatalog,
  startOrders,
} from './orders.harness.js';

let h: OrdersHarness;
let cat: Awaited<ReturnType<typeof seedCatalog>>;
let seller: Partial<Caller>;

beforeAll(async () => {
  h = await startOrders('fulfil');
  cat = await seedCatalog(h);
  seller = sellerCaller(cat.sellerId);
});
afterAll(async () => h.close());

// The refusal arms of both status changes' result unions.
graphql(`
  fragment TransitionErrorFields on UserError {
    ... on InvalidTransitionError {
      code
      current
    }
    code
  }
`);
const ADVANCE = graphql(`
  mutation AdvanceOrder($id: ID!, $to: OrderStatus!, $t: String) {
    advanceOrder(orderId: $id, to: $to, trackingNumber: $t) {
      __typename
      ... on Order {
        status
        trackingNumber
      }
      ...TransitionErrorFields
    }
  }
`);
const CANCEL = graphql(`
  mutation CancelOrder($id: ID!, $r: String!) {
    cancelOrder(orderId: $id, reason: $r) {
      __typename
      ... on Order {
        status
        cancellation {
          code
          message
        }
      }
      ...TransitionErrorFields
    }
  }
`);

async function confirmedOrder(c: Partial<Caller>, pickup = false) {
  const slot = new Date(Math.ceil((Date.now() + 2 * 3600_000) / 1800_000) * 1800_000);
  const res = await h.call(
    CHECKOUT,
    {
      i: {
        idempotencyKey: `key-${newId()}`,
        buyNow: { productId: cat.productId, quantity: 1 },
        fulfilment: pickup ? 'PICKUP' : 'DELIVERY',
        delivery: pickup ? undefined : DELIVERY(),
        pickupSlots: pickup ? [{ storeId: cat.storeId, startsAt: slot.toISOString() }] : undefined,
        expectedTotal: pickup ? 20000 : 23000,
      },
    },
    c,
  );
  const { id } = firstOrder(res);
  await waitFor(
    async () => (await h.call(ORDER_STATUS, { id }, c)).data?.order?.status === 'CONFIRMED',
    { what: 'confirmation' },
  );
  return id;
}

describe('fulfilment', () => {
  it('walks a delivery forward with a tracking number, never backwards, and completes its lines', async () => {
    const c = customer();
    const id = await confirmedOrder(c.caller);
    expect(
      (await h.call(ADVANCE, { id, to: 'SHIPPING' }, seller)).data?.advanceOrder,
    ).toMatchObject({
      code: 'INVALID_TRANSITION',
      current: 'CONFIRMED',
    });
    expect(
      expectUnion(
        (await h.call(ADVANCE, { id, to: 'PREPARING' }, seller)).data?.advanceOrder,
        'Order',
      ).status,
    ).toBe('PREPARING');
    expect(
      (await h.call(ADVANCE, { id, to: 'SHIPPING', t: 'CJ-1234567890' }, seller)).data
        ?.advanceOrder,
    ).toMatchObject({ status: 'SHIPPING', trackingNumber: 'CJ-1234567890' });
    expect((await h.call(CANCEL, { id, r: '변심' }, c.caller)).data?.cancelOrder).toMatchObject({
      code: 'INVALID_TRANSITION',
      current: 'SHIPPING',
    });
    expect(
      expectUnion(
        (await h.call(ADVANCE, { id, to: 'DELIVERED' }, seller)).data?.advanceOrder,
        'Order',
      ).status,
    ).toBe('DELIVERED');
    const completed = await h.events.waitForType('orders.orderLine.completed');
    expect(completed.map((e) => e.payload)).toContainEqual(
      expect.objectContaining({
        orderId: id,
        productId: cat.productId,
        customerId: c.id,
        quantity: 1,
      }),
    );
    for (const type of [
      'orders.order.preparing',
      'orders.order.shipping',
      'orders.order.delivered',
    ]) {
      const events = await h.events.waitForType(type);
      expect(events.filter((e) => (e.payload as { orderId: string }).orderId === id)).toHaveLength(
        1,
      );
    }
  });

  it('lets only the store owner advance', async () => {
    const c = customer();
    const id = await confirmedOrder(c.caller);
    const stranger = sellerCaller();
    expect(
      (await h.call(ADVANCE, { id, to: 'PREPARING' }, stranger)).data?.advanceOrder,
    ).toMatchObject({ code: 'ORDER_NOT_FOUND' });
    expect(
      (await h.call(ADVANCE, { id, to: 'PREPARING' }, c.caller)).errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
  });

  it('cancels before shipping with a full refund; of 10 concurrent cancels one wins', async () => {
    const c = customer();
    const id = await confirmedOrder(c.caller);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        h.call(CANCEL, { id, r: '일정 변경' }, i % 2 ? c.caller : seller),
      ),
    );
    expect(results.filter((r) => r.data?.cancelOrder.__typename === 'Order')).toHaveLength(1);
    const payment = [...h.payments.payments.values()].find((p) => p.orderId === id);
    await waitFor(() => payment?.status === 'REFUNDED', { what: 'refund' });
    expect(payment?.refundedAmount).toBe(23000);
    await waitFor(() => h.stores.released.has(id), { what: 'stores release' });
    const canceled = (await h.events.waitForType('orders.order.canceled')).filter(
      (e) => (e.payload as { orderId: string }).orderId === id,
    );
    expect(canceled).toHaveLength(1);
  });

  it('walks a pickup to READY and completes it automatically after the day and grace', async () => {
    const c = customer();
    const id = await confirmedOrder(c.caller, true);
    expect(
      expectUnion((await h.call(ADVANCE, { id, to: 'READY' }, seller)).data?.advanceOrder, 'Order')
        .status,
    ).toBe('READY');
    await h.server.sweeper.runOnce();
    expect(dataOf(await h.call(ORDER_STATUS, { id }, c.caller)).order?.status).toBe('READY');
    h.advance(3 * 24 * 3600_000);
    await h.server.sweeper.runOnce();
    await h.server.sweeper.runOnce();
    const order = await h.call(
      graphql(`
        query OrderDetails($id: ID!) {
          order(id: $id) {
            ...OrderFields
          }
        }
      `),
      { id },
      c.caller,
    );
    expect(order.data?.order?.status).toBe('PICKED_UP');
    const picked = (await h.events.waitForType('orders.order.pickedUp')).filter(
      (e) => (e.payload as { orderId: string }).orderId === id,
    );
    expect(picked).toHaveLength(1);
    expect(picked[0]?.payload).toMatchObject({ automatic: true });
    h.advance(-3 * 24 * 3600_000);
  });

  it('lists history newest first and the seller board by state', async () => {
    const c = customer();
    const first = await confirmedOrder(c.caller);
    const second = await confirmedOrder(c.caller);
    const mine = await h.call(
      graphql(`
        query MyFirstOrder {
          myOrders(first: 1) {
            totalCount
            nodes {
              id
            }
            pageInfo {
              hasNextPage
              endCursor
            }
          }
        }
      `),
      {},
      c.caller,
    );
    expect(mine.data?.myOrders).toMatchObject({
      totalCount: 2,
      nodes: [{ id: second }],
      pageInfo: { hasNextPage: true },
    });
    const next = await h.call(
      graphql(`
        query MyNextOrder($a: String) {
          myOrders(first: 1, after: $a) {
            nodes {
              id
            }
          }
        }
      `),
      { a: mine.data?.myOrders.pageInfo.endCursor },
      c.caller,
    );
    expect(next.data?.myOrders.nodes).toEqual([{ id: first }]);
    const board = await h.call(
      graphql(`
        query ConfirmedStoreOrders($s: ID!) {
          storeOrders(storeId: $s, filter: { statuses: [CONFIRMED] }) {
            nodes {
              id
              status
            }
          }
        }
      `),
      { s: cat.storeId },
      seller,
    );
    const ids = board.data?.storeOrders.nodes.map((n) => n.id);
    expect(ids).toEqual(expect.arrayContaining([first, second]));
  });
});
