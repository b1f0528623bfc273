import { type Caller, type EventContract, createEvent, createLogger } from '@bloom/kernel';
import { productCreated, storeOpened } from '@bloom/schema';
import {
  TEST_CALLER_SECRET,
  callerHeaders,
  createStreamNamespace,
  deleteStreamNamespace,
  dropDatabase,
  freshDatabaseName,
  gqlRequest,
  recordEvents,
  testEnv,
  waitFor,
  type EventRecorder,
  listening,
} from '@bloom/testing';
import type { BillingKeys } from '../src/billing/billing-keys.js';
import { CardRefusedError } from '../src/billing/billing-keys.js';
import { type SubscriptionsServer, buildServer } from '../src/server.js';
import { addDays } from '../src/calendar/cycle-calendar.js';
import { loadSubscriptionsConfig } from '../src/subscriptions.config.js';
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

export interface SubscriptionsHarness {
  server: SubscriptionsServer;
  events: EventRecorder;
  orders: FakeOrders;
  billing: FakeBillingKeys;
  /** Sets the service's clock. */
  setNow(at: Date | string): void;
  now(): Date;
  call<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    caller?: Partial<Caller>,
  ): ReturnType<typeof gqlRequest<T>>;
  /**
   * Publishes a store (fee 3,000, free from 50,000, windows 10:00-13:00 and 14:00-18:00) and its
   * subscription product, and waits for the projections.
   */
  seedStore(storeId: string, sellerId: string, productId: string, price: number): Promise<void>;
  /** Publishes one event as a producer would (products, stores, orders). */
  publish<T>(contract: EventContract<string, T>, subjectId: string, payload: T): Promise<void>;
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
  close(): Promise<void>;
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
  const dbName = freshDatabaseName(label);
  const namespace = await createStreamNamespace();
  const events = await recordEvents(namespace);
  let now = new Date(start);
  const config = loadSubscriptionsConfig({
    PORT: '0',
    MONGO_URL: testEnv.MONGO_URL,
    NATS_URL: testEnv.NATS_URL,
    EVENT_NAMESPACE: namespace,
    SUBSCRIPTIONS_DB: dbName,
    CALLER_SIGNING_SECRET: TEST_CALLER_SECRET,
    LOG_LEVEL: 'silent',
    SUBSCRIPTION_SCHEDULER_INTERVAL_MS: '0',
    ...env,
  });
  const billing = new FakeBillingKeys();
  const build = () =>
    listening(
      buildServer(config, {
        logger: createLogger({
          service: 'subscriptions',
          level: process.env.TEST_LOG_LEVEL === 'debug' ? 'debug' : 'silent',
        }),
        now: () => now,
        billing,
        scheduler: false,
      }),
    );
  const server = await build();
  const twins: SubscriptionsServer[] = [];
  const orders = new FakeOrders(server.bus);
  await orders.start();
  let sequence = 0;
  const publish = async <T>(contract: EventContract<string, T>, subjectId: string, payload: T) => {
    sequence += 1;
    await server.bus.publish(
      createEvent(contract, { source: 'test', subjectId, sequence, traceId: 'test' }, payload),
    );
  };
  return {
    server,
    events,
    orders,
    billing,
    setNow: (at) => {
      now = new Date(at);
    },
    now: () => now,
    call: (query, variables = {}, caller = {}) =>
      gqlRequest(server.url, query, variables, callerHeaders(caller)),
    subscribe: async (productId, overrides = {}, caller = CUSTOMER) => {
      const response = await gqlRequest(
        server.url,
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
    get: (id, caller = CUSTOMER) =>
      gqlRequest(server.url, GET, { id }, callerHeaders(caller as Partial<Caller>)),
    runDaily: async (from, days) => {
      let created = 0;
      for (let i = 0; i < days; i += 1) {
        now = new Date(`${addDays(from, i)}T01:00:00Z`);
        created += (await server.scheduler.runOnce()).cyclesCreated;
      }
      return created;
    },
    publish,
    seedStore: async (storeId, sellerId, productId, price) => {
      await publish(storeOpened, storeId, {
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
      });
      await publish(productCreated, productId, {
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
      });
      const db = server.orm.em.getConnection().getDb();
      await waitFor(
        async () =>
          (await db.collection('product_projections').findOne({ _id: productId as never })) &&
          (await db.collection('store_projections').findOne({ _id: storeId as never })),
        { what: 'catalog projections' },
      );
    },
    setAside: async () => {
      await server.orm.em
        .getConnection()
        .getDb()
        .collection('subscriptions')
        .updateMany(
          { status: { $in: ['ACTIVE', 'SUSPENDED', 'CANCELED'] } },
          { $set: { status: 'CANCELED', wakeAt: null } },
        );
    },
    startTwin: async () => {
      const twin = await build();
      twins.push(twin);
      return twin;
    },
    close: async () => {
      await orders.stop();
      await Promise.all(twins.map((t) => t.close()));
      await server.close();
      await events.close();
      await deleteStreamNamespace(namespace);
      await dropDatabase(dbName);
    },
  };
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
