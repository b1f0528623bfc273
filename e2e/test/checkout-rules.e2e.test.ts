import { addDays, seoulDate, weekdayOf } from '@bloom/kernel';
import { waitFor } from '@bloom/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createProductAs,
  customerToken,
  SKY_GARDEN_STORE,
  skyGardenSeller,
} from '../src/actors.js';
import { graphql } from '../src/generated/index.js';
import type { CheckoutQuoteInput, DeliveryInput } from '../src/generated/graphql.js';
import { type System, startSystem } from '../src/system.harness.js';

/*
 * The early refusals of checkout through the gateway: the store's real flower stock, delivery
 * windows, same-day cut-off and closed days reach orders as stores events, and checkout and
 * its quote refuse what the store cannot deliver before any order exists.
 */

let sys: System;
beforeAll(async () => {
  sys = await startSystem(['identity', 'stores', 'products', 'orders']);
}, 120_000);
afterAll(async () => {
  await sys?.close();
});

const QUOTE = graphql(`
  query CheckoutRulesE2eQuote($i: CheckoutQuoteInput!) {
    checkoutQuote(input: $i) {
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

const CHECKOUT = graphql(`
  mutation CheckoutRulesE2ePlace($i: CheckoutInput!) {
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

const MY_ORDERS = graphql(`
  query CheckoutRulesE2eMyOrders {
    myOrders(first: 10) {
      totalCount
    }
  }
`);

describe('checkout rules through the gateway', () => {
  it('refuses long addresses, too many, unoffered windows, after the cut-off and closed days', async () => {
    const owner = await skyGardenSeller(sys);
    const { storeId } = owner;
    const today = seoulDate(new Date());
    const tomorrow = addDays(today, 1);
    const closedDay = addDays(today, 2);
    // Two windows; a cut-off at midnight, so today is always past it; the day after tomorrow closed.
    const setUp = await sys.call(
      graphql(`
        mutation CheckoutRulesE2eStore(
          $s: ID!
          $policy: StoreDeliveryPolicyInput!
          $store: UpdateStoreInput!
        ) {
          updateDeliveryPolicy(storeId: $s, input: $policy) {
            __typename
          }
          updateStore(storeId: $s, input: $store) {
            __typename
          }
          setFlowerStock(storeId: $s, items: [{ flowerId: 1, available: 10 }]) {
            __typename
          }
        }
      `),
      {
        s: storeId,
        policy: {
          fee: 3000,
          freeDeliveryThreshold: null,
          sameDayCutoff: '00:00',
          windows: [
            { start: '10:00', end: '13:00' },
            { start: '16:00', end: '19:00' },
          ],
        },
        store: {
          businessHours: {
            ...SKY_GARDEN_STORE.businessHours,
            closedWeekdays: [weekdayOf(closedDay)],
          },
        },
      },
      owner.token,
    );
    expect(setUp.data, JSON.stringify(setUp)).toMatchObject({
      updateDeliveryPolicy: { __typename: 'Store' },
      updateStore: { __typename: 'Store' },
    });
    const productId = await createProductAs(sys, owner.token, {
      name: '빨간 장미 꽃다발',
      summary: '사랑의 고백',
      description: '빨간 장미 두 송이',
      price: 20000,
      category: 'BOUQUET',
      recipe: [{ flowerId: 1, count: 2, representative: true }],
    });

    const token = await customerToken(sys, 'rules@bloom.test');
    const delivery = (patch: Partial<DeliveryInput> = {}): DeliveryInput => ({
      recipientName: '김수진',
      phone: '010-1234-5678',
      zipCode: '04524',
      street: '서울 중구 세종대로 110',
      deliveryDate: tomorrow,
      window: '16:00-19:00',
      ...patch,
    });
    const input = (quantity: number, patch: Partial<DeliveryInput> = {}): CheckoutQuoteInput => ({
      buyNow: { productId, quantity },
      fulfilment: 'DELIVERY',
      delivery: delivery(patch),
    });
    const quote = async (i: CheckoutQuoteInput) =>
      (await sys.call(QUOTE, { i }, token)).data?.checkoutQuote;
    let attempt = 0;
    const place = async (i: CheckoutQuoteInput) => {
      attempt += 1;
      const res = await sys.call(
        CHECKOUT,
        { i: { ...i, idempotencyKey: `rules-e2e-${attempt}-key`, expectedTotal: 23000 } },
        token,
      );
      return res.data?.checkout;
    };

    // The product, the store's calendar and its stock reach orders as events: wait for all.
    await waitFor(
      async () => {
        const closed = await quote(input(1, { deliveryDate: closedDay }));
        const stock = await quote(input(9999));
        return closed?.__typename === 'InvalidInputError' &&
          closed.code === 'CLOSED_DAY' &&
          stock?.__typename === 'NotEnoughStockError' &&
          stock.available === 5
          ? true
          : null;
      },
      { what: 'the store projected into orders', timeoutMs: 20_000 },
    );

    // 9999 bouquets: refused with what the store can make (10 stems, 2 a bouquet).
    const tooMany = {
      __typename: 'NotEnoughStockError',
      code: 'INSUFFICIENT_STOCK',
      productId,
      available: 5,
    };
    expect(await quote(input(9999))).toEqual(tooMany);
    expect(await place(input(9999))).toEqual(tooMany);

    // A 600-character address, in checkout and in the address book.
    expect(await place(input(1, { street: '가'.repeat(600) }))).toEqual({
      __typename: 'InvalidInputError',
      field: 'delivery.street',
      code: 'TOO_LONG',
    });
    const saved = await sys.call(
      graphql(`
        mutation CheckoutRulesE2eSaveAddress($i: AddressInput!) {
          saveAddress(input: $i) {
            __typename
            ... on InvalidInputError {
              field
              code
            }
          }
        }
      `),
      {
        i: {
          label: '집',
          recipientName: '김수진',
          phone: '010-1234-5678',
          zipCode: '04524',
          street: '가'.repeat(600),
        },
      },
      token,
    );
    expect(saved.data?.saveAddress).toEqual({
      __typename: 'InvalidInputError',
      field: 'street',
      code: 'TOO_LONG',
    });

    const calendar: [Partial<DeliveryInput>, string, string][] = [
      [{ window: '11:00-12:00' }, 'delivery.window', 'WINDOW_NOT_OFFERED'],
      [{ deliveryDate: today }, 'delivery.deliveryDate', 'AFTER_CUTOFF'],
      [{ deliveryDate: closedDay, window: '10:00-13:00' }, 'delivery.deliveryDate', 'CLOSED_DAY'],
    ];
    for (const [patch, field, code] of calendar) {
      const refusal = { __typename: 'InvalidInputError', field, code };
      expect(await quote(input(1, patch))).toEqual(refusal);
      expect(await place(input(1, patch))).toEqual(refusal);
    }

    // Nothing was placed, so nothing sits in the history.
    expect((await sys.call(MY_ORDERS, {}, token)).data?.myOrders.totalCount).toBe(0);
  });
});
