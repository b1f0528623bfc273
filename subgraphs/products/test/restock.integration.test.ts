import type { EventEnvelope } from '@bloom/kernel';
import { customerCaller, expectUnion, sellerCaller } from '@bloom/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RestockService } from '../src/restock/restock.service.js';
import { graphql } from './generated/index.js';
import type { RecipeLineInput } from './generated/graphql.js';
import {
  CREATE,
  type ProductsHarness,
  patientWaitFor,
  published,
  productInput,
  startProducts,
} from './products.harness.js';

const SUBSCRIBE = graphql(`
  mutation SubscribeRestockAlert($id: ID!) {
    subscribeRestockAlert(productId: $id) {
      __typename
      ... on RestockAlert {
        id
        productId
      }
      ... on UserError {
        code
      }
    }
  }
`);
const STATUS = graphql(`
  mutation SetRestockProductStatus($id: ID!, $status: SaleStatus!) {
    setProductStatus(id: $id, status: $status) {
      __typename
    }
  }
`);
const MY_ALERTS = graphql(`
  query MyRestockAlerts {
    myRestockAlerts {
      productId
    }
  }
`);

interface Restocked {
  productId: string;
  subscriberIds: string[];
  availableQuantity: number;
}

let h: ProductsHarness;
beforeAll(async () => {
  h = await startProducts('restock');
  await h.openStore('store-s', 'seller-s');
  await h.setStock('store-s', { 1: 100, 18: 100 });
});
afterAll(async () => h.close());

const restockedOf = (productId: string) =>
  published<Restocked>(h.events, 'products.product.restocked').filter(
    (e) => e.payload.productId === productId,
  );

/** Waits until the consumer finished what it was sent, then lets the relay publish anything new. */
async function settled(consumer: string) {
  await h.consumed(consumer);
  await h.server.relay.flush();
  await new Promise((resolve) => setTimeout(resolve, 300));
}

async function createProduct(name: string, recipe: RecipeLineInput[]) {
  const res = await h.call(
    CREATE,
    { input: productInput({ name, recipe }) },
    sellerCaller('seller-s'),
  );
  return expectUnion(res.data?.createProduct, 'Product').id;
}

