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
import { Coupon, CouponCode } from './coupons/coupon.entity.js';
import { CouponIssue } from './coupons/coupon-issue.entity.js';
import { CouponRedemption } from './coupons/coupon-redemption.entity.js';
import { LowStockAlert } from './inventory/low-stock-alert.entity.js';
import { StockAdjustment } from './inventory/stock-adjustment.entity.js';
import { StockEntry } from './inventory/stock-entry.entity.js';
import { PickupSeat } from './pickup/pickup-seat.entity.js';
import { Answer, Question, QuestionRead } from './questions/question.entity.js';
import { OrderSagaHandlers } from './saga/order-saga.consumer.js';
import { SagaStep } from './saga/saga-step.entity.js';
import { buildSchema } from './schema.js';
import { ApprovedSeller } from './sellers/approved-seller.entity.js';
import { SellerAccountHandlers } from './sellers/seller-account.consumer.js';
import { consumeSellerApprovals } from './sellers/seller-approval.consumer.js';
import { Store } from './stores/store.entity.js';
import { consumeProductRatings } from './stores/product-rating.consumer.js';
import { ProductRating, StoreRating } from './stores/store-rating.entity.js';
import { StoreStatusEntry } from './stores/store-status.entity.js';
import { type StoresConfig, loadStoresConfig } from './stores.config.js';
import { type StoresInfra, createContext, createInfra } from './stores.context.js';
import type { StoresDeps } from './stores.deps.js';

export const storesEntities = [
  Store,
  StoreStatusEntry,
  ProductRating,
  StoreRating,
  ApprovedSeller,
  StockEntry,
  StockAdjustment,
  LowStockAlert,
  PickupSeat,
  SagaStep,
  Coupon,
  CouponCode,
  CouponIssue,
  CouponRedemption,
  Question,
  Answer,
  QuestionRead,
];

/** Collections whose documents carry events in an `outbox` (ADR 0001). */
const OUTBOX_COLLECTIONS = [
  'stores',
  'store_status_log',
  'stock_adjustments',
  'low_stock_alerts',
  'saga_steps',
  'coupons',
  'questions',
  'question_answers',
];

export interface StoresServer extends Service {
  deps: StoresDeps;
  infra: StoresInfra;
  relay: OutboxRelay;
  bus: EventBus;
  /** The saga command handlers, for tests that drive them directly. */
  saga: OrderSagaHandlers;
  /** The owner-account handlers (identity suspensions and deletions), likewise. */
  sellerAccounts: SellerAccountHandlers;
}

/** Wires the stores service: runtime, consumers and GraphQL; not listening yet. */
export async function buildServer(
  config: StoresConfig,
  overrides: { logger?: Logger; now?: () => Date } = {},
): Promise<StoresServer> {
  const logger = overrides.logger ?? createLogger({ service: 'stores', level: config.LOG_LEVEL });
  const runtime = await ServiceRuntime.start({
    name: 'stores',
    logger,
    mongoUrl: config.MONGO_URL,
    dbName: config.STORES_DB,
    entities: storesEntities,
    natsUrl: config.NATS_URL,
    namespace: config.EVENT_NAMESPACE,
    eventConcurrency: config.EVENT_CONCURRENCY,
    outbox: OUTBOX_COLLECTIONS,
  });
  const { orm, bus, relay } = runtime;
  const deps: StoresDeps = {
    config,
    logger,
    relay,
    processed: runtime.processed,
    now: overrides.now ?? (() => new Date()),
  };
  const infra = createInfra(runtime.db);
  const saga = new OrderSagaHandlers(orm, deps, infra);
  const sellerAccounts = new SellerAccountHandlers(orm, deps, infra);
  return runtime.wire(async () => {
    runtime.track([
      await consumeSellerApprovals(bus, orm, deps),
      await sellerAccounts.consume(bus),
      await consumeProductRatings(bus, orm, deps),
      ...(await saga.consume(bus)),
    ]);
    const shell = await createSubgraphServer({
      name: 'stores',
      version: serviceVersion(import.meta.url, config.BUILD_COMMIT),
      schema: await buildSchema(),
      callerSecret: config.CALLER_SIGNING_SECRET,
      logger,
      createContext: (caller) => createContext(orm, deps, infra, caller),
      readiness: runtime.readiness,
      onClose: () => runtime.close(),
    });
    return serviceOf(
      shell,
      { port: config.PORT, host: config.HOST },
      { deps, infra, relay, bus, saga, sellerAccounts },
    );
  });
}

/** The uniform entry the end-to-end harness uses for every subgraph. */
export const buildServerFromEnv = (
  env: Record<string, string | undefined>,
  overrides: { logger?: Logger; now?: () => Date } = {},
) => buildServer(loadStoresConfig(env), overrides);
