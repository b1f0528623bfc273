import type { Caller } from '@bloom/kernel';
import { productCreated, storeOpened } from '@bloom/schema';
import {
  type SubgraphHarness,
  TestClock,
  callerHeaders,
  gqlRequest,
  startSubgraph,
  waitFor,
} from '@bloom/testing';
import type { BillingKeys } from '../src/billing/billing-keys.js';
import { CardRefusedError } from '../src/billing/billing-keys.js';
import { type SubscriptionsServer, buildServer } from '../src/server.js';
import { addDays } from '../src/calendar/cycle-calendar.js';
import { type SubscriptionsConfig, loadSubscriptionsConfig } from '../src/subscriptions.config.js';
import { FakeOrders } from './fake-orders.js';

/** Issues billing keys without a PG; card numbers ending 0000 are refused, 4444 decline later. */
export class FakeBillingKeys implements BillingKeys {
  issued = 0;
  issue(input: { customerKey: string; card: { number: string } }) {
    if (input.card.number.endsWith('0000')) {
      return Promise.reject(new CardRefusedError('INVALID_CARD_NUMBER', 'Check the card number.'));
    }
    this.issued += 1;
    const last4 = input.card.number.slice(-4);
    return Promise.resolve({
      billingKey: `bk_${last4 === '4444' ? 'declining' : 'ok'}_${this.issued}`,
      cardLast4: last4,
      maskedCardNumber: `****${last4}`,
    });
  }
}

export interface SubscriptionsHarness extends SubgraphHarness<
  SubscriptionsConfig,
  SubscriptionsServer
> {
  orders: FakeOrders;
  billing: FakeBillingKeys;
  /** Sets the service's clock. */
  setNow(at: Date | string): void;
  /**
   * Publishes a store (fee 3,000, free from 50,000, windows 10:00-13:00 and 14:00-18:00) and its
   * subscription product, and waits for the projections.
   */
  seedStore(storeId: string, sellerId: string, productId: string, price: number): Promise<void>;
  /** `subscribe` with a valid monthly input for `productId`, changed by `overrides`. */
  subscribe(
    productId: string,
    overrides?: Record<string, unknown>,
    caller?: TestCaller,
  ): Promise<Record<string, any>>;
  /** `flowerSubscription(id)` with FLOWER_SUBSCRIPTION's fields. */
  get(id: string, caller?: TestCaller): ReturnType<typeof gqlRequest<Record<string, any>>>;
  /** Runs the scheduler once a day (10:00 in Seoul) from `from` for `days` days. */
  runDaily(from: string, days: number): Promise<number>;
  /**
   * Sets every live subscription aside (canceled, asleep) straight in the database, so a test
   * whose clock jumps months ahead sees only its own subscriptions in the scheduler's runs.
   */
  setAside(): Promise<void>;
  /** Starts a second server on the same database and namespace (a second process). */
  startTwin(): Promise<SubscriptionsServer>;
}

export interface TestCaller {
  userId: string;
  roles: readonly string[];
}

export const CUSTOMER: TestCaller = { userId: 'customer-1', roles: ['CUSTOMER'] };
export const OTHER: TestCaller = { userId: 'customer-2', roles: ['CUSTOMER'] };
export const SELLER: TestCaller = { userId: 'seller-1', roles: ['CUSTOMER', 'SELLER'] };
export const OTHER_SELLER: TestCaller = { userId: 'seller-2', roles: ['CUSTOMER', 'SELLER'] };
export const ADDRESS = { recipientName: 'Kim', phone: '010-1234-5678', line1: 'Seoul 1' };
export const CARD = { number: '4111111111111111', expiryYear: 2030, expiryMonth: 12 };
/** A card whose billing key the fake orders decline. */
export const DECLINING_CARD = { ...CARD, number: '5555555555554444' };

