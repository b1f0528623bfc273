import { adminCaller, customerCaller, dataOf, sellerCaller, waitFor } from '@bloom/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './generated/index.js';
import type { OrderStatus } from './generated/graphql.js';
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
const admin = adminCaller();

const ADMIN_ORDERS = graphql(`
  query AdminOrderList($f: AdminOrderFilter, $first: Int, $after: String) {
    adminOrders(filter: $f, first: $first, after: $after) {
      nodes {
        id
        number
        status
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      totalCount
    }
  }
`);

const ORDER_STORY = graphql(`
  query AdminOrderStory($id: ID!) {
    orderStory(orderId: $id) {
      order {
        id
        status
      }
      steps {
        step
        status
        attempts
        startedAt
        finishedAt
        error
      }
      transitions {
        from
        to
        at
        actorKind
        actorId
        reason
      }
      payments {
        kind
        amount
        status
        at
        reference
        failureReason
      }
      events {
        id
        type
        at
        published
      }
    }
  }
`);

const FIGURES = graphql(`
  query PlatformFigures($days: Int!) {
    platformDailySales(days: $days) {
      date
      orderCount
      amount
    }
    platformTopProducts(days: $days) {
      productName
      quantity
      amount
    }
    platformSummary(days: $days) {
      gmv
      orders
      failedCheckouts
      canceledOrders
    }
  }
`);

const ADVANCE = graphql(`
  mutation AdminAdvance($id: ID!, $to: OrderStatus!) {
    advanceOrder(orderId: $id, to: $to) {
      __typename
    }
  }
`);

const CANCEL = graphql(`
  mutation AdminStoryCancel($id: ID!, $r: String!) {
    cancelOrder(orderId: $id, reason: $r) {
      __typename
    }
  }
`);

beforeAll(async () => {
  h = await startOrders('admin-orders');
  cat = await seedCatalog(h);
});
afterAll(async () => h.close());

/** A delivery checkout of `quantity` roses (20,000 each; free delivery from 50,000). */
async function buy(c: ReturnType<typeof customer>, quantity = 1) {
  const subtotal = 20000 * quantity;
  const res = await h.call(
    CHECKOUT,
    {
      i: {
        idempotencyKey: `key-${newId()}`,
        buyNow: { productId: cat.productId, quantity },
        fulfilment: 'DELIVERY',
        delivery: DELIVERY(),
        expectedTotal: subtotal + (subtotal >= 50000 ? 0 : 3000),
      },
    },
    c.caller,
  );
  return firstOrder(res);
}

async function settled(id: string, c: ReturnType<typeof customer>, status: OrderStatus) {
  await waitFor(
    async () => (await h.call(ORDER_STATUS, { id }, c.caller)).data?.order?.status === status,
    { what: `order ${status}` },
  );
}

const times = (rows: readonly { at: unknown }[]) => rows.map((r) => Date.parse(String(r.at)));
const ascending = (values: number[]) =>
  values.every((v, i) => i === 0 || v >= (values[i - 1] ?? v));

