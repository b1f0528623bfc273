import { orderCanceled, orderConfirmed, orderFailed, orderPlaced } from '@bloom/schema';
import { dataOf, errorCode, expectUnion, waitFor } from '@bloom/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './generated/index.js';
import {
  ADMIN,
  SET_STOCK,
  type StoresHarness,
  auditLedger,
  customer,
  newId,
  placedOrder,
  seller,
  setStock,
  startStores,
} from './stores.harness.js';

const ADJUST = graphql(`
  mutation AdjustFlowerStock($storeId: ID!, $items: [FlowerDeltaInput!]!, $requestId: ID) {
    adjustFlowerStock(storeId: $storeId, items: $items, requestId: $requestId) {
      __typename
      ... on InventoryUpdate {
        adjustmentId
        changes {
          flowerId
          delta
        }
        items {
          flowerId
          available
        }
      }
      ... on InsufficientStockError {
        code
        shortages {
          flowerId
          requested
          available
        }
      }
      ... on UserError {
        code
      }
    }
  }
`);
const INVENTORY = graphql(`
  query StoreInventory($id: ID!) {
    store(id: $id) {
      inventory {
        flowerId
        available
        reserved
        onHand
        low
      }
    }
  }
`);
const FLOWER_STOCK = graphql(`
  query StoreFlowerStock($id: ID!) {
    store(id: $id) {
      flowerStock {
        flowerId
        available
      }
    }
  }
`);

let h: StoresHarness;
beforeAll(async () => {
  h = await startStores('inventory');
});
afterAll(async () => h.close());

const stockOf = async (storeId: string, flowerId: number) => {
  const res = await h.call(FLOWER_STOCK, { id: storeId });
  return dataOf(res).store?.flowerStock.find((f) => f.flowerId === flowerId)?.available;
};

/** Runs the reservation handler the way the ORDERS consumer does. */
const place = (order: ReturnType<typeof placedOrder>) =>
  h.server.saga.handle(h.envelope(orderPlaced, order, { subjectId: order.orderId }));

const reserveOutcome = (orderId: string) =>
  h.db.collection('saga_steps').findOne({ _id: `${orderId}:reserve` as never });

