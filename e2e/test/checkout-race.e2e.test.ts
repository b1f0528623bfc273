import { type ChildProcess, spawn } from 'node:child_process';
import {
  type PaymentsEmulator,
  loadPaymentsEmulatorConfig,
  startPaymentsEmulator,
} from '@bloom/payments-emulator';
import { waitFor } from '@bloom/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProductAs, customerToken, skyGardenSeller } from '../src/actors.js';
import { graphql } from '../src/generated/index.js';
import { type System, startSystem } from '../src/system.harness.js';
import { seoulDay } from '../src/orders.actions.js';

/*
 * Many shoppers at once against too few flowers, through the gateway with the real stores
 * and orders subgraphs: exactly the stock is sold, every other order fails as OUT_OF_STOCK
 * (never a timeout), nothing stays PENDING, and the stock ends at exactly 0. Run again with a
 * process hogging a CPU, the saga gets slower, not wrong.
 */

const CUSTOMERS = 50;
const STEMS = 400;

let sys: System;
let pg: PaymentsEmulator;
let sellerToken = '';
let storeId = '';

const SET_STOCK = graphql(`
  mutation RaceSetStock($s: ID!, $n: Int!) {
    setFlowerStock(storeId: $s, items: [{ flowerId: 1, available: $n }]) {
      __typename
    }
  }
`);
const QUOTE = graphql(`
  query RaceQuote($i: CheckoutQuoteInput!) {
    checkoutQuote(input: $i) {
      __typename
      ... on CheckoutQuote {
        total
      }
    }
  }
`);
const CHECKOUT = graphql(`
  mutation RaceCheckout($i: CheckoutInput!) {
    checkout(input: $i) {
      __typename
    }
  }
`);
const MY_ORDERS = graphql(`
  query RaceMyOrders {
    myOrders(first: 100) {
      nodes {
        status
        failure {
          code
        }
      }
    }
  }
`);
const STOCK = graphql(`
  query RaceStock($id: ID!) {
    product(id: $id) {
      availableQuantity
    }
  }
`);

const delivery = () => ({
  recipientName: '김수진',
  phone: '010-1234-5678',
  zipCode: '04524',
  street: '서울 중구 세종대로 110',
  deliveryDate: seoulDay(1),
  window: '10:00-13:00',
});

beforeAll(async () => {
  pg = await startPaymentsEmulator(loadPaymentsEmulatorConfig({ PORT: '0', LOG_LEVEL: 'silent' }));
  sys = await startSystem(['identity', 'stores', 'products', 'orders'], {
    PAYMENTS_URL: pg.url,
    API_KEY_RATE_LIMIT_PER_MINUTE: '1000000',
  });
  const owner = await skyGardenSeller(sys);
  sellerToken = owner.token;
  storeId = owner.storeId;
}, 120_000);

afterAll(async () => {
  await sys?.close();
  await pg?.close();
});

/** `total` checkouts of one stem each, from CUSTOMERS shoppers at once, against `stems`. */
async function race(round: string, total: number, stems: number) {
  const productId = await createProductAs(sys, sellerToken, {
    name: `한 송이 장미 ${round}`,
    summary: '한 송이로 전하는 마음',
    description: '붉은 장미 한 송이를 포장했어요.',
    price: 10000,
    category: 'BOUQUET',
    recipe: [{ flowerId: 1, count: 1, representative: true }],
  });
  await sys.call(SET_STOCK, { s: storeId, n: stems }, sellerToken);
  const tokens = await Promise.all(
    Array.from({ length: CUSTOMERS }, (_, i) =>
      customerToken(sys, `race-${round}-${i}@bloom.test`, '경주자'),
    ),
  );
  const input = { buyNow: { productId, quantity: 1 }, fulfilment: 'DELIVERY' as const };
  const quoted = await waitFor(
    async () => {
      const [stock, quote] = await Promise.all([
        sys.call(STOCK, { id: productId }),
        sys.call(QUOTE, { i: { ...input, delivery: delivery() } }, tokens[0]),
      ]);
      const answer = quote.data?.checkoutQuote;
      return stock.data?.product?.availableQuantity === stems &&
        answer?.__typename === 'CheckoutQuote'
        ? answer.total
        : undefined;
    },
    { what: 'orders knows the product and its stock', timeoutMs: 30_000 },
  );

  const perCustomer = total / CUSTOMERS;
  const placed = await Promise.all(
    tokens.map(async (token, c) => {
      let ok = 0;
      for (let n = 0; n < perCustomer; n += 1) {
        const res = await sys.call(
          CHECKOUT,
          {
            i: {
              ...input,
              delivery: delivery(),
              idempotencyKey: `race-${round}-${c}-${n}`,
              expectedTotal: quoted,
            },
          },
          token,
        );
        if (res.data?.checkout.__typename === 'CheckoutSuccess') ok += 1;
      }
      return ok;
    }),
  );
  expect(placed.reduce((a, b) => a + b, 0)).toBe(total);

  // Every order reaches an end: confirmed, or failed for the stock.
  const outcomes = await waitFor(
    async () => {
      const lists = await Promise.all(tokens.map((t) => sys.call(MY_ORDERS, {}, t)));
      const orders = lists.flatMap((l) => l.data?.myOrders.nodes ?? []);
      return orders.length === total && orders.every((o) => o.status !== 'PENDING')
        ? orders
        : undefined;
    },
    { what: 'every order terminal', timeoutMs: 150_000, intervalMs: 1_000 },
  );
  const count = (predicate: (o: (typeof outcomes)[number]) => boolean) =>
    outcomes.filter(predicate).length;
  expect(count((o) => o.status === 'CONFIRMED')).toBe(stems);
  expect(count((o) => o.status === 'FAILED' && o.failure?.code === 'OUT_OF_STOCK')).toBe(
    total - stems,
  );
  await expect
    .poll(async () => (await sys.call(STOCK, { id: productId })).data?.product?.availableQuantity)
    .toBe(0);
}

describe('checkout under a rush', () => {
  it('sells exactly the stock: 1,000 checkouts from 50 shoppers for 400 stems', async () => {
    await race('plain', 1000, STEMS);
  }, 240_000);

  it('stays exact with a CPU hogged: slower, never a timeout', async () => {
    // One core busy for the whole race: the saga must wait, not fail orders.
    const hog: ChildProcess = spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' });
    try {
      await race('hogged', 300, 120);
    } finally {
      hog.kill('SIGKILL');
    }
  }, 240_000);
});
