import {
  type PaymentsEmulator,
  loadPaymentsEmulatorConfig,
  startPaymentsEmulator,
} from '@bloom/payments-emulator';
import { waitFor } from '@bloom/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SubscriptionsServer } from '../../subgraphs/subscriptions/src/server.js';
import { SKY_GARDEN_STORE, approvedSeller, customerToken } from '../src/actors.js';
import { type System, startSystem } from '../src/system.harness.js';

/*
 * A recurring delivery through the gateway: a seller's subscription product reaches
 * subscriptions as a products event, the customer subscribes with a card (a billing key at the
 * payment sandbox), the scheduler creates the first cycle on its charge day, orders runs the
 * saga for it (stores reserves, the billing key is charged) and the outcome comes back.
 */

let sys: System;
let pg: PaymentsEmulator;

beforeAll(async () => {
  pg = await startPaymentsEmulator(loadPaymentsEmulatorConfig({ PORT: '0', LOG_LEVEL: 'silent' }));
  sys = await startSystem(['identity', 'stores', 'products', 'orders', 'subscriptions'], {
    PAYMENTS_URL: pg.url,
    SUBSCRIPTION_SCHEDULER_INTERVAL_MS: '0',
  });
}, 120_000);

afterAll(async () => {
  await sys?.close();
  await pg?.close();
});

const DAY_MS = 86_400_000;
const day = (at: Date) => at.toISOString().slice(0, 10);

describe('subscriptions through the gateway', () => {
  it('subscribe → scheduler creates the cycle → orders confirms it → the seller sees it', async () => {
    const owner = await approvedSeller(sys, {
      email: 'sky@bloom.test',
      businessRegistrationNumber: '220-81-62517',
    });
    await waitFor(
      async () => {
        const created = await sys.call(
          `mutation($i: CreateStoreInput!) { createStore(input: $i) { __typename ... on Store { id } } }`,
          { i: SKY_GARDEN_STORE },
          owner.token,
        );
        return created.data?.createStore.id as string | undefined;
      },
      { what: 'store created' },
    );
    const storeId = (await sys.call(`{ me { store { id } } }`, {}, owner.token)).data?.me.store
      .id as string;
    await sys.call(
      `mutation($s: ID!) { setFlowerStock(storeId: $s, items: [{ flowerId: 1, available: 50 }]) { __typename } }`,
      { s: storeId },
      owner.token,
    );
    const product = await sys.call(
      `mutation($i: CreateProductInput!) { createProduct(input: $i) { __typename ... on Product { id } ... on UserError { code message } } }`,
      {
        i: {
          name: '매주 꽃 정기배송',
          summary: '계절 꽃',
          description: '매주 바뀌는 계절 꽃다발',
          price: 25000,
          isSubscription: true,
          recipe: [{ flowerId: 1, count: 3, representative: true }],
        },
      },
      owner.token,
    );
    const productId = product.data?.createProduct.id as string;
    expect(productId, JSON.stringify(product)).toBeTruthy();

    const token = await customerToken(sys, 'sub@bloom.test');
    const firstDelivery = day(new Date(Date.now() + 5 * DAY_MS));
    const SUBSCRIBE = `mutation($i: SubscribeInput!) { subscribe(input: $i) { __typename
      ... on FlowerSubscription { id nextDeliveryDate nextBillingDate cardLast4 } ... on UserError { code message } } }`;
    // The product reaches subscriptions as an event: retry until it knows it.
    const subscription = await waitFor(
      async () => {
        const result = await sys.call(
          SUBSCRIBE,
          {
            i: {
              productId,
              quantity: 1,
              cycle: 'WEEKLY',
              firstDeliveryDate: firstDelivery,
              address: { recipientName: '정민지', phone: '010-1234-5678', line1: '서울 마포구 1' },
              card: { number: '4242424242424242', expiryYear: 2035, expiryMonth: 12 },
            },
          },
          token,
        );
        const value = result.data?.subscribe as { __typename: string; id: string } | undefined;
        return value?.__typename === 'FlowerSubscription' ? value : undefined;
      },
      { what: 'subscribed', timeoutMs: 15_000 },
    );
    expect(subscription).toMatchObject({ nextDeliveryDate: firstDelivery, cardLast4: '4242' });

    // Three days later the first cycle's charge day has come.
    sys.advance(3 * DAY_MS + 3_600_000);
    const scheduler = (sys.servers.subscriptions as SubscriptionsServer).scheduler;
    expect((await scheduler.runOnce()).attemptsRequested).toBe(1);
    await scheduler.runOnce();
    const MINE = `{ mySubscriptions { id nextDeliveryDate cycles { cycle kind deliveryDate order { id status subtotal deliveryFee total delivery { window } } } } }`;
    const mine = await waitFor(
      async () => {
        const result = await sys.call(MINE, {}, token);
        const first = result.data?.mySubscriptions?.[0];
        return first?.cycles?.[0]?.order?.status === 'CONFIRMED' ? first : undefined;
      },
      { what: 'cycle order confirmed', timeoutMs: 20_000 },
    );
    expect(mine.cycles).toHaveLength(1);
    expect(mine.cycles[0]).toMatchObject({
      cycle: 1,
      kind: 'DELIVERY',
      deliveryDate: firstDelivery,
    });
    // The store's delivery fee applies below its free-delivery threshold, in its window.
    expect(mine.cycles[0].order).toMatchObject({
      subtotal: 25000,
      deliveryFee: 3000,
      total: 28000,
      delivery: { window: '10:00-13:00' },
    });
    await sys.events.waitForType('subscriptions.subscription.charged');

    const calendar = await sys.call(
      `{ me { store { subscriptionCalendar(days: 14) { subscriptionId deliveryDate ordered } } } }`,
      {},
      owner.token,
    );
    expect(calendar.data?.me.store.subscriptionCalendar, JSON.stringify(calendar)).toContainEqual({
      subscriptionId: subscription.id,
      deliveryDate: firstDelivery,
      ordered: true,
    });
  }, 90_000);
});