describe('seller inventory', () => {
  it('sets and adjusts stock, and keeps every change in the ledger', async () => {
    const { sellerId, storeId } = await h.openStore();
    const set = await h.call(
      SET_STOCK,
      {
        storeId,
        items: [
          { flowerId: 1, available: 120 },
          { flowerId: 2, available: 30 },
        ],
      },
      seller(sellerId),
    );
    expect(set.data?.setFlowerStock).toMatchObject({
      __typename: 'InventoryUpdate',
      changes: [
        { flowerId: 1, delta: 120 },
        { flowerId: 2, delta: 30 },
      ],
    });
    const adjusted = await h.call(
      ADJUST,
      {
        storeId,
        items: [
          { flowerId: 1, delta: -20 },
          { flowerId: 3, delta: 15 },
        ],
      },
      seller(sellerId),
    );
    expect(adjusted.data?.adjustFlowerStock.__typename).toBe('InventoryUpdate');
    expect(await stockOf(storeId, 1)).toBe(100);
    expect(await stockOf(storeId, 3)).toBe(15);

    const events = await h.events.waitForType('stores.inventory.adjusted', 2);
    const mine = events.filter((e) => e.subjectId === storeId);
    expect(mine.at(-1)?.payload).toMatchObject({
      storeId,
      changes: [
        { flowerId: 1, delta: -20 },
        { flowerId: 3, delta: 15 },
      ],
      // An asymmetric matcher is typed `any`; it is only compared, never read.
      stock: expect.arrayContaining([
        expect.objectContaining({ flowerId: 1, available: 100 }),
        expect.objectContaining({ flowerId: 3, available: 15 }),
      ]) as unknown,
    });

    const inventory = await h.call(INVENTORY, { id: storeId }, seller(sellerId));
    expect(inventory.data?.store?.inventory).toHaveLength(22);
    expect(inventory.data?.store?.inventory[1]).toEqual({
      flowerId: 2,
      available: 30,
      reserved: 0,
      onHand: 30,
      low: true,
    });
    const history = await h.call(
      graphql(`
        query InventoryHistory($id: ID!) {
          store(id: $id) {
            inventoryHistory(flowerId: 1, first: 10) {
              totalCount
              nodes {
                kind
                availableDelta
                available
              }
            }
          }
        }
      `),
      { id: storeId },
      seller(sellerId),
    );
    expect(history.data?.store?.inventoryHistory).toEqual({
      totalCount: 2,
      nodes: [
        { kind: 'ADJUST', availableDelta: -20, available: 100 },
        { kind: 'SET', availableDelta: 120, available: 120 },
      ],
    });
    expect((await auditLedger(h, storeId, 1)).problems).toEqual([]);
  });

  it('adjusts all or nothing and never below zero', async () => {
    const { sellerId, storeId } = await h.openStore();
    await setStock(h, sellerId, storeId, [
      { flowerId: 5, available: 10 },
      { flowerId: 6, available: 3 },
    ]);
    const res = await h.call(
      ADJUST,
      {
        storeId,
        items: [
          { flowerId: 5, delta: -4 },
          { flowerId: 6, delta: -5 },
          { flowerId: 7, delta: 9 },
        ],
      },
      seller(sellerId),
    );
    expect(res.data?.adjustFlowerStock).toMatchObject({
      code: 'INSUFFICIENT_STOCK',
      shortages: [{ flowerId: 6, requested: 5, available: 3 }],
    });
    expect(await stockOf(storeId, 5)).toBe(10);
    expect(await stockOf(storeId, 6)).toBe(3);
    expect(await stockOf(storeId, 7)).toBe(0);
  });

  it('applies a retried request once', async () => {
    const { sellerId, storeId } = await h.openStore();
    const requestId = newId();
    const results = await Promise.all(
      Array.from({ length: 3 }, () =>
        h.call(
          ADJUST,
          { storeId, items: [{ flowerId: 8, delta: 7 }], requestId },
          seller(sellerId),
        ),
      ),
    );
    for (const r of results) {
      expect(expectUnion(r.data?.adjustFlowerStock, 'InventoryUpdate').adjustmentId).toBe(
        requestId,
      );
    }
    const again = await h.call(
      ADJUST,
      { storeId, items: [{ flowerId: 8, delta: 7 }], requestId },
      seller(sellerId),
    );
    expect(expectUnion(again.data?.adjustFlowerStock, 'InventoryUpdate').changes).toEqual([
      { flowerId: 8, delta: 7 },
    ]);
    expect(await stockOf(storeId, 8)).toBe(7);
  });

  it('lets only the owner change stock and only the store and admins see the inventory', async () => {
    const a = await h.openStore();
    const b = await h.openStore();
    const items = [{ flowerId: 1, available: 999 }];
    expect(
      errorCode(await h.call(SET_STOCK, { storeId: a.storeId, items }, seller(b.sellerId))),
    ).toBe('FORBIDDEN');
    expect(errorCode(await h.call(SET_STOCK, { storeId: a.storeId, items }, customer()))).toBe(
      'FORBIDDEN',
    );
    expect(errorCode(await h.call(SET_STOCK, { storeId: a.storeId, items }))).toBe(
      'UNAUTHENTICATED',
    );
    expect(errorCode(await h.call(INVENTORY, { id: a.storeId }, seller(b.sellerId)))).toBe(
      'FORBIDDEN',
    );
    expect((await h.call(INVENTORY, { id: a.storeId }, ADMIN)).data?.store?.inventory).toHaveLength(
      22,
    );
    expect(await stockOf(a.storeId, 1)).toBe(0);
  });

  it('tells the seller about low stock once per flower per window', async () => {
    const { sellerId, storeId } = await h.openStore();
    await setStock(h, sellerId, storeId, [{ flowerId: 9, available: 60 }]);
    for (const delta of [-15, -5, -5]) {
      await h.call(ADJUST, { storeId, items: [{ flowerId: 9, delta }] }, seller(sellerId));
    }
    await Promise.all(
      Array.from({ length: 5 }, () => place(placedOrder(storeId, [{ flowerId: 9, count: 1 }]))),
    );
    const low = () =>
      h.events.ofType('stores.inventory.low').filter((e) => e.subjectId === storeId);
    await h.events.waitForType('stores.inventory.low');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(low()).toHaveLength(1);
    expect(low()[0]?.payload).toMatchObject({
      storeId,
      sellerId,
      flowerId: 9,
      available: 45,
      threshold: 50,
    });

    h.advance(24 * 3_600_000);
    try {
      await h.call(ADJUST, { storeId, items: [{ flowerId: 9, delta: -1 }] }, seller(sellerId));
      await h.events.waitForType('stores.inventory.low', 2);
    } finally {
      h.advance(-24 * 3_600_000);
    }
  });
});