describe('admin order look-up and story', () => {
  it('tells the story of a real checkout and its cancellation, everything in time order', async () => {
    const c = customer();
    const order = await buy(c);
    await settled(order.id, c, 'CONFIRMED');
    h.advance(1_000);
    const canceled = await h.call(CANCEL, { id: order.id, r: '날짜를 잘못 골랐어요' }, c.caller);
    expect(canceled.data?.cancelOrder.__typename).toBe('Order');

    // The events reach the story ledger through the bus.
    await waitFor(
      async () =>
        dataOf(await h.call(ORDER_STORY, { id: order.id }, admin))
          .orderStory?.events.map((e) => e.type)
          .includes('orders.order.canceled') === true,
      { what: 'the cancellation event in the story' },
    );
    const story = dataOf(await h.call(ORDER_STORY, { id: order.id }, admin)).orderStory;
    if (!story) throw new Error('expected a story');
    expect(story.order).toEqual({ id: order.id, status: 'CANCELED' });

    expect(story.steps.map((s) => [s.step, s.status])).toEqual([
      ['RESERVED', 'DONE'],
      ['PAYMENT_STARTED', 'DONE'],
      ['PAYMENT_READY', 'DONE'],
      ['CAPTURED', 'DONE'],
      ['PAYMENT_RELEASED', 'DONE'],
    ]);
    expect(ascending(story.steps.map((s) => Date.parse(String(s.finishedAt))))).toBe(true);

    expect(story.transitions.map((t) => [t.from, t.to, t.actorKind])).toEqual([
      ['PENDING', 'CONFIRMED', 'SYSTEM'],
      ['CONFIRMED', 'CANCELED', 'CUSTOMER'],
    ]);
    expect(story.transitions[1]).toMatchObject({ actorId: c.id, reason: '날짜를 잘못 골랐어요' });
    expect(ascending(times(story.transitions))).toBe(true);

    expect(story.payments.map((p) => [p.kind, p.status, p.amount])).toEqual([
      ['CHARGE', 'CAPTURED', order.total],
      ['REFUND', 'REFUNDED', order.total],
    ]);
    expect(story.payments[0]?.reference).toBeTruthy();
    expect(ascending(times(story.payments))).toBe(true);

    const types = story.events.map((e) => e.type);
    for (const type of [
      'orders.order.placed',
      'stores.inventory.reserved',
      'orders.order.confirmed',
      'orders.order.canceled',
    ]) {
      expect(types).toContain(type);
    }
    expect(types.indexOf('orders.order.placed')).toBeLessThan(
      types.indexOf('orders.order.confirmed'),
    );
    expect(ascending(times(story.events))).toBe(true);
    expect(story.events.every((e) => e.published)).toBe(true);
  });

  it('records a declined payment and names the failed step', async () => {
    const c = customer();
    h.payments.declineCapture.add(c.id);
    const order = await buy(c);
    await settled(order.id, c, 'FAILED');
    const story = dataOf(await h.call(ORDER_STORY, { id: order.id }, admin)).orderStory;
    expect(story?.payments.map((p) => [p.kind, p.status])).toContainEqual(['CHARGE', 'DECLINED']);
    expect(story?.payments.find((p) => p.status === 'DECLINED')?.failureReason).toBeTruthy();
    const last = story?.steps.at(-1);
    expect(last).toMatchObject({ step: 'CAPTURED', status: 'FAILED' });
    expect(last?.error).toContain('PAYMENT_DECLINED');
    expect(story?.transitions.map((t) => t.to)).toEqual(['FAILED']);
  });

  it('finds an order by its number, customer and store; pages newest first', async () => {
    const c = customer();
    const first = await buy(c);
    const second = await buy(c);
    await settled(second.id, c, 'CONFIRMED');
    const byNumber = dataOf(await h.call(ADMIN_ORDERS, { f: { number: first.number } }, admin));
    expect(byNumber.adminOrders.nodes.map((o) => o.id)).toEqual([first.id]);
    expect(byNumber.adminOrders.totalCount).toBe(1);

    const page1 = dataOf(
      await h.call(ADMIN_ORDERS, { f: { customerId: c.id }, first: 1 }, admin),
    ).adminOrders;
    expect(page1.nodes.map((o) => o.id)).toEqual([second.id]);
    expect(page1).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true } });
    const page2 = dataOf(
      await h.call(
        ADMIN_ORDERS,
        { f: { customerId: c.id }, first: 1, after: page1.pageInfo.endCursor },
        admin,
      ),
    ).adminOrders;
    expect(page2.nodes.map((o) => o.id)).toEqual([first.id]);
    expect(page2.pageInfo.hasNextPage).toBe(false);

    const byStore = dataOf(
      await h.call(ADMIN_ORDERS, { f: { storeId: cat.storeId, status: 'CONFIRMED' } }, admin),
    ).adminOrders;
    expect(byStore.nodes.map((o) => o.id)).toContain(second.id);
    expect(byStore.nodes.every((o) => o.status === 'CONFIRMED')).toBe(true);
    const none = dataOf(await h.call(ADMIN_ORDERS, { f: { storeId: newId() } }, admin)).adminOrders;
    expect(none.totalCount).toBe(0);
  });

  it('lists a stuck order and a late delivery as overdue, not a finished one', async () => {
    const stuckCustomer = customer();
    h.stores.silent.add(stuckCustomer.id);
    const stuck = await buy(stuckCustomer);
    const late = customer();
    const lateOrder = await buy(late);
    await settled(lateOrder.id, late, 'CONFIRMED');
    const done = customer();
    const finished = await buy(done);
    await settled(finished.id, done, 'CONFIRMED');
    const seller = sellerCaller(cat.sellerId);
    for (const to of ['PREPARING', 'SHIPPING', 'DELIVERED'] as const) {
      const moved = await h.call(ADVANCE, { id: finished.id, to }, seller);
      expect(moved.data?.advanceOrder.__typename).toBe('Order');
    }
    const overdueIds = async () =>
      dataOf(
        await h.call(ADMIN_ORDERS, { f: { overdue: true }, first: 100 }, admin),
      ).adminOrders.nodes.map((o) => o.id);

    const before = await overdueIds();
    expect(before).not.toContain(stuck.id);
    expect(before).not.toContain(lateOrder.id);

    // Past the saga's step deadline the PENDING order is overdue; the delivery day passing
    // (moved into the past in the data) makes the confirmed one late.
    h.advance(31_000);
    await h.db
      .collection('orders')
      .updateOne({ number: lateOrder.number }, { $set: { 'delivery.deliveryDate': '2020-01-01' } });
    const after = await overdueIds();
    expect(after).toContain(stuck.id);
    expect(after).toContain(lateOrder.id);
    expect(after).not.toContain(finished.id);
    // Failed orders (the declined checkout above) always need staff.
    const failed = await h.db.collection('orders').find({ status: 'FAILED' }).toArray();
    expect(failed.length).toBeGreaterThan(0);
    for (const order of failed) expect(after).toContain(String(order._id));
  });
});