export async function startSubscriptions(
  label: string,
  start: string,
  env: Record<string, string> = {},
): Promise<SubscriptionsHarness> {
  const clock = new TestClock();
  clock.set(start);
  const billing = new FakeBillingKeys();
  const base = await startSubgraph({
    name: 'subscriptions',
    label,
    dbVariable: 'SUBSCRIPTIONS_DB',
    env: { SUBSCRIPTION_SCHEDULER_INTERVAL_MS: '0', ...env },
    loadConfig: loadSubscriptionsConfig,
    build: (config, overrides) => buildServer(config, { ...overrides, billing, scheduler: false }),
    clock,
  });
  const orders = new FakeOrders(base.bus);
  await orders.start();
  const publish = base.publish.bind(base);
  const closeBase = base.close.bind(base);
  return Object.assign(base, {
    orders,
    billing,
    setNow: (at: Date | string) => clock.set(at),
    subscribe: async (
      productId: string,
      overrides: Record<string, unknown> = {},
      caller: TestCaller = CUSTOMER,
    ) => {
      const response = await gqlRequest(
        base.server.url,
        SUBSCRIBE,
        {
          input: {
            productId,
            quantity: 1,
            cycle: 'MONTHLY',
            firstDeliveryDate: '2025-01-31',
            address: ADDRESS,
            card: CARD,
            ...overrides,
          },
        },
        callerHeaders(caller as Partial<Caller>),
      );
      return response.data!.subscribe as Record<string, any>;
    },
    get: (id: string, caller: TestCaller = CUSTOMER) =>
      gqlRequest(base.server.url, GET, { id }, callerHeaders(caller as Partial<Caller>)),
    runDaily: async (from: string, days: number) => {
      let created = 0;
      for (let i = 0; i < days; i += 1) {
        clock.set(`${addDays(from, i)}T01:00:00Z`);
        created += (await base.server.scheduler.runOnce()).cyclesCreated;
      }
      return created;
    },
    seedStore: async (storeId: string, sellerId: string, productId: string, price: number) => {
      await publish(
        storeOpened,
        {
          storeId,
          sellerId,
          name: `Store ${storeId}`,
          status: 'OPEN',
          regionCode: '11',
          districtCode: '11680',
          latitude: 37.5,
          longitude: 127.0,
          deliveryPolicy: {
            fee: 3000,
            freeDeliveryThreshold: 50000,
            sameDayCutoff: '14:00',
            windows: [
              { start: '10:00', end: '13:00' },
              { start: '14:00', end: '18:00' },
            ],
          },
          pickup: { enabled: false, slotCapacity: 1 },
        },
        { subjectId: storeId },
      );
      await publish(
        productCreated,
        {
          productId,
          storeId,
          name: 'Weekly bouquet',
          price,
          status: 'ON_SALE',
          isSubscription: true,
          category: null,
          tags: [],
          recipe: [{ flowerId: 1, count: 5, representative: true }],
          representativeFlowerId: 1,
          updatedAt: new Date().toISOString(),
        },
        { subjectId: productId },
      );
      const { db } = base;
      await waitFor(
        async () =>
          (await db.collection('product_projections').findOne({ _id: productId as never })) &&
          (await db.collection('store_projections').findOne({ _id: storeId as never })),
        { what: 'catalog projections' },
      );
    },
    setAside: async () => {
      await base.db
        .collection('subscriptions')
        .updateMany(
          { status: { $in: ['ACTIVE', 'SUSPENDED', 'CANCELED'] } },
          { $set: { status: 'CANCELED', wakeAt: null } },
        );
    },
    startTwin: () => base.replica(),
    close: async () => {
      await orders.stop();
      await closeBase();
    },
  });
}

export const FLOWER_SUBSCRIPTION = `id status cycle quantity nextBillingDate nextDeliveryDate paused
  endsAfterCycle cardLast4 deliveryWindow suspendedReason pause { from until } address { line1 }
  nextCharge { subtotal deliveryFee total }
  cycles { cycle deliveryDate deliveryWindow kind subtotal deliveryFee amount }`;

export const SUBSCRIPTION_FIELDS = `
  __typename
  ... on FlowerSubscription { ${FLOWER_SUBSCRIPTION} }
  ... on UserError { code message }
  ... on InvalidInputError { field }
`;

const SUBSCRIBE = `mutation ($input: SubscribeInput!) { subscribe(input: $input) { ${SUBSCRIPTION_FIELDS} } }`;
const GET = `query ($id: ID!) { flowerSubscription(id: $id) { ${FLOWER_SUBSCRIPTION} } }`;
