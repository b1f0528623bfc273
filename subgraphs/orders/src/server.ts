import {
  type EventBus,
  type Logger,
  type OutboxRelay,
  type Service,
  ServiceRuntime,
  createLogger,
  createSubgraphServer,
  serviceOf,
  serviceVersion,
} from '@bloom/kernel';
import type { MikroORM } from '@mikro-orm/mongodb';
import { startOrderEventConsumers } from './admin/order-event.consumer.js';
import { OrderEventEntry } from './admin/order-event.entity.js';
import { CartLine } from './cart/cart-line.entity.js';
import { type OrdersConfig, loadOrdersConfig } from './orders.config.js';
import { createContext } from './orders.context.js';
import type { OrdersDeps } from './orders.deps.js';
import { SagaAdmission } from './saga/saga.admission.js';
import { CheckoutClaim } from './orders/checkout-claim.entity.js';
import { OrderTransition } from './orders/order-transition.entity.js';
import { Order } from './orders/order.entity.js';
import { PaymentRecord } from './payments/payment-record.entity.js';
import type { PaymentProvider } from './payments/payment.provider.js';
import { PgHttpPaymentProvider } from './payments/pg-http.adapter.js';
import {
  CouponProjection,
  FlowerStockProjection,
  ProductProjection,
  StoreProjection,
} from './projections/catalog.entities.js';
import { startCatalogConsumers } from './projections/catalog.consumer.js';
import { SettlementRun } from './reporting/settlement-run.entity.js';
import { Settlement } from './reporting/settlement.entity.js';
import { SagaStep } from './saga/saga-step.entity.js';
import { SAGA_CONSUMER, startSagaConsumer } from './saga/saga.consumer.js';
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
  FlowerStockProjection,
  Settlement,
  SettlementRun,
  PaymentRecord,
  OrderEventEntry,
];

export interface OrdersServer extends Service {
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

/** Wires the orders service: runtime, saga consumers, sweeper and GraphQL; not listening yet. */
export async function buildServer(
  config: OrdersConfig,
  overrides: OrdersOverrides = {},
): Promise<OrdersServer> {
  const logger = overrides.logger ?? createLogger({ service: 'orders', level: config.LOG_LEVEL });
  const runtime = await ServiceRuntime.start({
    name: 'orders',
    logger,
    mongoUrl: config.MONGO_URL,
    dbName: config.ORDERS_DB,
    entities: ordersEntities,
    natsUrl: config.NATS_URL,
    namespace: config.EVENT_NAMESPACE,
    eventConcurrency: config.EVENT_CONCURRENCY,
    outbox: ['orders', 'settlement_runs'],
  });
  const { orm, bus, relay } = runtime;
  const deps: OrdersDeps = {
    config,
    logger,
    relay,
    bus,
    processed: runtime.processed,
    payments:
      overrides.payments ??
      new PgHttpPaymentProvider({
        baseUrl: config.PAYMENTS_URL,
        secretKey: config.PAYMENTS_SECRET_KEY,
        webhookSecret: config.PAYMENTS_WEBHOOK_SECRET,
        timeoutMs: config.PAYMENTS_TIMEOUT_MS,
      }),
    admission: new SagaAdmission({
      readBacklog: () => bus.consumerBacklog(SAGA_CONSUMER),
      limit: config.SAGA_ADMISSION_BACKLOG,
      maxWaitMs: config.SAGA_ADMISSION_MAX_WAIT_MS,
      logger,
    }),
    now: overrides.now ?? (() => new Date()),
  };
  return runtime.wire(async () => {
    runtime.track(await startCatalogConsumers(orm, deps));
    runtime.track([await startSagaConsumer(orm, deps), await startCycleOrderConsumer(orm, deps)]);
    runtime.track(await startOrderEventConsumers(orm, deps));
    const sweeper = runtime.track(new SagaSweeper(orm, deps, logger));
    if (overrides.sweeper !== false) sweeper.start();
    const shell = await createSubgraphServer({
      name: 'orders',
      version: serviceVersion(import.meta.url, config.BUILD_COMMIT),
      schema: await buildSchema(),
      callerSecret: config.CALLER_SIGNING_SECRET,
      logger,
      createContext: (caller) => createContext(orm, deps, caller),
      readiness: runtime.readiness,
      onClose: () => runtime.close(),
    });
    return serviceOf(
      shell,
      { port: config.PORT, host: config.HOST },
      { deps, relay, bus, sweeper, orm },
    );
  });
}

/** The uniform entry the end-to-end harness uses for every subgraph. */
export const buildServerFromEnv = (
  env: Record<string, string | undefined>,
  overrides: OrdersOverrides = {},
) => buildServer(loadOrdersConfig(env), overrides);
