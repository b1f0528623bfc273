import type { Caller } from '@bloom/kernel';
import { dataOf, expectUnion, sellerCaller, waitFor } from '@bloom/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './generated/index.js';
import type { CheckoutInput, CheckoutQuoteInput } from './generated/graphql.js';
import {
  CHECKOUT,
  DELIVERY,
  type OrdersHarness,
  customer,
  firstOrder,
  newId,
  seedCatalog,
  startOrders,
} from './orders.harness.js';

let h: OrdersHarness;
let cat: Awaited<ReturnType<typeof seedCatalog>>;

beforeAll(async () => {
  h = await startOrders('checkout');
  cat = await seedCatalog(h);
});
afterAll(async () => h.close());

const CART = graphql(`
  query Cart {
    cart {
      total
      itemCount
      groups {
        store {
          id
        }
        subtotal
        deliveryFee
        freeDeliveryThreshold
        lines {
          product {
            id
          }
          quantity
          unitPrice
          amount
        }
      }
    }
  }
`);
const ADD = graphql(`
  mutation AddToCart($p: ID!, $q: Int!) {
    addToCart(productId: $p, quantity: $q) {
      __typename
      ... on UserError {
        code
      }
    }
  }
`);
const SET = graphql(`
  mutation SetCartQuantity($p: ID!, $q: Int!) {
    setCartQuantity(productId: $p, quantity: $q) {
      __typename
    }
  }
`);
const QUOTE = graphql(`
  query CheckoutQuote($i: CheckoutQuoteInput!) {
    checkoutQuote(input: $i) {
      __typename
      ... on CheckoutQuote {
        total
        stores {
          storeId
          subtotal
          discount
          deliveryFee
          total
        }
      }
      ... on UserError {
        code
      }
    }
  }
`);

const orderStatus = async (id: string, caller: Partial<Caller>) =>
  (
    await h.call(
      graphql(`
        query OrderStatusAndFailure($id: ID!) {
          order(id: $id) {
            status
            failure {
              code
            }
          }
        }
      `),
      { id },
      caller,
    )
  ).data?.order;

describe('cart', () => {
  it('groups by store with the delivery terms, merges adds and removes below 1', async () => {
    const c = customer();
    await h.call(ADD, { p: cat.productId, q: 1 }, c.caller);
    await h.call(ADD, { p: cat.productId, q: 2 }, c.caller);
    await h.call(ADD, { p: cat.productB, q: 1 }, c.caller);
    let cart = dataOf(await h.call(CART, {}, c.caller)).cart;
    expect(cart.groups).toHaveLength(1);
    expect(cart.groups[0]).toMatchObject({
      store: { id: cat.storeId },
      subtotal: 65000,
      deliveryFee: 0,
      freeDeliveryThreshold: 50000,
    });
    expect(cart.groups[0]?.lines).toContainEqual({
      product: { id: cat.productId },
      quantity: 3,
      unitPrice: 20000,
      amount: 60000,
    });
    await h.call(SET, { p: cat.productId, q: 0 }, c.caller);
    cart = dataOf(await h.call(CART, {}, c.caller)).cart;
    expect(cart.groups[0]).toMatchObject({ subtotal: 5000, deliveryFee: 3000 });
    expect(cart.total).toBe(8000);
  });

  it('refuses products that are not on sale', async () => {
    const c = customer();
    const res = await h.call(ADD, { p: newId(), q: 1 }, c.caller);
    expect(res.data?.addToCart).toEqual({
      __typename: 'UnavailableError',
      code: 'PRODUCT_UNAVAILABLE',
    });
  });
});

