import { type EventContract, createEvent } from '@bloom/kernel';
import { inventoryAdjusted, productCreated, storeOpened } from '@bloom/schema';
import { waitFor } from '@bloom/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './generated/index.js';
import type { CheckoutQuoteInput, DeliveryInput } from './generated/graphql.js';
import {
  CHECKOUT,
  DELIVERY,
  type OrdersHarness,
  customer,
  firstOrder,
  newId,
  startOrders,
} from './orders.harness.js';

const RULES_QUOTE = graphql(`
  query CheckoutRulesQuote($i: CheckoutQuoteInput!) {
    checkoutQuote(input: $i) {
      __typename
      ... on CheckoutQuote {
        total
      }
      ... on NotEnoughStockError {
        productId
        available
      }
      ... on InvalidInputError {
        field
      }
      ... on UserError {
        code
      }
    }
  }
`);

const RULES_CHECKOUT = graphql(`
  mutation CheckoutRulesPlace($i: CheckoutInput!) {
    checkout(input: $i) {
      __typename
      ... on NotEnoughStockError {
        productId
        available
      }
      ... on InvalidInputError {
        field
      }
      ... on UserError {
        code
      }
    }
  }
`);

// Monday 2030-03-04, 15:00 in Seoul: after the store's 14:00 same-day cut-off.
const NOW = '2030-03-04T06:00:00.000Z';

let h: OrdersHarness;
const storeId = newId();
const rose = newId();
const mixed = newId();
const unstocked = newId();

beforeAll(async () => {
  h = await startOrders('checkout-rules');
  h.clock.set(NOW);
  let sequence = 0;
  const publish = async <T>(contract: EventContract<string, T>, payload: T) => {
    sequence += 1;
    await h.bus.publish(
      createEvent(contract, { source: 'test', subjectId: storeId, sequence, traceId: '' }, payload),
    );
  };
  await publish(storeOpened, {
    storeId,
    sellerId: newId(),
    name: '달빛 꽃방',
    status: 'OPEN',
    regionCode: '11',
    districtCode: '11440',
    latitude: 37.55,
    longitude: 126.9,
    deliveryPolicy: {
      fee: 3000,
      freeDeliveryThreshold: null,
      sameDayCutoff: '14:00',
      windows: [
        { start: '10:00', end: '13:00' },
        { start: '16:00', end: '19:00' },
      ],
    },
    pickup: { enabled: true, slotCapacity: 5 },
    businessHours: { opensAt: '09:00', closesAt: '20:00', closedWeekdays: [0] },
  });
  const product = (productId: string, name: string, recipe: [number, number][]) =>
    publish(productCreated, {
      productId,
      storeId,
      name,
      price: 10000,
      status: 'ON_SALE',
      isSubscription: false,
      category: 'BOUQUET',
      tags: [],
      recipe: recipe.map(([flowerId, count], i) => ({ flowerId, count, representative: i === 0 })),
      representativeFlowerId: recipe[0]?.[0] ?? 1,
      updatedAt: NOW,
    });
  await product(rose, '장미 다발', [[1, 3]]);
  await product(mixed, '장미 안개 혼합', [
    [1, 2],
    [2, 1],
  ]);
  await product(unstocked, '작약 다발', [[5, 1]]);
  // 20 roses make 6 rose bouquets; stores reports it as one adjustment.
  await publish(inventoryAdjusted, {
    storeId,
    adjustmentId: newId(),
    actorId: 'seller',
    reason: null,
    changes: [],
    stock: [
      { flowerId: 1, available: 20, seq: 3 },
      { flowerId: 2, available: 50, seq: 3 },
    ],
  });
  // An older level arriving late never rolls the projection back.
  await publish(inventoryAdjusted, {
    storeId,
    adjustmentId: newId(),
    actorId: 'seller',
    reason: null,
    changes: [],
    stock: [{ flowerId: 1, available: 900, seq: 2 }],
  });
  h.stores.setStock(storeId, 1, 20);
  h.stores.setStock(storeId, 2, 50);
  await waitFor(
    async () => {
      const [store, products, stock] = await Promise.all([
        h.db.collection('store_projections').countDocuments({ _id: storeId as never }),
        h.db.collection('product_projections').countDocuments({ storeId }),
        h.db.collection('flower_stock_projections').countDocuments({ storeId }),
      ]);
      return store === 1 && products === 3 && stock === 2;
    },
    { what: 'the store’s projections' },
  );
});
afterAll(async () => h.close());

const delivery = (patch: Partial<DeliveryInput> = {}): DeliveryInput => ({
  ...DELIVERY(),
  deliveryDate: '2030-03-05',
  window: '16:00-19:00',
  ...patch,
});

const quote = async (input: CheckoutQuoteInput) =>
  (await h.call(RULES_QUOTE, { i: input }, customer().caller)).data?.checkoutQuote;

const place = async (input: CheckoutQuoteInput, expectedTotal = 0) => {
  const c = customer();
  const res = await h.call(
    RULES_CHECKOUT,
    { i: { ...input, idempotencyKey: `key-${newId()}`, expectedTotal } },
    c.caller,
  );
  const orders = await h.db.collection('orders').countDocuments({ customerId: c.id });
  return { result: res.data?.checkout, orders };
};

