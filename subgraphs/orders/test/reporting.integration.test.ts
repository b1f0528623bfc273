import { dataOf, sellerCaller, waitFor } from '@bloom/testing';
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
// Only the ADMIN role, without CUSTOMER.
const admin = { userId: newId(), roles: ['ADMIN' as const] };

const STORE_SETTLEMENTS = graphql(`
  query StoreSettlements($s: ID!) {
    storeSettlements(storeId: $s) {
      gross
    }
  }
`);

beforeAll(async () => {
  h = await startOrders('reporting');
  cat = await seedCatalog(h);
});
afterAll(async () => h.close());

async function delivered(quantity: number) {
  const c = customer();
  const seller = sellerCaller(cat.sellerId);
  const res = await h.call(
    CHECKOUT,
    {
      i: {
        idempotencyKey: `key-${newId()}`,
        buyNow: { productId: cat.productId, quantity },
        fulfilment: 'DELIVERY',
        delivery: DELIVERY(),
        expectedTotal: 20000 * quantity + (20000 * quantity >= 50000 ? 0 : 3000),
      },
    },
    c.caller,
  );
  const { id } = firstOrder(res);
  await waitFor(
    async () => (await h.call(ORDER_STATUS, { id }, c.caller)).data?.order?.status === 'CONFIRMED',
    { what: 'confirmation' },
  );
  const steps: OrderStatus[] = ['PREPARING', 'SHIPPING', 'DELIVERED'];
  for (const to of steps) {
    await h.call(
      graphql(`
        mutation AdvanceTo($id: ID!, $to: OrderStatus!) {
          advanceOrder(orderId: $id, to: $to) {
            __typename
          }
        }
      `),
      { id, to },
      seller,
    );
  }
  return id;
}

describe('settlement and statistics', () => {
  it('settles a month once per store, gross minus 7 %, however often it runs', async () => {
    await delivered(1); // 23,000
    await delivered(3); // 60,000 (free delivery)
    const month = new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 7);
    const SETTLE = graphql(`
      mutation SettleMonth($m: String!) {
        settleMonth(month: $m) {
          id
          month
          store {
            id
          }
          orderCount
          gross
          commission
          payout
        }
      }
    `);
    const runs = await Promise.all(
      Array.from({ length: 5 }, () => h.call(SETTLE, { m: month }, admin)),
    );
    for (const run of runs) expect(run.errors).toBeUndefined();
    const list = await h.call(
      graphql(`
        query Settlements($m: String, $r: String) {
          settlements(month: $m, regionCode: $r) {
            store {
              id
            }
            orderCount
            gross
            commission
            payout
          }
        }
      `),
      { m: month, r: '11' },
      admin,
    );
    expect(list.data?.settlements).toEqual([
      { store: { id: cat.storeId }, orderCount: 2, gross: 83000, commission: 5810, payout: 77190 },
    ]);
    expect(await h.db.collection('settlements').countDocuments()).toBe(1);
    const seller = sellerCaller(cat.sellerId);
    const mine = await h.call(STORE_SETTLEMENTS, { s: cat.storeId }, seller);
    expect(mine.data?.storeSettlements).toEqual([{ gross: 83000 }]);
    const stranger = await h.call(STORE_SETTLEMENTS, { s: cat.storeId }, sellerCaller());
    expect(stranger.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it("shows the seller's last 7 days and top products, and the admin's top stores", async () => {
    const seller = sellerCaller(cat.sellerId);
    const days = await h.call(
      graphql(`
        query StoreDailySales($s: ID!) {
          storeDailySales(storeId: $s) {
            date
            orderCount
            amount
          }
        }
      `),
      { s: cat.storeId },
      seller,
    );
    const series = dataOf(days).storeDailySales;
    expect(series).toHaveLength(7);
    expect(series.at(-1)).toMatchObject({ orderCount: 2, amount: 83000 });
    const top = await h.call(
      graphql(`
        query StoreTopProducts($s: ID!) {
          storeTopProducts(storeId: $s) {
            product {
              id
            }
            productName
            quantity
            amount
          }
        }
      `),
      { s: cat.storeId },
      seller,
    );
    expect(top.data?.storeTopProducts[0]).toEqual({
      product: { id: cat.productId },
      productName: '빨간 장미 꽃다발',
      quantity: 4,
      amount: 80000,
    });
    const stores = await h.call(
      graphql(`
        query TopStores {
          topStores {
            store {
              id
            }
            orderCount
            amount
          }
        }
      `),
      {},
      admin,
    );
    expect(stores.data?.topStores).toEqual([
      { store: { id: cat.storeId }, orderCount: 2, amount: 83000 },
    ]);
  });
});