describe('checkout', () => {
  it('delivers from the cart: server prices, saga reserves, redeems the coupon, captures, confirms', async () => {
    const c = customer();
    await h.call(ADD, { p: cat.productId, q: 2 }, c.caller);
    const input: CheckoutInput = {
      idempotencyKey: `key-${newId()}`,
      fulfilment: 'DELIVERY',
      delivery: DELIVERY(),
      coupons: [{ storeId: cat.storeId, couponId: cat.couponId }],
      expectedTotal: 40000 - 3000 + 3000,
    };
    const res = await h.call(CHECKOUT, { i: input }, c.caller);
    expect(res.data?.checkout.__typename).toBe('CheckoutSuccess');
    const order = firstOrder(res);
    expect(order).toMatchObject({
      status: 'PENDING',
      subtotal: 40000,
      discount: 3000,
      deliveryFee: 3000,
      total: 40000,
    });
    await waitFor(async () => (await orderStatus(order.id, c.caller))?.status === 'CONFIRMED', {
      what: 'confirmation',
    });
    expect(h.stores.redeemed.get(order.id)).toBe(cat.couponId);
    expect(h.payments.captured().filter((p) => p.orderId === order.id)).toHaveLength(1);
    await h.events.waitForType('orders.order.confirmed');
    const newOrder = (await h.events.waitForType('orders.order.newOrder')).find(
      (e) => (e.payload as { orderId: string }).orderId === order.id,
    );
    expect(newOrder?.payload).toMatchObject({ sellerId: cat.sellerId, total: 40000 });
    expect((await h.call(CART, {}, c.caller)).data?.cart.itemCount).toBe(0);
  });

  it('quotes what checkout then charges, per store, and refuses what checkout would refuse', async () => {
    const c = customer();
    await h.call(ADD, { p: cat.productId, q: 2 }, c.caller);
    const wanted: CheckoutQuoteInput = {
      fulfilment: 'DELIVERY',
      delivery: DELIVERY(),
      coupons: [{ storeId: cat.storeId, couponId: cat.couponId }],
    };
    // Before the address is filled in, the quote is already the same.
    const early = (await h.call(QUOTE, { i: { ...wanted, delivery: undefined } }, c.caller)).data
      ?.checkoutQuote;
    expect(early).toMatchObject({ __typename: 'CheckoutQuote', total: 40000 });
    const quote = (await h.call(QUOTE, { i: wanted }, c.caller)).data?.checkoutQuote;
    expect(quote).toEqual({
      __typename: 'CheckoutQuote',
      total: 40000,
      stores: [
        { storeId: cat.storeId, subtotal: 40000, discount: 3000, deliveryFee: 3000, total: 40000 },
      ],
    });
    // Quoting reserves nothing and keeps the cart.
    expect((await h.call(CART, {}, c.caller)).data?.cart.itemCount).toBe(2);
    const placed = await h.call(
      CHECKOUT,
      {
        i: {
          ...wanted,
          idempotencyKey: `key-${newId()}`,
          expectedTotal: expectUnion(quote, 'CheckoutQuote').total,
        },
      },
      c.caller,
    );
    expect(placed.data?.checkout).toMatchObject({ __typename: 'CheckoutSuccess', total: 40000 });
    expect(
      (
        await h.call(
          QUOTE,
          {
            i: {
              buyNow: { productId: 'nope', quantity: 1 },
              fulfilment: 'DELIVERY',
              delivery: DELIVERY(),
            },
          },
          c.caller,
        )
      ).data?.checkoutQuote,
    ).toMatchObject({ __typename: 'UnavailableError', code: 'PRODUCT_UNAVAILABLE' });
    expect(
      (
        await h.call(
          QUOTE,
          { i: { fulfilment: 'DELIVERY', delivery: DELIVERY() } },
          customer().caller,
        )
      ).data?.checkoutQuote,
    ).toMatchObject({ __typename: 'EmptyCartError' });
  });

  it('refuses a differing client total, naming both amounts', async () => {
    const c = customer();
    const res = await h.call(
      CHECKOUT,
      {
        i: {
          idempotencyKey: `key-${newId()}`,
          buyNow: { productId: cat.productId, quantity: 1 },
          fulfilment: 'DELIVERY',
          delivery: DELIVERY(),
          expectedTotal: 20000,
        },
      },
      c.caller,
    );
    expect(res.data?.checkout).toMatchObject({
      __typename: 'TotalMismatchError',
      code: 'TOTAL_MISMATCH',
      clientTotal: 20000,
      serverTotal: 23000,
    });
  });

  it('picks up with a slot and no delivery fee', async () => {
    const c = customer();
    const slot = new Date(Math.ceil((Date.now() + 2 * 3600_000) / 1800_000) * 1800_000);
    const res = await h.call(
      CHECKOUT,
      {
        i: {
          idempotencyKey: `key-${newId()}`,
          buyNow: { productId: cat.productB, quantity: 1 },
          fulfilment: 'PICKUP',
          pickupSlots: [{ storeId: cat.storeId, startsAt: slot.toISOString() }],
          expectedTotal: 5000,
        },
      },
      c.caller,
    );
    const order = firstOrder(res);
    expect(order).toMatchObject({ fulfilment: 'PICKUP', deliveryFee: 0, total: 5000 });
    await waitFor(async () => (await orderStatus(order.id, c.caller))?.status === 'CONFIRMED', {
      what: 'confirmation',
    });
    const pickups = await h.call(
      graphql(`
        query MyUpcomingPickups {
          myUpcomingPickups {
            id
          }
        }
      `),
      {},
      c.caller,
    );
    expect(pickups.data?.myUpcomingPickups).toEqual([{ id: order.id }]);
  });

  it('makes one order and one capture from 20 simultaneous calls with one key', async () => {
    const c = customer();
    const input: CheckoutInput = {
      idempotencyKey: `key-${newId()}`,
      buyNow: { productId: cat.productId, quantity: 1 },
      fulfilment: 'DELIVERY',
      delivery: DELIVERY(),
      expectedTotal: 23000,
    };
    const results = await Promise.all(
      Array.from({ length: 20 }, () => h.call(CHECKOUT, { i: input }, c.caller)),
    );
    const ids = new Set(
      results.map((r) => {
        const answer = r.data?.checkout;
        return answer?.__typename === 'CheckoutSuccess' ? answer.orders[0]?.id : undefined;
      }),
    );
    expect(results.every((r) => r.data?.checkout.__typename === 'CheckoutSuccess')).toBe(true);
    expect(ids.size).toBe(1);
    const orderId = [...ids][0] as string;
    await waitFor(async () => (await orderStatus(orderId, c.caller))?.status === 'CONFIRMED', {
      what: 'confirmation',
    });
    const mine = await h.call(
      graphql(`
        query MyOrderCount {
          myOrders {
            totalCount
          }
        }
      `),
      {},
      c.caller,
    );
    expect(mine.data?.myOrders.totalCount).toBe(1);
    expect(h.payments.captured().filter((p) => p.orderId === orderId)).toHaveLength(1);
    const again = await h.call(CHECKOUT, { i: input }, c.caller);
    expect(again.data?.checkout).toMatchObject({
      replayed: true,
      orders: [{ id: orderId, status: 'CONFIRMED' }],
    });
    const reused = await h.call(CHECKOUT, { i: { ...input, expectedTotal: 1 } }, c.caller);
    expect(reused.data?.checkout).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
  });

  it('shows an order only to its customer, its seller and admins', async () => {
    const c = customer();
    const res = await h.call(
      CHECKOUT,
      {
        i: {
          idempotencyKey: `key-${newId()}`,
          buyNow: { productId: cat.productB, quantity: 2 },
          fulfilment: 'DELIVERY',
          delivery: DELIVERY(),
          expectedTotal: 13000,
        },
      },
      c.caller,
    );
    const { id } = firstOrder(res);
    const other = customer();
    expect(await orderStatus(id, other.caller)).toBeNull();
    expect(await orderStatus(id, sellerCaller(cat.sellerId))).not.toBeNull();
    expect(await orderStatus(id, sellerCaller())).toBeNull();
    const board = await h.call(
      graphql(`
        query StoreOrderCount($s: ID!) {
          storeOrders(storeId: $s) {
            totalCount
          }
        }
      `),
      { s: cat.storeId },
      sellerCaller(),
    );
    expect(board.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
