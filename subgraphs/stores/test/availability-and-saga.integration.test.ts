import { orderCanceled, orderConfirmed, orderPlaced } from '@bloom/schema';
import { expectUnion } from '@bloom/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './generated/index.js';
import {
  ADMIN,
  type StoresHarness,
  customer,
  newId,
  placedOrder,
  seller,
  setStock,
  startStores,
} from './stores.harness.js';

const AVAILABILITY = graphql(`
  query ProductAvailability($r: [_Any!]!) {
    _entities(representations: $r) {
      ... on Product {
        id
        availableQuantity
      }
    }
  }
`);

let h: StoresHarness;
beforeAll(async () => {
  h = await startStores('availability');
});
afterAll(async () => h.close());

const product = (id: string, storeId: string, recipe: { flowerId: number; count: number }[]) => ({
  __typename: 'Product',
  id,
  storeId,
  recipe,
});

describe('Product.availableQuantity', () => {
  it('is the scarcest recipe line, per store, and 0 when the store does not sell', async () => {
    const a = await h.openStore();
    const b = await h.openStore();
    await setStock(h, a.sellerId, a.storeId, [
      { flowerId: 1, available: 105 },
      { flowerId: 18, available: 7 },
    ]);
    await setStock(h, b.sellerId, b.storeId, [{ flowerId: 1, available: 3 }]);
    const representations = [
      product('bouquet', a.storeId, [
        { flowerId: 1, count: 10 },
        { flowerId: 18, count: 1 },
      ]),
      product('roses', a.storeId, [{ flowerId: 1, count: 10 }]),
      product('elsewhere', b.storeId, [{ flowerId: 1, count: 10 }]),
      product('no-store', newId(), [{ flowerId: 1, count: 1 }]),
      product('empty', a.storeId, []),
    ];
    const res = await h.call(AVAILABILITY, { r: representations });
    expect(res.data?._entities).toEqual([
      { id: 'bouquet', availableQuantity: 7 },
      { id: 'roses', availableQuantity: 10 },
      { id: 'elsewhere', availableQuantity: 0 },
      { id: 'no-store', availableQuantity: 0 },
      { id: 'empty', availableQuantity: 0 },
    ]);

    await h.call(
      graphql(`
        mutation CloseStoreForAvailability($id: ID!) {
          closeStore(storeId: $id) {
            __typename
          }
        }
      `),
      { id: a.storeId },
      seller(a.sellerId),
    );
    const closed = await h.call(AVAILABILITY, { r: representations.slice(0, 1) });
    expect(closed.data?._entities).toEqual([{ id: 'bouquet', availableQuantity: 0 }]);
    await h.call(
      graphql(`
        mutation ReopenStoreForAvailability($id: ID!) {
          reopenStore(storeId: $id) {
            __typename
          }
        }
      `),
      { id: a.storeId },
      ADMIN,
    );
    const reopened = await h.call(AVAILABILITY, { r: representations.slice(0, 1) });
    expect(reopened.data?._entities).toEqual([{ id: 'bouquet', availableQuantity: 7 }]);
  });
});

describe('the checkout saga over JetStream', () => {
  it('answers orders commands published on the ORDERS stream', async () => {
    const { sellerId, storeId } = await h.openStore();
    await setStock(h, sellerId, storeId, [{ flowerId: 4, available: 40 }]);
    const coupon = await h.call(
      graphql(`
        mutation CreateSagaCoupon($id: ID!, $input: CreateCouponInput!) {
          createCoupon(storeId: $id, input: $input) {
            __typename
            ... on Coupon {
              id
            }
          }
        }
      `),
      {
        id: storeId,
        input: {
          name: '5천원 할인',
          code: 'SAGA5000',
          discountAmount: 5000,
          minOrderAmount: 10000,
          startsAt: new Date(Date.now() - 60_000).toISOString(),
          endsAt: new Date(Date.now() + 86_400_000).toISOString(),
          issueLimit: 10,
        },
      },
      seller(sellerId),
    );
    const couponId = expectUnion(coupon.data?.createCoupon, 'Coupon').id;
    const customerId = newId();
    await h.call(
      graphql(`
        mutation ClaimSagaCoupon($id: ID!) {
          claimCoupon(couponId: $id) {
            __typename
          }
        }
      `),
      { id: couponId },
      customer(customerId),
    );

    const order = placedOrder(storeId, [{ flowerId: 4, count: 6 }], {
      quantity: 2,
      customerId,
      subtotal: 60000,
    });
    await h.publish(orderPlaced, { ...order, couponId });
    // A duplicate publication with a new event id changes nothing.
    await h.publish(orderPlaced, { ...order, couponId });

    const reserved = await h.eventFor('stores.inventory.reserved', { orderId: order.orderId });
    expect(reserved.payload).toMatchObject({
      storeId,
      flowers: [{ flowerId: 4, quantity: 12 }],
      pickup: null,
      // The coupon is redeemed in the same step: one answer.
      coupon: { couponId, discount: 5000 },
      stock: [{ flowerId: 4, available: 28, seq: 2 }],
    });

    await h.publish(orderConfirmed, { orderId: order.orderId, storeId });
    await h.eventFor('stores.inventory.committed', { orderId: order.orderId });
    await h.publish(orderCanceled, { orderId: order.orderId, storeId, reason: 'CUSTOMER_REQUEST' });
    const released = await h.eventFor('stores.inventory.released', { orderId: order.orderId });
    expect(released.payload).toMatchObject({
      afterCommit: true,
      stock: [{ flowerId: 4, available: 40 }],
    });
    await h.eventFor('stores.coupon.returned', { orderId: order.orderId });

    const ledger = await h.db.collection('stock_entries').countDocuments({ storeId, flowerId: 4 });
    expect(ledger).toBe(4); // set, reserve, commit, restock
  });
});
