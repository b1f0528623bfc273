import {
  type PaymentsEmulator,
  loadPaymentsEmulatorConfig,
  startPaymentsEmulator,
} from '@bloom/payments-emulator';
import { ADMIN_ACCOUNT, dataOf, waitFor } from '@bloom/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProductAs, customerToken, skyGardenSeller } from '../src/actors.js';
import { graphql } from '../src/generated/index.js';
import { type System, startSystem } from '../src/system.harness.js';
import { seoulDay } from '../src/orders.actions.js';

/*
 * The admin's view of an order through the gateway: a customer checks out (saga over
 * JetStream, payment over HTTP at the PG sandbox), the admin finds the order by its number,
 * reads its story (saga steps, the CHARGE) and the notices sent about it; customers and sellers
 * are refused every one of these fields.
 */

let sys: System;
let pg: PaymentsEmulator;
beforeAll(async () => {
  pg = await startPaymentsEmulator(loadPaymentsEmulatorConfig({ PORT: '0', LOG_LEVEL: 'silent' }));
  sys = await startSystem(['identity', 'stores', 'products', 'orders', 'notifications'], {
    PAYMENTS_URL: pg.url,
  });
}, 120_000);
afterAll(async () => {
  await sys?.close();
  await pg?.close();
});

const FIND = graphql(`
  query AdminFindOrder($n: String!) {
    adminOrders(filter: { number: $n }) {
      totalCount
      nodes {
        id
        number
        status
        total
        store {
          id
          name
        }
      }
    }
  }
`);

const STORY = graphql(`
  query AdminReadStory($id: ID!) {
    orderStory(orderId: $id) {
      order {
        status
      }
      steps {
        step
        status
        finishedAt
      }
      transitions {
        from
        to
        actorKind
      }
      payments {
        kind
        status
        amount
        reference
      }
      events {
        type
      }
    }
  }
`);

const NOTICES = graphql(`
  query AdminReadOrderNotices($id: ID!) {
    orderNotices(orderId: $id) {
      kind
      recipientRole
      channels
      title
      sentAt
      read
    }
  }
`);

const SUMMARY = graphql(`
  query AdminReadSummary {
    platformSummary(days: 7) {
      gmv
      orders
    }
  }
`);

const ADD_TO_CART = graphql(`
  mutation AdminFlowAddToCart($p: ID!) {
    addToCart(productId: $p, quantity: 2) {
      __typename
    }
  }
`);

const CHECKOUT = graphql(`
  mutation AdminFlowCheckout($i: CheckoutInput!) {
    checkout(input: $i) {
      __typename
      ... on CheckoutSuccess {
        orders {
          id
          number
        }
      }
    }
  }
`);

const STATUS = graphql(`
  query AdminFlowOrderStatus($id: ID!) {
    order(id: $id) {
      status
    }
  }
`);

