import { createHmac } from 'node:crypto';
import {
  type EventBus,
  type Logger,
  type OutboxRelay,
  type Service,
  aiCircuitBreaker,
  ServiceRuntime,
  createLogger,
  createSubgraphServer,
  serviceOf,
  serviceVersion,
  withAiReadiness,
} from '@bloom/kernel';
import type { MikroORM } from '@mikro-orm/mongodb';
import { imageRoutes } from './images/image.routes.js';
import { type ImageStorage, LocalDiskImageStorage } from './images/image.storage.js';
import { S3ImageStorage } from './images/s3-image.storage.js';
import { ImageUpload } from './images/image-upload.entity.js';
import { UploadTokens } from './images/upload-token.js';
import { ProductLike, StoreLike } from './likes/like.entities.js';
import { type ProductsConfig, loadProductsConfig } from './products.config.js';
import { startConsumers } from './products.consumers.js';
import { createContext } from './products.context.js';
import type { ProductsDeps } from './products.deps.js';
import { Product } from './products/product.entity.js';
import { SubscriptionSlot } from './products/subscription-slot.entity.js';
import { RestockAlert, RestockFiring, RestockNotice } from './restock/restock.entities.js';
import {
  RatingNotice,
  Review,
  ReviewEligibility,
  ReviewSummary,
} from './reviews/review.entities.js';
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
  ReviewSummary,
  ProductLike,
  StoreLike,
  RestockAlert,
  RestockFiring,
  RestockNotice,
];

/** Collections whose documents carry unpublished events. */
const OUTBOX_COLLECTIONS = ['products', 'reviews', 'rating_notices', 'restock_notices'];

export interface ProductsServer extends Service {
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

/** The image storage IMAGE_STORAGE names; the config refuses `s3` without its bucket and keys. */
export function imageStorageFor(config: ProductsConfig): ImageStorage {
  if (config.IMAGE_STORAGE === 'local') return new LocalDiskImageStorage(config.IMAGE_DIR);
  const { S3_BUCKET: bucket, S3_ACCESS_KEY_ID: accessKeyId } = config;
  const { S3_SECRET_ACCESS_KEY: secretAccessKey } = config;
  // Already checked by the config's refinement; this narrows the types.
  if (!bucket || !accessKeyId || !secretAccessKey) {
    throw new Error('IMAGE_STORAGE=s3 needs S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY');
  }
  return new S3ImageStorage({
    bucket,
    region: config.S3_REGION,
    endpoint: config.S3_ENDPOINT,
    forcePathStyle: config.S3_FORCE_PATH_STYLE,
    credentials: { accessKeyId, secretAccessKey },
  });
}

/** Wires the products service: runtime, consumers, image routes and GraphQL; not listening yet. */
export async function buildServer(
  config: ProductsConfig,
  overrides: ProductsOverrides = {},
): Promise<ProductsServer> {
  const logger = overrides.logger ?? createLogger({ service: 'products', level: config.LOG_LEVEL });
  const runtime = await ServiceRuntime.start({
    name: 'products',
    logger,
    mongoUrl: config.MONGO_URL,
    dbName: config.PRODUCTS_DB,
    entities: productsEntities,
    natsUrl: config.NATS_URL,
    namespace: config.EVENT_NAMESPACE,
    eventConcurrency: config.EVENT_CONCURRENCY,
    outbox: OUTBOX_COLLECTIONS,
  });
  const { orm, bus, relay } = runtime;
  const now = overrides.now ?? (() => new Date());
  // Clients reach images and uploads through the gateway on the public origin, so URLs are
  // relative unless an origin is configured (a CDN, or another host serving /images).
  const publicOrigin = config.PRODUCTS_PUBLIC_URL?.replace(/\/+$/, '') ?? '';
  const publicUrl = () => publicOrigin;
  // A storage a test passes in is the test's to close.
  const imageStorage = overrides.imageStorage ?? imageStorageFor(config);
  const ownsStorage = overrides.imageStorage === undefined;
  const ai = overrides.ai === undefined ? aiExtractor(config) : overrides.ai;
  const aiBreaker = ai ? aiCircuitBreaker('search', config, runtime.metrics, logger) : undefined;
  const deps: ProductsDeps = {
    config,
    logger,
    relay,
    imageStorage,
    uploadTokens: new UploadTokens(
      // A separate secret is better; deriving one keeps a fresh install working.
      config.UPLOAD_SIGNING_SECRET ??
        createHmac('sha256', config.CALLER_SIGNING_SECRET).update('products-uploads').digest('hex'),
    ),
    interpreter: new FallbackQueryInterpreter(ai, {
      timeoutMs: config.SEARCH_AI_TIMEOUT_MS,
      logger,
      breaker: aiBreaker,
    }),
    publicUrl,
    now,
  };
  const service = await runtime.wire(async () => {
    runtime.track(await startConsumers(bus, orm, deps));
    const shell = await createSubgraphServer({
      name: 'products',
      version: serviceVersion(import.meta.url, config.BUILD_COMMIT),
      schema: await buildSchema(),
      callerSecret: config.CALLER_SIGNING_SECRET,
      logger,
      createContext: (caller) => createContext(orm, deps, caller),
      routes: imageRoutes({
        orm,
        storage: deps.imageStorage,
        tokens: deps.uploadTokens,
        maxBytes: config.IMAGE_MAX_BYTES,
        publicUrl,
        logger,
        now,
      }),
      readiness: withAiReadiness(runtime.readiness, aiBreaker),
      onClose: async () => {
        await runtime.close();
        if (ownsStorage) imageStorage.close?.();
      },
    });
    return serviceOf(shell, { port: config.PORT, host: config.HOST }, { deps, relay, bus, orm });
  });
  return service;
}

/** The uniform entry the end-to-end harness uses for every subgraph. */
export const buildServerFromEnv = (
  env: Record<string, string | undefined>,
  overrides: ProductsOverrides = {},
) => buildServer(loadProductsConfig(env), overrides);
