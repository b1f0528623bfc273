import {
  CIRCUIT_OPEN,
  type CircuitBreaker,
  type EventBus,
  type Logger,
  type OutboxRelay,
  type Service,
  type ServiceMetrics,
  aiCircuitBreaker,
  ServiceRuntime,
  createLogger,
  createSubgraphServer,
  serviceOf,
  serviceVersion,
  withAiReadiness,
} from '@bloom/kernel';
import type { MikroORM } from '@mikro-orm/mongodb';
import { CardService } from './cards/card.service.js';
import { GiftCard } from './cards/gift-card.entity.js';
import { GuessLimiter } from './cards/guess.limiter.js';
import { type GiftcardsConfig, loadGiftcardsConfig } from './giftcards.config.js';
import { createContext } from './giftcards.context.js';
import type { CardMessageAi, GiftcardsDeps } from './giftcards.deps.js';
import { publicRoutes } from './http/public.routes.js';
import { consumeOrderEvents } from './orders/order-line.consumer.js';
import { OrderLineView, OrderStateMark } from './orders/order-line.entities.js';
import { consumeProductEvents } from './products/product-flower.consumer.js';
import { ProductFlower } from './products/product-flower.entity.js';
import { buildSchema } from './schema.js';
import { AiMessageSuggester } from './suggestions/ai-message.suggester.js';

export const giftcardsEntities = [GiftCard, OrderLineView, OrderStateMark, ProductFlower];

/**
 * The AI suggester behind its circuit breaker, when a key is configured. The suggester answers
 * null on a timeout, an HTTP error or an unusable answer, so null counts as a failure; while the
 * circuit is open the answer is null at once and suggestions are composed offline.
 */
function cardMessageAi(
  config: GiftcardsConfig,
  metrics: ServiceMetrics,
  logger: Logger,
): { ai: CardMessageAi; breaker: CircuitBreaker } | undefined {
  if (!config.OPENAI_API_KEY) return undefined;
  const suggester = new AiMessageSuggester({
    apiKey: config.OPENAI_API_KEY,
    baseURL: config.OPENAI_BASE_URL,
    model: config.OPENAI_MODEL,
    timeoutMs: config.CARD_AI_TIMEOUT_MS,
    logger,
  });
  const breaker = aiCircuitBreaker('card_suggestions', config, metrics, logger);
  const suggest = async (request: Parameters<AiMessageSuggester['suggest']>[0]) => {
    const answer = await breaker.run(
      () => suggester.suggest(request),
      (messages) => messages === null,
    );
    return answer === CIRCUIT_OPEN ? null : answer;
  };
  return { ai: { suggest }, breaker };
}

export interface GiftcardsServer extends Service {
  deps: GiftcardsDeps;
  orm: MikroORM;
  relay: OutboxRelay;
  bus: EventBus;
}

/** Wires the giftcards service: runtime, consumers, public card pages and GraphQL. */
export async function buildServer(
  config: GiftcardsConfig,
  overrides: { logger?: Logger; now?: () => Date } = {},
): Promise<GiftcardsServer> {
  const logger =
    overrides.logger ?? createLogger({ service: 'giftcards', level: config.LOG_LEVEL });
  const now = overrides.now ?? (() => new Date());
  const runtime = await ServiceRuntime.start({
    name: 'giftcards',
    logger,
    mongoUrl: config.MONGO_URL,
    dbName: config.GIFTCARDS_DB,
    entities: giftcardsEntities,
    natsUrl: config.NATS_URL,
    namespace: config.EVENT_NAMESPACE,
    eventConcurrency: config.EVENT_CONCURRENCY,
    outbox: ['gift_cards'],
  });
  const { orm, bus, relay, processed } = runtime;
  const limiter = new GuessLimiter(runtime.db, config.CARD_GUESS_WINDOW_SECONDS, now);
  const guardedAi = cardMessageAi(config, runtime.metrics, logger);
  const deps: GiftcardsDeps = {
    config,
    logger,
    relay,
    limiter,
    ai: guardedAi?.ai ?? null,
    // Share links: configured, or where this server listens (known once it does).
    publicUrl: () => config.GIFTCARDS_PUBLIC_URL?.replace(/\/$/, '') ?? service.origin,
    now,
  };
  const service = await runtime.wire(async () => {
    await limiter.ensureIndexes();
    runtime.track([
      await consumeOrderEvents(bus, orm, processed, logger),
      await consumeProductEvents(bus, orm, processed, logger),
    ]);
    // Attempt records of ended windows are useless; the local database has no TTL indexes.
    const sweeper = setInterval(
      () => void limiter.sweep().catch((error: unknown) => logger.warn('sweep failed', { error })),
      config.CARD_GUESS_WINDOW_SECONDS * 1000,
    );
    sweeper.unref();
    runtime.track({ stop: () => clearInterval(sweeper) });
    const shell = await createSubgraphServer({
      name: 'giftcards',
      version: serviceVersion(import.meta.url, config.BUILD_COMMIT),
      schema: await buildSchema(),
      callerSecret: config.CALLER_SIGNING_SECRET,
      logger,
      createContext: (caller) => createContext(orm, deps, caller),
      routes: publicRoutes({
        cards: () => new CardService(orm.em.fork(), deps),
        logger,
        trustForwardedFor: config.CARD_TRUST_FORWARDED_FOR,
      }),
      readiness: withAiReadiness(runtime.readiness, guardedAi?.breaker),
      onClose: () => runtime.close(),
    });
    return serviceOf(shell, { port: config.PORT, host: config.HOST }, { deps, orm, relay, bus });
  });
  return service;
}

/** The uniform entry the end-to-end harness uses for every subgraph. */
export const buildServerFromEnv = (
  env: Record<string, string | undefined>,
  overrides: { logger?: Logger; now?: () => Date } = {},
) => buildServer(loadGiftcardsConfig(env), overrides);