describe('admin order look-up through the gateway', () => {
  it('finds a checked-out order by number, reads its story and notices; others are refused', async () => {
    const owner = await skyGardenSeller(sys);
    await sys.call(
      graphql(`
        mutation AdminFlowSetStock($s: ID!) {
          setFlowerStock(storeId: $s, items: [{ flowerId: 1, available: 10 }]) {
            __typename
          }
        }
      `),
      { s: owner.storeId },
      owner.token,
    );
    const productId = await createProductAs(sys, owner.token, {
      name: '빨간 장미 꽃다발',
      summary: '사랑의 고백',
      description: '빨간 장미 두 송이',
      price: 20000,
      category: 'BOUQUET',
      recipe: [{ flowerId: 1, count: 2, representative: true }],
    });

    const customer = await customerToken(sys, 'admin-flow@bloom.test');
    await waitFor(
      async () =>
        (await sys.call(ADD_TO_CART, { p: productId }, customer)).data?.addToCart.__typename ===
        'Cart',
      { what: 'product projected into orders', timeoutMs: 15_000 },
    );
    const checkout = await sys.call(
      CHECKOUT,
      {
        i: {
          idempotencyKey: 'e2e-admin-order-0001',
          fulfilment: 'DELIVERY',
          delivery: {
            recipientName: '김수진',
            phone: '010-1234-5678',
            zipCode: '04524',
            street: '서울 중구 세종대로 110',
            deliveryDate: seoulDay(1),
            window: '10:00-13:00',
          },
          expectedTotal: 43000,
        },
      },
      customer,
    );
    const result = checkout.data?.checkout;
    const placed = result?.__typename === 'CheckoutSuccess' ? result.orders[0] : undefined;
    if (!placed) throw new Error(`checkout failed: ${JSON.stringify(checkout)}`);
    await waitFor(
      async () =>
        (await sys.call(STATUS, { id: placed.id }, customer)).data?.order?.status === 'CONFIRMED',
      { what: 'order confirmed', timeoutMs: 30_000 },
    );

    const admin = await sys.logIn(ADMIN_ACCOUNT.email, ADMIN_ACCOUNT.password);
    const found = dataOf(await sys.call(FIND, { n: placed.number }, admin)).adminOrders;
    expect(found.totalCount).toBe(1);
    expect(found.nodes[0]).toEqual({
      id: placed.id,
      number: placed.number,
      status: 'CONFIRMED',
      total: 43000,
      store: { id: owner.storeId, name: '하늘정원 플라워' },
    });

    const story = dataOf(await sys.call(STORY, { id: placed.id }, admin)).orderStory;
    expect(story?.order.status).toBe('CONFIRMED');
    expect(story?.steps.map((s) => s.step)).toEqual([
      'RESERVED',
      'PAYMENT_STARTED',
      'PAYMENT_READY',
      'CAPTURED',
    ]);
    expect(story?.steps.every((s) => s.status === 'DONE' && s.finishedAt)).toBe(true);
    expect(story?.transitions).toEqual([{ from: 'PENDING', to: 'CONFIRMED', actorKind: 'SYSTEM' }]);
    expect(story?.payments.map((p) => [p.kind, p.status, p.amount])).toEqual([
      ['CHARGE', 'CAPTURED', 43000],
    ]);
    expect(story?.payments[0]?.reference).toBeTruthy();
    await waitFor(
      async () => {
        const events = dataOf(await sys.call(STORY, { id: placed.id }, admin)).orderStory?.events;
        const types = events?.map((e) => e.type) ?? [];
        return ['orders.order.placed', 'stores.inventory.reserved', 'orders.order.confirmed'].every(
          (type) => types.includes(type),
        );
      },
      { what: 'the saga’s events in the story', timeoutMs: 15_000 },
    );

    const notices = await waitFor(
      async () => {
        const list = dataOf(await sys.call(NOTICES, { id: placed.id }, admin)).orderNotices;
        const kinds = list.map((n) => n.kind);
        return kinds.includes('ORDER_CONFIRMED') && kinds.includes('NEW_ORDER') ? list : undefined;
      },
      { what: 'the order’s notices', timeoutMs: 15_000 },
    );
    expect(notices.find((n) => n.kind === 'ORDER_CONFIRMED')).toMatchObject({
      recipientRole: 'CUSTOMER',
      read: false,
    });
    expect(notices.find((n) => n.kind === 'NEW_ORDER')).toMatchObject({ recipientRole: 'SELLER' });
    expect(notices.every((n) => n.channels.includes('IN_APP'))).toBe(true);

    const summary = dataOf(await sys.call(SUMMARY, {}, admin)).platformSummary;
    expect(summary).toEqual({ gmv: 43000, orders: 1 });

    for (const token of [customer, owner.token]) {
      const refusals = await Promise.all([
        sys.call(FIND, { n: placed.number }, token),
        sys.call(STORY, { id: placed.id }, token),
        sys.call(NOTICES, { id: placed.id }, token),
        sys.call(SUMMARY, {}, token),
      ]);
      for (const refused of refusals) {
        // Nothing of the answer reaches them: no data, or the nullable field left null.
        expect(Object.values(refused.data ?? {}).every((value) => value === null)).toBe(true);
        expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      }
    }
  });
});