describe('checkout stock', () => {
  it('refuses more than the stock can make, with the count, in the quote and before placing', async () => {
    const input: CheckoutQuoteInput = {
      buyNow: { productId: rose, quantity: 9999 },
      fulfilment: 'DELIVERY',
      delivery: delivery(),
    };
    const refusal = {
      __typename: 'NotEnoughStockError',
      code: 'INSUFFICIENT_STOCK',
      productId: rose,
      available: 6,
    };
    expect(await quote(input)).toEqual(refusal);
    expect(await place(input)).toEqual({ result: refusal, orders: 0 });
    expect(await quote({ ...input, buyNow: { productId: rose, quantity: 7 } })).toMatchObject({
      available: 6,
    });
  });

  it('counts stems that earlier cart lines take, and flowers never stocked as none', async () => {
    const c = customer();
    const add = graphql(`
      mutation CheckoutRulesAdd($p: ID!, $q: Int!) {
        addToCart(productId: $p, quantity: $q) {
          __typename
        }
      }
    `);
    await h.call(add, { p: rose, q: 4 }, c.caller);
    await h.call(add, { p: mixed, q: 5 }, c.caller);
    // 4 rose bouquets take 12 of 20 roses: 8 left make 4 mixed bouquets.
    const cart = await h.call(
      RULES_QUOTE,
      { i: { fulfilment: 'DELIVERY', delivery: delivery() } },
      c.caller,
    );
    expect(cart.data?.checkoutQuote).toMatchObject({ productId: mixed, available: 4 });
    expect(
      await quote({ buyNow: { productId: unstocked, quantity: 1 }, fulfilment: 'PICKUP' }),
    ).toMatchObject({ __typename: 'NotEnoughStockError', available: 0 });
  });
});

describe('checkout delivery calendar', () => {
  const refused = async (patch: Partial<DeliveryInput>) => {
    const input: CheckoutQuoteInput = {
      buyNow: { productId: rose, quantity: 1 },
      fulfilment: 'DELIVERY',
      delivery: delivery(patch),
    };
    const quoted = await quote(input);
    const placed = await place(input, 13000);
    expect(placed.orders).toBe(0);
    expect(placed.result).toEqual(quoted);
    return quoted;
  };

  it('refuses a window the store does not offer', async () => {
    expect(await refused({ window: '11:00-12:00' })).toEqual({
      __typename: 'InvalidInputError',
      field: 'delivery.window',
      code: 'WINDOW_NOT_OFFERED',
    });
  });

  it('refuses today after the same-day cut-off, even for a window still ahead', async () => {
    expect(await refused({ deliveryDate: '2030-03-04' })).toEqual({
      __typename: 'InvalidInputError',
      field: 'delivery.deliveryDate',
      code: 'AFTER_CUTOFF',
    });
  });

  it('refuses a day the store is closed', async () => {
    expect(await refused({ deliveryDate: '2030-03-10' })).toEqual({
      __typename: 'InvalidInputError',
      field: 'delivery.deliveryDate',
      code: 'CLOSED_DAY',
    });
  });

  it('refuses a 600-character street and an over-long note, naming the field', async () => {
    const input = (patch: Partial<DeliveryInput>): CheckoutQuoteInput => ({
      buyNow: { productId: rose, quantity: 1 },
      fulfilment: 'DELIVERY',
      delivery: delivery(patch),
    });
    expect(await place(input({ street: '가'.repeat(600) }), 13000)).toEqual({
      result: { __typename: 'InvalidInputError', field: 'delivery.street', code: 'TOO_LONG' },
      orders: 0,
    });
    expect((await place(input({ note: 'a'.repeat(301) }), 13000)).result).toMatchObject({
      field: 'delivery.note',
      code: 'TOO_LONG',
    });
  });

  it('keeps the sender apart from the recipient, and refuses a bad sender', async () => {
    const input = (patch: Partial<DeliveryInput>): CheckoutQuoteInput => ({
      buyNow: { productId: rose, quantity: 1 },
      fulfilment: 'DELIVERY',
      delivery: delivery(patch),
    });
    expect((await place(input({ senderName: '가'.repeat(51) }), 13000)).result).toMatchObject({
      field: 'delivery.senderName',
      code: 'TOO_LONG',
    });
    expect((await place(input({ senderPhone: '12345' }), 13000)).result).toMatchObject({
      field: 'delivery.senderPhone',
      code: 'INVALID_PHONE',
    });
    const c = customer();
    const res = await h.call(
      CHECKOUT,
      {
        i: {
          ...input({ senderName: '이하늘', senderPhone: '010-2222-3333', anonymous: true }),
          idempotencyKey: `key-${newId()}`,
          expectedTotal: 13000,
        },
      },
      c.caller,
    );
    const stored = await h.db.collection('orders').findOne({ customerId: c.id });
    expect(firstOrder(res)).toMatchObject({ total: 13000 });
    expect(stored?.delivery).toMatchObject({
      recipientName: '김수진',
      senderName: '이하늘',
      senderPhone: '010-2222-3333',
      anonymous: true,
    });
  });

  it('still places an order the store can make on a day and window it offers', async () => {
    const c = customer();
    const res = await h.call(
      CHECKOUT,
      {
        i: {
          buyNow: { productId: rose, quantity: 6 },
          fulfilment: 'DELIVERY',
          delivery: delivery(),
          idempotencyKey: `key-${newId()}`,
          expectedTotal: 63000,
        },
      },
      c.caller,
    );
    expect(firstOrder(res)).toMatchObject({ total: 63000 });
  });
});