describe('platform figures', () => {
  it('add up: the daily series, the summary and the orders agree', async () => {
    const c = customer();
    const big = await buy(c, 3); // 60,000, free delivery
    await settled(big.id, c, 'CONFIRMED');
    const figures = dataOf(await h.call(FIGURES, { days: 30 }, admin));
    expect(figures.platformDailySales).toHaveLength(30);
    const soldStatuses = ['CONFIRMED', 'PREPARING', 'SHIPPING', 'DELIVERED', 'READY', 'PICKED_UP'];
    const sold = await h.db
      .collection<{ total: number }>('orders')
      .find({ status: { $in: soldStatuses } })
      .toArray();
    const gmv = sold.reduce((sum, o) => sum + o.total, 0);
    expect(gmv).toBeGreaterThanOrEqual(60000);
    const series = figures.platformDailySales;
    expect(series.reduce((sum, d) => sum + d.amount, 0)).toBe(gmv);
    expect(series.reduce((sum, d) => sum + d.orderCount, 0)).toBe(sold.length);
    expect(figures.platformSummary).toEqual({
      gmv,
      orders: sold.length,
      failedCheckouts: await h.db.collection('orders').countDocuments({ status: 'FAILED' }),
      canceledOrders: await h.db.collection('orders').countDocuments({ status: 'CANCELED' }),
    });
    expect(figures.platformSummary.failedCheckouts).toBeGreaterThanOrEqual(1);
    expect(figures.platformSummary.canceledOrders).toBeGreaterThanOrEqual(1);
    const roses = figures.platformTopProducts.find((p) => p.productName === '빨간 장미 꽃다발');
    const units = sold
      .flatMap((o) => (o as unknown as { lines: { quantity: number }[] }).lines)
      .reduce((sum, l) => sum + l.quantity, 0);
    expect(roses?.quantity).toBe(units);
  });

  it('refuses a period outside 1–366 days', async () => {
    for (const days of [0, 367]) {
      const res = await h.call(FIGURES, { days }, admin);
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.message).toContain('1 to 366');
    }
  });
});

describe('access', () => {
  it('refuses customers and sellers', async () => {
    for (const caller of [customerCaller(), sellerCaller(cat.sellerId)]) {
      const list = await h.call(ADMIN_ORDERS, {}, caller);
      expect(list.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const story = await h.call(ORDER_STORY, { id: newId() }, caller);
      expect(story.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const figures = await h.call(FIGURES, { days: 7 }, caller);
      expect(figures.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('answers null for an unknown order', async () => {
    expect(dataOf(await h.call(ORDER_STORY, { id: newId() }, admin)).orderStory).toBeNull();
  });
});
