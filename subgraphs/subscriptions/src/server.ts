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
import { type BillingKeys, PgBillingKeys } from './billing/billing-keys.js';
import { ProductProjection, StoreProjection } from './projections/catalog.entities.js';
import { startCatalogConsumers } from './projections/catalog.consumer.js';
import { startOutcomeConsumer } from './scheduler/charge-outcome.consumer.js';
import { CycleScheduler } from './scheduler/cycle.scheduler.js';
import { buildSchema } from './schema.js';
import { CycleAttempt, CycleOutcome, CycleRecord } from './subscriptions/cycle.entity.js';
import { DeliveryAddress, PauseWindow, Subscription } from './subscriptions/subscription.entity.js';
import { type SubscriptionsConfig, loadSubscriptionsConfig } from './subscriptions.config.js';
import { createContext } from './subscriptions.context.js';
import type { SubscriptionsDeps } from './subscriptions.deps.js';

export const subscriptionsEntities = [
  Subscription,
  DeliveryAddress,
  PauseWindow,
  CycleRecord,
  CycleAttempt,
  CycleOutcome,
  ProductProjection,
  StoreProjection,
];

export interface SubscriptionsServer extends RunningServer {
  deps: SubscriptionsDeps;
  relay: OutboxRelay;
  bus: EventBus;
  scheduler: CycleScheduler;
  /** For tests and scripts that inspect the data. */
  orm: MikroORM;
}

export interface SubscriptionsOverrides {
  logger?: Logger;
  now?: () => Date;
  /** A billing-key issuer other than the configured PG (tests inject fakes). */
  billing?: BillingKeys;
  /** Tests drive the scheduler by hand. */
  scheduler?: boolean;
}

/** Wires the subscriptions service: database, bus, relay, consumers, scheduler and GraphQL. */
export async function buildServer(
  config: SubscriptionsConfig,
  overrides: SubscriptionsOverrides = {},
): Promise<SubscriptionsServer> {
  const logger =
    overrides.logger ?? createLogger({ service: 'subscriptions', level: config.LOG_LEVEL });
  const orm = await createOrm({
    clientUrl: config.MONGO_URL,
    dbName: config.SUBSCRIPTIONS_DB,
    entities: subscriptionsEntities,
  });
  const bus = await EventBus.connect({
    servers: config.NATS_URL,
    namespace: config.EVENT_NAMESPACE,
    name: 'subscriptions',
    logger,
  });
  const db = rawDb(orm.em);
  const relay = new OutboxRelay(
    [
      db.collection('subscriptions'),
      db.collection('subscription_cycles'),
      db.collection('cycle_attempts'),
      db.collection('cycle_outcomes'),
    ],
    (event) => bus.publish(event),
    logger,
  );
  const deps: SubscriptionsDeps = {
    config,
    logger,
    relay,
    bus,
    processed: new ProcessedEvents(db),
    billing:
      overrides.billing ??
      new PgBillingKeys({
        baseUrl: config.PAYMENTS_URL,
        secretKey: config.PAYMENTS_SECRET_KEY,
        timeoutMs: config.PAYMENTS_TIMEOUT_MS,
      }),
    now: overrides.now ?? (() => new Date()),
  };
  relay.start();
  const consumptions: Consumption[] = [
    ...(await startCatalogConsumers(orm, deps)),
    await startOutcomeConsumer(orm, deps),
  ];
  const scheduler = new CycleScheduler(orm, deps, logger);
  if (overrides.scheduler !== false) scheduler.start();

  const server = await startSubgraphServer(
    {
      name: 'subscriptions',
      schema: await buildSchema(),
      callerSecret: config.CALLER_SIGNING_SECRET,
      logger,
      createContext: (caller) => createContext(orm, deps, caller),
      readiness: databaseAndBusReadiness(db, bus),
      onClose: async () => {
        await scheduler.stop();
        await Promise.all(consumptions.map((c) => c.stop()));
        await relay.stop();
        await bus.close();
        await orm.close();
      },
    },
    { port: config.PORT, host: config.HOST },
  );
  return { ...server, deps, relay, bus, scheduler, orm };
}

/** The uniform entry the end-to-end harness uses for every subgraph. */
export const buildServerFromEnv = (
  env: Record<string, string | undefined>,
  overrides: SubscriptionsOverrides = {},
) => buildServer(loadSubscriptionsConfig(env), overrides);
