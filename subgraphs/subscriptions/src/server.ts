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

export interface SubscriptionsServer extends Service {
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

/** Wires the subscriptions service: runtime, consumers, scheduler and GraphQL; not listening. */
export async function buildServer(
  config: SubscriptionsConfig,
  overrides: SubscriptionsOverrides = {},
): Promise<SubscriptionsServer> {
  const logger =
    overrides.logger ?? createLogger({ service: 'subscriptions', level: config.LOG_LEVEL });
  const runtime = await ServiceRuntime.start({
    name: 'subscriptions',
    logger,
    mongoUrl: config.MONGO_URL,
    dbName: config.SUBSCRIPTIONS_DB,
    entities: subscriptionsEntities,
    natsUrl: config.NATS_URL,
    namespace: config.EVENT_NAMESPACE,
    eventConcurrency: config.EVENT_CONCURRENCY,
    outbox: ['subscriptions', 'subscription_cycles', 'cycle_attempts', 'cycle_outcomes'],
  });
  const { orm, bus, relay } = runtime;
  const deps: SubscriptionsDeps = {
    config,
    logger,
    relay,
    bus,
    processed: runtime.processed,
    billing:
      overrides.billing ??
      new PgBillingKeys({
        baseUrl: config.PAYMENTS_URL,
        secretKey: config.PAYMENTS_SECRET_KEY,
        timeoutMs: config.PAYMENTS_TIMEOUT_MS,
      }),
    now: overrides.now ?? (() => new Date()),
  };
  return runtime.wire(async () => {
    runtime.track(await startCatalogConsumers(orm, deps));
    runtime.track([await startOutcomeConsumer(orm, deps)]);
    const scheduler = runtime.track(new CycleScheduler(orm, deps, logger));
    if (overrides.scheduler !== false) scheduler.start();
    const shell = await createSubgraphServer({
      name: 'subscriptions',
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
      { deps, relay, bus, scheduler, orm },
    );
  });
}

/** The uniform entry the end-to-end harness uses for every subgraph. */
export const buildServerFromEnv = (
  env: Record<string, string | undefined>,
  overrides: SubscriptionsOverrides = {},
) => buildServer(loadSubscriptionsConfig(env), overrides);