describe('restock alerts', () => {
  it('notifies every subscriber once when the seller puts the product back on sale', async () => {
    const id = await createProduct('다시 들어올 장미', [
      { flowerId: 1, count: 10, representative: true },
      { flowerId: 18, count: 1 },
    ]);
    const available = await h.call(SUBSCRIBE, { id }, customerCaller('early'));
    expect(available.data?.subscribeRestockAlert).toMatchObject({
      __typename: 'ProductAvailableError',
    });

    await h.call(STATUS, { id, status: 'SOLD_OUT' }, sellerCaller('seller-s'));
    for (const customer of ['c1', 'c2', 'c3']) {
      const res = await h.call(SUBSCRIBE, { id }, customerCaller(customer));
      expect(res.data?.subscribeRestockAlert).toMatchObject({
        __typename: 'RestockAlert',
        productId: id,
      });
    }
    // Subscribing again, even many times at once, is still one alert.
    const again = await Promise.all(
      Array.from({ length: 10 }, () => h.call(SUBSCRIBE, { id }, customerCaller('c2'))),
    );
    expect(
      new Set(again.map((r) => expectUnion(r.data?.subscribeRestockAlert, 'RestockAlert').id)).size,
    ).toBe(1);
    const flag = await h.call(
      graphql(`
        query ProductRestockFlag($id: ID!) {
          product(id: $id) {
            restockAlertSubscribed
          }
        }
      `),
      { id },
      customerCaller('c1'),
    );
    expect(flag.data?.product?.restockAlertSubscribed).toBe(true);

    await h.call(STATUS, { id, status: 'ON_SALE' }, sellerCaller('seller-s'));
    await patientWaitFor(() => restockedOf(id).length > 0);
    const [notice] = restockedOf(id);
    expect(notice?.payload).toEqual({
      productId: id,
      storeId: 'store-s',
      subscriberIds: ['c1', 'c2', 'c3'],
      availableQuantity: 10,
    });

    // The same status event delivered again notifies nobody again.
    const updated = published(h.events, 'products.product.updated').find(
      (e) =>
        (e.payload as { productId: string; status: string }).productId === id &&
        (e.payload as { status: string }).status === 'ON_SALE',
    );
    await h.redeliver(updated as EventEnvelope);
    await settled('products-restock');
    expect(restockedOf(id)).toHaveLength(1);
    expect(await h.db.collection('restock_notices').countDocuments({ productId: id })).toBe(1);
    // Below the processed-event guard, the notice itself is idempotent too.
    const direct = new RestockService(h.server.orm.em.fork(), h.server.deps);
    expect(await direct.fire(id, `${updated?.id}:${id}`, 'test')).toEqual([]);

    const mine = await h.call(MY_ALERTS, {}, customerCaller('c1'));
    expect(mine.data?.myRestockAlerts).toEqual([]);

    // A second sell-out and restock notifies only those who subscribed again.
    await h.call(STATUS, { id, status: 'SOLD_OUT' }, sellerCaller('seller-s'));
    await h.call(SUBSCRIBE, { id }, customerCaller('c1'));
    await h.call(STATUS, { id, status: 'ON_SALE' }, sellerCaller('seller-s'));
    await patientWaitFor(() => restockedOf(id).length === 2);
    expect(restockedOf(id)[1]?.payload.subscriberIds).toEqual(['c1']);
  }, 90_000);

  it('fires from the stock projection, never more notices than the stock can serve', async () => {
    // Blue roses (5) are not in stock yet: the product is on sale but cannot be made.
    const id = await createProduct('파란 장미 기적', [
      { flowerId: 5, count: 10, representative: true },
      { flowerId: 18, count: 1 },
    ]);
    const customers = ['w1', 'w2', 'w3', 'w4', 'w5'];
    for (const customer of customers) {
      const res = await h.call(SUBSCRIBE, { id }, customerCaller(customer));
      expect(res.data?.subscribeRestockAlert.__typename).toBe('RestockAlert');
    }
    // 20 stems make two bouquets: the two oldest subscribers hear of it.
    const first = await h.setStock('store-s', { 5: 20 });
    await patientWaitFor(() => restockedOf(id).length > 0);
    expect(restockedOf(id)[0]?.payload).toMatchObject({
      subscriberIds: ['w1', 'w2'],
      availableQuantity: 2,
    });

    // Redelivered, the stock event fires nothing new.
    await h.redeliver(first);
    await settled('products-stores');
    expect(restockedOf(id)).toHaveLength(1);

    const waiting = await h.call(MY_ALERTS, {}, customerCaller('w3'));
    expect(waiting.data?.myRestockAlerts).toEqual([{ productId: id }]);

    // Sold out again, then plenty: the three still waiting are notified, once.
    await h.setStock('store-s', { 5: 0 });
    await h.setStock('store-s', { 5: 100 });
    await patientWaitFor(() => restockedOf(id).length === 2);
    expect(restockedOf(id)[1]?.payload).toMatchObject({
      subscriberIds: ['w3', 'w4', 'w5'],
      availableQuantity: 10,
    });
    const firings = await h.db
      .collection<{ productId: string; userId: string }>('restock_firings')
      .find({ productId: id })
      .toArray();
    expect(firings.map((f) => f.userId).sort()).toEqual(customers);
  }, 90_000);

  it('ignores stock events older than what it holds', async () => {
    await h.setStock('store-s', { 12: 40 });
    const { inventoryAdjusted } = await import('@bloom/schema');
    await h.publish(
      inventoryAdjusted,
      {
        storeId: 'store-s',
        adjustmentId: 'stale',
        actorId: 'x',
        reason: null,
        changes: [],
        stock: [{ flowerId: 12, available: 999, seq: 0 }],
      },
      { subjectId: 'store-s' },
    );
    await settled('products-stores');
    expect(
      await h.db.collection('flower_stock').findOne({ _id: 'store-s:12' as never }),
    ).toMatchObject({ available: 40 });
  }, 90_000);
});
