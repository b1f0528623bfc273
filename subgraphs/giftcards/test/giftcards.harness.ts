import { type Caller, EventBus, createEvent, createLogger } from '@bloom/kernel';
import {
  orderCanceled,
  orderConfirmed,
  orderDelivered,
  orderPickedUp,
  orderPlaced,
  orderPreparing,
  orderReadyForPickup,
  orderShipping,
  productCreated,
} from '@bloom/schema';
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
import { ObjectId } from '@mikro-orm/mongodb';
import { OrderStateMark } from '../src/orders/order-line.entities.js';
import { loadGiftcardsConfig } from '../src/giftcards.config.js';
import { type GiftcardsServer, buildServer } from '../src/server.js';

export type FeedState =
  'CONFIRMED' | 'PREPARING' | 'SHIPPING' | 'DELIVERED' | 'READY' | 'PICKED_UP' | 'CANCELED';

export interface GiftcardsHarness {
  server: GiftcardsServer;
  events: EventRecorder;
  namespace: string;
  /** The service's public base URL (share links, images). */
  baseUrl: string;
  advance(ms: number): void;
  /** The service's clock. */
  now(): Date;
  call<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    caller?: Partial<Caller>,
  ): ReturnType<typeof gqlRequest<T>>;
  /** Publishes orders.order.placed (the real contract) and returns the line ids. */
  placeOrder(input: {
    customerId: string;
    products: { productId: string; flowerId: number }[];
    orderId?: string;
  }): Promise<{ orderId: string; lineIds: string[] }>;
  /** Publishes the event that moves an order to `state`. */
  moveOrder(orderId: string, customerId: string, state: FeedState): Promise<void>;
  publishProduct(productId: string, representativeFlowerId: number): Promise<void>;
  /** Resolves once the projection has seen the order reach `state` (PENDING: placed). */
  projected(orderId: string, state: string): Promise<void>;
  close(): Promise<void>;
}

const STORE_ID = 'store-1';

/** Starts a real giftcards subgraph on a free port with its own database and stream namespace. */
export async function startGiftcards(
  label: string,
  env: Record<string, string> = {},
): Promise<GiftcardsHarness> {
  const dbName = freshDatabaseName(label);
  const namespace = await createStreamNamespace();
  const events = await recordEvents(namespace);
  let offset = 0;
  const config = loadGiftcardsConfig({
    PORT: '0',
    MONGO_URL: testEnv.MONGO_URL,
    NATS_URL: testEnv.NATS_URL,
    EVENT_NAMESPACE: namespace,
    GIFTCARDS_DB: dbName,
    CALLER_SIGNING_SECRET: TEST_CALLER_SECRET,
    LOG_LEVEL: 'silent',
    ...env,
  });
  const logger = createLogger({
    service: 'giftcards',
    level: process.env.TEST_LOG_LEVEL === 'debug' ? 'debug' : 'silent',
  });
  const server = await listening(
    buildServer(config, { logger, now: () => new Date(Date.now() + offset) }),
  );
  // The producers' side: orders and products events on the same namespace, through the kernel bus.
  const producer = await EventBus.connect({
    servers: testEnv.NATS_URL,
    namespace,
    name: 'test-producer',
    logger,
  });
  const sequences = new Map<string, number>();
  const publish = async <T>(
    contract: Parameters<typeof createEvent<T>>[0],
    subjectId: string,
    payload: T,
  ) => {
    const sequence = (sequences.get(subjectId) ?? 0) + 1;
    sequences.set(subjectId, sequence);
    await producer.publish(
      createEvent(contract, { source: 'test', subjectId, sequence, traceId: 'test' }, payload),
    );
  };
  const parties = (orderId: string, customerId: string) => ({
    orderId,
    orderNumber: `B-${orderId.slice(-6)}`,
    storeId: STORE_ID,
    customerId,
    sellerId: null,
  });
  return {
    server,
    events,
    namespace,
    baseUrl: server.deps.publicUrl(),
    now: () => new Date(Date.now() + offset),
    advance: (ms) => {
      offset += ms;
    },
    call: (query, variables = {}, caller = {}) =>
      gqlRequest(server.url, query, variables, callerHeaders(caller)),
    placeOrder: async ({ customerId, products, orderId = new ObjectId().toHexString() }) => {
      await publish(orderPlaced, orderId, {
        orderId,
        storeId: STORE_ID,
        customerId,
        lines: products.map((p) => ({
          productId: p.productId,
          quantity: 1,
          flowers: [
            { flowerId: p.flowerId, count: 5 },
            { flowerId: 18, count: 2 },
          ],
        })),
        fulfilment: { type: 'DELIVERY' },
        subtotal: 50_000,
        placedAt: new Date().toISOString(),
      });
      return { orderId, lineIds: products.map((p) => `${orderId}:${p.productId}`) };
    },
    moveOrder: async (orderId, customerId, state) => {
      const ref = parties(orderId, customerId);
      const at = new Date().toISOString();
      switch (state) {
        case 'CONFIRMED':
          return publish(orderConfirmed, orderId, { orderId, storeId: STORE_ID, customerId });
        case 'PREPARING':
          return publish(orderPreparing, orderId, ref);
        case 'SHIPPING':
          return publish(orderShipping, orderId, ref);
        case 'DELIVERED':
          return publish(orderDelivered, orderId, { ...ref, deliveredAt: at });
        case 'READY':
          return publish(orderReadyForPickup, orderId, ref);
        case 'PICKED_UP':
          return publish(orderPickedUp, orderId, { ...ref, pickedUpAt: at, automatic: false });
        case 'CANCELED':
          return publish(orderCanceled, orderId, {
            orderId,
            storeId: STORE_ID,
            customerId,
            reason: 'changed my mind',
            canceledBy: 'CUSTOMER',
          });
      }
    },
    publishProduct: (productId, representativeFlowerId) =>
      publish(productCreated, productId, {
        productId,
        storeId: STORE_ID,
        name: '테스트 꽃다발',
        price: 50_000,
        status: 'ON_SALE',
        isSubscription: false,
        category: 'BOUQUET',
        tags: [],
        recipe: [
          { flowerId: representativeFlowerId, count: 3, representative: true },
          { flowerId: 18, count: 10, representative: false },
        ],
        representativeFlowerId,
        updatedAt: new Date().toISOString(),
      }),
    projected: async (orderId, state) => {
      await waitFor(
        () => server.orm.em.fork().findOne(OrderStateMark, { _id: `${orderId}:${state}` }),
        { what: `${orderId} ${state} projected` },
      );
    },
    close: async () => {
      await producer.close();
      await server.close();
      await events.close();
      await deleteStreamNamespace(namespace);
      await dropDatabase(dbName);
    },
  };
}

export const newId = () => new ObjectId().toHexString();

export const WRITE = `mutation($i: WriteGiftCardInput!) { writeGiftCard(input: $i) {
  __typename
  ... on GiftCardShare { shareSecret shareUrl card { id orderLineId orderId message fromName template { key imageUrl } } }
  ... on GiftCardExistsError { cardId }
  ... on InvalidInputError { field }
  ... on UserError { code message }
} }`;
