import { createHmac } from 'node:crypto';
import {
  databaseAndBusReadiness,
  type Consumption,
  EventBus,
  type Logger,
  OutboxRelay,
  type RunningServer,
  createLogger,
  createOrm,
  rawDb,
  startSubgraphServer,
} from '@bloom/kernel';
import type { MikroORM } from '@mikro-orm/mongodb';
import { imageRoutes } from './images/image.routes.js';
import { type ImageStorage, LocalDiskImageStorage } from './images/image.storage.js';
import { ImageUpload } from './images/image-upload.entity.js';
import { UploadTokens } from './images/upload-token.js';
import { ProductLike, StoreLike } from './likes/like.entities.js';
import type { ProductsConfig } from './products.config.js';
import { startConsumers } from './products.consumers.js';
import { createContext } from './products.context.js';
import type { ProductsDeps } from './products.deps.js';
import { Product } from './products/product.entity.js';
import { SubscriptionSlot } from './products/subscription-slot.entity.js';
import { RestockAlert, RestockFiring, RestockNotice } from './restock/restock.entities.js';
import { RatingNotice, Review, ReviewEligibility } from './reviews/review.entities.js';
import { buildSchema } from './schema.js';
import { OpenAiFilterExtractor } from './search/openai-filter.extractor.js';
import { type AiFilterExtractor, FallbackQueryInterpreter } from './search/query-interpreter.js';
import { FlowerStock, StoreProjection } from './stores/store-projection.entities.js';

export const productsEntities = [
  Product,
  SubscriptionSlot,
  StoreProjection,
  FlowerStock,
  ImageUpload,
  Review,
  ReviewEligibility,
  RatingNotice,
  ProductLike,
  StoreLike,
  RestockAlert,
  RestockFiring,
  RestockNotice,
];

/** Collections whose documents carry unpublished events. */
const OUTBOX_COLLECTIONS = ['products', 'reviews', 'rating_notices', 'restock_notices'];

export interface ProductsServer extends RunningServer {
  deps: ProductsDeps;
  relay: OutboxRelay;
  bus: EventBus;
  orm: MikroORM;
}

export interface ProductsOverrides {
  logger?: Logger;
  now?: () => Date;
  imageStorage?: ImageStorage;
  /** Replaces the OpenAI extractor (tests); null disables the AI. */
  ai?: AiFilterExtractor | null;
}

function aiExtractor(config: ProductsConfig): AiFilterExtractor | null {
  if (!config.OPENAI_API_KEY) return null;
  return new OpenAiFilterExtractor({
    apiKey: config.OPENAI_API_KEY,
    baseURL: config.OPENAI_BASE_URL,
    model: config.OPENAI_MODEL,
    timeoutMs: config.SEARCH_AI_TIMEOUT_MS,
  });
}

/** Wires the products service: database, event bus, relay, consumers and the HTTP server. */
export async function buildServer(
  config: ProductsConfig,
  overrides: ProductsOverrides = {},
): Promise<ProductsServer> {
  const logger = overrides.logger ?? createLogger({ service: 'products', level: config.LOG_LEVEL });
  const orm = await createOrm({
    clientUrl: config.MONGO_URL,
    dbName: config.PRODUCTS_DB,
    entities: productsEntities,
  });
  const bus = await EventBus.connect({
    servers: config.NATS_URL,
    namespace: config.EVENT_NAMESPACE,
    name: 'products',
    logger,
  });
  const db = rawDb(orm.em);
  const relay = new OutboxRelay(
    OUTBOX_COLLECTIONS.map((name) => db.collection(name)),
    (event) => bus.publish(event),
    logger,
  );
  let listeningOrigin = config.PRODUCTS_PUBLIC_URL ?? `http://${config.HOST}:${config.PORT}`;
  const now = overrides.now ?? (() => new Date());
  const deps: ProductsDeps = {
    config,
    logger,
    relay,
    imageStorage: overrides.imageStorage ?? new LocalDiskImageStorage(config.IMAGE_DIR),
    uploadTokens: new UploadTokens(
      // A separate secret is better; deriving one keeps a fresh install working.
      config.UPLOAD_SIGNING_SECRET ??
        createHmac('sha256', config.CALLER_SIGNING_SECRET).update('products-uploads').digest('hex'),
    ),
    interpreter: new FallbackQueryInterpreter(
      overrides.ai === undefined ? aiExtractor(config) : overrides.ai,
      { timeoutMs: config.SEARCH_AI_TIMEOUT_MS, logger },
    ),
    publicUrl: () => listeningOrigin,
    now,
  };
  relay.start();
  let consumers: Consumption[] = [];
  try {
    consumers = await startConsumers(bus, orm, deps);
  } catch (error) {
    await relay.stop();
    await bus.close();
    await orm.close();
    throw error;
  }

  const server = await startSubgraphServer(
    {
      name: 'products',
      schema: await buildSchema(),
      callerSecret: config.CALLER_SIGNING_SECRET,
      logger,
      createContext: (caller) => createContext(orm, deps, caller),
      routes: imageRoutes({
        orm,
        storage: deps.imageStorage,
        tokens: deps.uploadTokens,
        maxBytes: config.IMAGE_MAX_BYTES,
        publicUrl: deps.publicUrl,
        logger,
        now,
      }),
      readiness: databaseAndBusReadiness(db, bus),
      onClose: async () => {
        await Promise.all(consumers.map((consumer) => consumer.stop()));
        await relay.stop();
        await bus.close();
        await orm.close();
      },
    },
    { port: config.PORT, host: config.HOST },
  );
  // With PORT 0 (tests) the port is known only now.
  if (!config.PRODUCTS_PUBLIC_URL) listeningOrigin = `http://${config.HOST}:${server.port}`;
  return { ...server, deps, relay, bus, orm };
}