describe('reservations', () => {
  it('lets exactly 50 of 200 simultaneous one-stem reservations through a stock of 50', async () => {
    const { sellerId, storeId } = await h.openStore();
    await setStock(h, sellerId, storeId, [{ flowerId: 1, available: 50 }]);
    const orders = Array.from({ length: 200 }, () =>
      placedOrder(storeId, [{ flowerId: 1, count: 1 }]),
    );
    // Two replicas on one database: their writers race for the same ledger positions.
    const replica = await h.replica();
    const replicas = [h.server, replica];
    const lost = () => replicas.reduce((sum, r) => sum + r.infra.ledger.conflicts, 0);
    const lostBefore = lost();
    const started = Date.now();
    await Promise.all(
      orders.map((order, i) =>
        (i % 2 === 0 ? h.server : replica).saga.handle(
          h.envelope(orderPlaced, order, { subjectId: order.orderId }),
        ),
      ),
    );
    const duration = Date.now() - started;
    const outcomes = await Promise.all(orders.map((o) => reserveOutcome(o.orderId)));
    const reserved = outcomes.filter((o) => o?.outcome === 'RESERVED').length;
    const rejected = outcomes.filter((o) => o?.outcome === 'REJECTED').length;
    const audit = await auditLedger(h, storeId, 1);
    const conflicts = lost() - lostBefore;
    console.log(
      `[race] 200 reservations of 1 stem vs stock 50 on 2 replicas: ${reserved} reserved, ` +
        `${rejected} rejected (OUT_OF_STOCK); ledger: ${audit.rows.length} entries, final available ` +
        `${audit.available}, reserved ${audit.reserved}, never negative; ${conflicts} positions lost ` +
        `to the other replica and retried; ${duration} ms`,
    );
    expect(reserved).toBe(50);
    expect(rejected).toBe(150);
    expect(audit.problems).toEqual([]);
    expect(audit.available).toBe(0);
    expect(audit.reserved).toBe(50);
    expect(audit.rows.filter((r) => r.kind === 'RESERVE')).toHaveLength(50);
    expect(await stockOf(storeId, 1)).toBe(0);
    const mine = () =>
      h.events
        .ofType('stores.inventory.reserved')
        .filter((e) => (e.payload as { storeId: string }).storeId === storeId);
    await waitFor(() => mine().length >= 50, { timeoutMs: 30_000, what: '50 reserved events' });
    expect(mine()).toHaveLength(50);
  }, 180_000);

  it('reserves once however often the same order is delivered', async () => {
    const { sellerId, storeId } = await h.openStore();
    await setStock(h, sellerId, storeId, [{ flowerId: 2, available: 20 }]);
    const order = placedOrder(storeId, [{ flowerId: 2, count: 3 }], { quantity: 2 });
    const event = h.envelope(orderPlaced, order, { subjectId: order.orderId });
    await h.server.saga.handle(event);
    // Redelivery of the same event, and copies with new event ids, at once and afterwards.
    await Promise.allSettled([
      h.server.saga.handle(event),
      ...Array.from({ length: 5 }, () => h.server.saga.handle(h.envelope(orderPlaced, order))),
    ]);
    await h.server.saga.handle(h.envelope(orderPlaced, order));
    const audit = await auditLedger(h, storeId, 2);
    expect(audit.rows.filter((r) => r.kind === 'RESERVE')).toHaveLength(1);
    expect(audit.available).toBe(14);
    expect(audit.reserved).toBe(6);
    const mine = () =>
      h.events
        .ofType('stores.inventory.reserved')
        .filter((e) => (e.payload as { orderId: string }).orderId === order.orderId);
    await waitFor(() => mine().length > 0, { what: 'the reservation event' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(mine()).toHaveLength(1);
  });

  it('reserves several flowers all or nothing, and reports every shortage', async () => {
    const { sellerId, storeId } = await h.openStore();
    await setStock(h, sellerId, storeId, [
      { flowerId: 3, available: 10 },
      { flowerId: 4, available: 2 },
      { flowerId: 5, available: 1 },
    ]);
    const order = placedOrder(storeId, [
      { flowerId: 3, count: 5 },
      { flowerId: 4, count: 3 },
      { flowerId: 5, count: 2 },
    ]);
    await place(order);
    expect(await reserveOutcome(order.orderId)).toMatchObject({ outcome: 'REJECTED' });
    const rejected = await h.eventFor('stores.inventory.rejected', { orderId: order.orderId });
    expect(rejected.payload).toMatchObject({
      reason: 'OUT_OF_STOCK',
      shortages: [
        { flowerId: 4, requested: 3, available: 2 },
        { flowerId: 5, requested: 2, available: 1 },
      ],
    });
    expect(await stockOf(storeId, 3)).toBe(10);
    const audit = await auditLedger(h, storeId, 3);
    expect(audit.rows.map((r) => r.kind)).toEqual(['SET', 'RESERVE', 'RELEASE']);
  });

  it('decides on the ledger as it is, not as this replica last saw it', async () => {
    const { sellerId, storeId } = await h.openStore();
    await setStock(h, sellerId, storeId, [{ flowerId: 2, available: 5 }]);
    const replica = await h.replica();
    const key = { storeId, flowerId: 2 };
    const first = placedOrder(storeId, [{ flowerId: 2, count: 1 }]);
    await place(first);
    expect((await reserveOutcome(first.orderId))?.outcome).toBe('RESERVED');
    // The other replica empties the stock after this one last wrote (this one remembers 4).
    await replica.infra.ledger.set(key, 0, newId(), sellerId, h.now());
    const second = placedOrder(storeId, [{ flowerId: 2, count: 1 }]);
    await place(second);
    expect((await reserveOutcome(second.orderId))?.outcome).toBe('REJECTED');
    expect((await reserveOutcome(second.orderId))?.data).toMatchObject({ reason: 'OUT_OF_STOCK' });
    // And restocks it: this replica last saw 0, which must not refuse the next order.
    await replica.infra.ledger.set(key, 3, newId(), sellerId, h.now());
    const third = placedOrder(storeId, [{ flowerId: 2, count: 1 }]);
    await place(third);
    expect((await reserveOutcome(third.orderId))?.outcome).toBe('RESERVED');
    const audit = await auditLedger(h, storeId, 2);
    expect(audit.problems).toEqual([]);
    expect(audit.available).toBe(2);
    expect(audit.reserved).toBe(2);
  });

  it('never splits multi-flower reservations under concurrency', async () => {
    const { sellerId, storeId } = await h.openStore();
    await setStock(h, sellerId, storeId, [
      { flowerId: 10, available: 10 },
      { flowerId: 11, available: 5 },
    ]);
    const orders = Array.from({ length: 20 }, () =>
      placedOrder(storeId, [
        { flowerId: 10, count: 1 },
        { flowerId: 11, count: 1 },
      ]),
    );
    await Promise.all(orders.map(place));
    const outcomes = await Promise.all(orders.map((o) => reserveOutcome(o.orderId)));
    expect(outcomes.filter((o) => o?.outcome === 'RESERVED')).toHaveLength(5);
    const a = await auditLedger(h, storeId, 10);
    const b = await auditLedger(h, storeId, 11);
    expect([...a.problems, ...b.problems]).toEqual([]);
    expect([a.available, a.reserved, b.available, b.reserved]).toEqual([5, 5, 0, 5]);
  }, 120_000);

  it('refuses to sell from a suspended store', async () => {
    const { sellerId, storeId } = await h.openStore();
    await setStock(h, sellerId, storeId, [{ flowerId: 12, available: 10 }]);
    await h.call(
      graphql(`
        mutation SuspendStoreForSale($id: ID!) {
          suspendStore(storeId: $id, reason: "점검") {
            __typename
          }
        }
      `),
      { id: storeId },
      ADMIN,
    );
    const order = placedOrder(storeId, [{ flowerId: 12, count: 1 }]);
    await place(order);
    expect(await reserveOutcome(order.orderId)).toMatchObject({
      outcome: 'REJECTED',
      data: expect.objectContaining({ reason: 'STORE_NOT_OPEN' }) as unknown,
    });
    expect(await stockOf(storeId, 12)).toBe(10);
    const unknownStore = placedOrder(newId(), [{ flowerId: 12, count: 1 }]);
    await place(unknownStore);
    expect((await reserveOutcome(unknownStore.orderId))?.data).toMatchObject({
      reason: 'STORE_NOT_FOUND',
    });
  });

  it('commits on confirmation, releases on failure, restocks a canceled confirmed order', async () => {
    const { sellerId, storeId } = await h.openStore();
    await setStock(h, sellerId, storeId, [{ flowerId: 13, available: 30 }]);
    const confirmed = placedOrder(storeId, [{ flowerId: 13, count: 4 }]);
    const failed = placedOrder(storeId, [{ flowerId: 13, count: 5 }]);
    await place(confirmed);
    await place(failed);
    expect(await stockOf(storeId, 13)).toBe(21);

    const confirm = h.envelope(orderConfirmed, { orderId: confirmed.orderId, storeId });
    await h.server.saga.handle(confirm);
    await h.server.saga.handle(confirm);
    const fail = h.envelope(orderFailed, {
      orderId: failed.orderId,
      storeId,
      reason: 'PAYMENT_DECLINED',
    });
    await h.server.saga.handle(fail);
    await h.server.saga.handle(h.envelope(orderFailed, { ...fail.payload }));
    let audit = await auditLedger(h, storeId, 13);
    expect([audit.available, audit.reserved]).toEqual([26, 0]);
    expect(audit.rows.map((r) => r.kind)).toEqual([
      'SET',
      'RESERVE',
      'RESERVE',
      'COMMIT',
      'RELEASE',
    ]);
    // A late confirmation of the failed order changes nothing.
    await h.server.saga.handle(h.envelope(orderConfirmed, { orderId: failed.orderId, storeId }));

    const committed = await h.eventFor('stores.inventory.committed', {
      orderId: confirmed.orderId,
    });
    expect(committed.payload).toMatchObject({ flowers: [{ flowerId: 13, quantity: 4 }] });
    const released = await h.eventFor('stores.inventory.released', { orderId: failed.orderId });
    expect(released.payload).toMatchObject({
      reason: 'PAYMENT_DECLINED',
      afterCommit: false,
      flowers: [{ flowerId: 13, quantity: 5 }],
      stock: [expect.objectContaining({ flowerId: 13, available: 26 })],
    });

    await h.server.saga.handle(
      h.envelope(orderCanceled, {
        orderId: confirmed.orderId,
        storeId,
        reason: 'CUSTOMER_REQUEST',
      }),
    );
    audit = await auditLedger(h, storeId, 13);
    expect([audit.available, audit.reserved, audit.problems.length]).toEqual([30, 0, 0]);
    const restocked = await h.eventFor('stores.inventory.released', {
      orderId: confirmed.orderId,
    });
    expect(restocked.payload).toMatchObject({
      afterCommit: true,
      flowers: [{ flowerId: 13, quantity: 4 }],
    });
  });

  it('releases what an order took when it fails', async () => {
    const { sellerId, storeId } = await h.openStore();
    await setStock(h, sellerId, storeId, [{ flowerId: 14, available: 8 }]);
    const order = placedOrder(storeId, [{ flowerId: 14, count: 8 }]);
    // The failure arrives before the order itself (a slow consumer): nothing is reserved later.
    await h.server.saga.handle(
      h.envelope(orderFailed, { orderId: order.orderId, storeId, reason: 'TIMEOUT' }),
    );
    await place(order);
    expect((await reserveOutcome(order.orderId))?.data).toMatchObject({ reason: 'ORDER_CLOSED' });
    expect(await stockOf(storeId, 14)).toBe(8);
  });
});
