import { type Caller, createEvent, createLogger } from '@bloom/kernel';
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
} from '@bloom/testing';
import type { BillingKeys } from '../src/billing/billing-keys.js';
import { CardRefusedError } from '../src/billing/billing-keys.js';
import { type SubscriptionsServer, buildServer } from '../src/server.js';
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
  /** Publishes a store and its subscription product and waits for the projections. */
  seedStore(storeId: string, sellerId: string, productId: string, price: number): Promise<void>;
  /** Starts a second server on the same database and namespace (a second process). */
  startTwin(): Promise<SubscriptionsServer>;
  close(): Promise<void>;
}

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
    buildServer(config, {
      logger: createLogger({
        service: 'subscriptions',
        level: process.env.TEST_LOG_LEVEL === 'debug' ? 'debug' : 'silent',
      }),
      now: () => now,
      billing,
      scheduler: false,
    });
  const server = await build();
  const twins: SubscriptionsServer[] = [];
  const orders = new FakeOrders(server.bus);
  await orders.start();
  let sequence = 0;
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
    seedStore: async (storeId, sellerId, productId, price) => {
      sequence += 1;
      const meta = { source: 'test', subjectId: storeId, sequence, traceId: 'seed' };
      await server.bus.publish(
        createEvent(storeOpened, meta, {
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
            windows: [],
          },
          pickup: { enabled: false, slotCapacity: 1 },
        } as never),
      );
      await server.bus.publish(
        createEvent(
          productCreated,
          { ...meta, subjectId: productId },
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
        ),
      );
      const db = server.orm.em.getConnection().getDb();
      await waitFor(
        async () =>
          (await db.collection('product_projections').findOne({ _id: productId as never })) &&
          (await db.collection('store_projections').findOne({ _id: storeId as never })),
        { what: 'catalog projections' },
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
  endsAfterCycle cardLast4 pause { from until } address { line1 }
  cycles { cycle deliveryDate kind amount }`;

export const SUBSCRIPTION_FIELDS = `
  __typename
  ... on FlowerSubscription { ${FLOWER_SUBSCRIPTION} }
  ... on UserError { code message }
  ... on InvalidInputError { field }
`;
