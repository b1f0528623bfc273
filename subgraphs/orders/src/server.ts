import {
  databaseAndBusReadiness,
  type Consumption,
  EventBus,
  type Logger,
  OutboxRelay,
  ProcessedEvents,
  type RunningServer,
  createLogger,
  createOrm,
  rawDb,
  startSubgraphServer,
} from '@bloom/kernel';
import type { MikroORM } from '@mikro-orm/mongodb';
import { CartLine } from './cart/cart-line.entity.js';
import { type OrdersConfig, loadOrdersConfig } from './orders.config.js';
import { createContext } from './orders.context.js';
import type { OrdersDeps } from './orders.deps.js';
import { CheckoutClaim, Order, OrderTransition } from './orders/order.entity.js';
import type { PaymentProvider } from './payments/payment.provider.js';
import { PgHttpPaymentProvider } from './payments/pg-http.adapter.js';
import {
  CouponProjection,
  ProductProjection,
  StoreProjection,
} from './projections/catalog.entities.js';
import { startCatalogConsumers } from './projections/catalog.consumer.js';
import { Settlement } from './reporting/settlement.entity.js';
import { SagaStep } from './saga/saga-step.entity.js';
import { startSagaConsumer } from './saga/saga.consumer.js';
import { SagaSweeper } from './saga/saga.sweeper.js';
import { buildSchema } from './schema.js';
import { startCycleOrderConsumer } from './subscriptions/cycle-order.consumer.js';

export const ordersEntities = [
  Order,
  OrderTransition,
  CheckoutClaim,
  CartLine,
  SagaStep,
  ProductProjection,
  StoreProjection,
  CouponProjection,
  Settlement,
];

export interface OrdersServer extends RunningServer {
  deps: OrdersDeps;
  relay: OutboxRelay;
  bus: EventBus;
  sweeper: SagaSweeper;
  /** For tests and scripts that inspect the data. */
  orm: MikroORM;
}

export interface OrdersOverrides {
  logger?: Logger;
  now?: () => Date;
  /** A payment provider other than the configured PG (tests inject fakes). */
  payments?: PaymentProvider;
  /** Tests drive the sweeper by hand. */
  sweeper?: boolean;
}

/** Wires the orders service: database, bus, relay, saga consumers, sweeper and GraphQL. */
export async function buildServer(
  config: OrdersConfig,
  overrides: OrdersOverrides = {},
): Promise<OrdersServer> {
  const logger = overrides.logger ?? createLogger({ service: 'orders', level: config.LOG_LEVEL });
  const orm = await createOrm({
    clientUrl: config.MONGO_URL,
    dbName: config.ORDERS_DB,
    entities: ordersEntities,
  });
  const bus = await EventBus.connect({
    servers: config.NATS_URL,
    namespace: config.EVENT_NAMESPACE,
    name: 'orders',
    logger,
  });
  const db = rawDb(orm.em);
  const relay = new OutboxRelay([db.collection('orders')], (event) => bus.publish(event), logger);
  const deps: OrdersDeps = {
    config,
    logger,
    relay,
    bus,
    processed: new ProcessedEvents(db),
    payments:
      overrides.payments ??
      new PgHttpPaymentProvider({
        baseUrl: config.PAYMENTS_URL,
        secretKey: config.PAYMENTS_SECRET_KEY,
        webhookSecret: config.PAYMENTS_WEBHOOK_SECRET,
        timeoutMs: config.PAYMENTS_TIMEOUT_MS,
      }),
    now: overrides.now ?? (() => new Date()),
  };
  relay.start();
  const consumptions: Consumption[] = [
    ...(await startCatalogConsumers(orm, deps)),
    await startSagaConsumer(orm, deps),
    await startCycleOrderConsumer(orm, deps),
  ];
  const sweeper = new SagaSweeper(orm, deps, logger);
  if (overrides.sweeper !== false) sweeper.start();

  const server = await startSubgraphServer(
    {
      name: 'orders',
      schema: await buildSchema(),
      callerSecret: config.CALLER_SIGNING_SECRET,
      logger,
      createContext: (caller) => createContext(orm, deps, caller),
      readiness: databaseAndBusReadiness(db, bus),
      onClose: async () => {
        await sweeper.stop();
        await Promise.all(consumptions.map((c) => c.stop()));
        await relay.stop();
        await bus.close();
        await orm.close();
      },
    },
    { port: config.PORT, host: config.HOST },
  );
  return { ...server, deps, relay, bus, sweeper, orm };
}

/** The uniform entry the end-to-end harness uses for every subgraph. */
export const buildServerFromEnv = (
  env: Record<string, string | undefined>,
  overrides: OrdersOverrides = {},
) => buildServer(loadOrdersConfig(env), overrides);
