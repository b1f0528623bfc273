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
import { CardService } from './cards/card.service.js';
import { GiftCard } from './cards/gift-card.entity.js';
import { GuessLimiter } from './cards/guess.limiter.js';
import { type GiftcardsConfig, loadGiftcardsConfig } from './giftcards.config.js';
import { createContext } from './giftcards.context.js';
import type { GiftcardsDeps } from './giftcards.deps.js';
import { publicRoutes } from './http/public.routes.js';
import { consumeOrderEvents } from './orders/order-line.consumer.js';
import { OrderLineView, OrderStateMark } from './orders/order-line.entities.js';
import { consumeProductEvents } from './products/product-flower.consumer.js';
import { ProductFlower } from './products/product-flower.entity.js';
import { buildSchema } from './schema.js';
import { AiMessageSuggester } from './suggestions/ai-message.suggester.js';

export const giftcardsEntities = [GiftCard, OrderLineView, OrderStateMark, ProductFlower];

export interface GiftcardsServer extends RunningServer {
  deps: GiftcardsDeps;
  orm: MikroORM;
  relay: OutboxRelay;
  bus: EventBus;
}

/** Wires the giftcards service: database, event consumers, outbox relay, GraphQL and HTTP. */
export async function buildServer(
  config: GiftcardsConfig,
  overrides: { logger?: Logger; now?: () => Date } = {},
): Promise<GiftcardsServer> {
  const logger =
    overrides.logger ?? createLogger({ service: 'giftcards', level: config.LOG_LEVEL });
  const now = overrides.now ?? (() => new Date());
  const orm = await createOrm({
    clientUrl: config.MONGO_URL,
    dbName: config.GIFTCARDS_DB,
    entities: giftcardsEntities,
  });
  const bus = await EventBus.connect({
    servers: config.NATS_URL,
    namespace: config.EVENT_NAMESPACE,
    name: 'giftcards',
    logger,
  });
  const db = rawDb(orm.em);
  const relay = new OutboxRelay(
    [db.collection('gift_cards')],
    (event) => bus.publish(event),
    logger,
  );
  const limiter = new GuessLimiter(db, config.CARD_GUESS_WINDOW_SECONDS, now);
  await limiter.ensureIndexes();
  let publicUrl = config.GIFTCARDS_PUBLIC_URL?.replace(/\/$/, '');
  const deps: GiftcardsDeps = {
    config,
    logger,
    relay,
    limiter,
    ai: config.OPENAI_API_KEY
      ? new AiMessageSuggester({
          apiKey: config.OPENAI_API_KEY,
          baseURL: config.OPENAI_BASE_URL,
          model: config.OPENAI_MODEL,
          timeoutMs: config.CARD_AI_TIMEOUT_MS,
          logger,
        })
      : null,
    publicUrl: () => publicUrl ?? `http://${config.HOST}:${config.PORT}`,
    now,
  };
  relay.start();

  const processed = new ProcessedEvents(db);
  const consumptions: Consumption[] = [
    await consumeOrderEvents(bus, orm, processed, logger),
    await consumeProductEvents(bus, orm, processed, logger),
  ];
  // Attempt records of ended windows are useless; the local database has no TTL indexes.
  const sweeper = setInterval(
    () => void limiter.sweep().catch((error: unknown) => logger.warn('sweep failed', { error })),
    config.CARD_GUESS_WINDOW_SECONDS * 1000,
  );
  sweeper.unref();

  const server = await startSubgraphServer(
    {
      name: 'giftcards',
      schema: await buildSchema(),
      callerSecret: config.CALLER_SIGNING_SECRET,
      logger,
      createContext: (caller) => createContext(orm, deps, caller),
      routes: publicRoutes({
        cards: () => new CardService(orm.em.fork(), deps),
        logger,
        trustForwardedFor: config.CARD_TRUST_FORWARDED_FOR,
      }),
      readiness: databaseAndBusReadiness(db, bus),
      onClose: async () => {
        clearInterval(sweeper);
        for (const consumption of consumptions) await consumption.stop();
        await relay.stop();
        await bus.close();
        await orm.close();
      },
    },
    { port: config.PORT, host: config.HOST },
  );
  publicUrl ??= `http://${config.HOST}:${server.port}`;
  return { ...server, deps, orm, relay, bus };
}

/** The uniform entry the end-to-end harness uses for every subgraph. */
export const buildServerFromEnv = (
  env: Record<string, string | undefined>,
  overrides: { logger?: Logger; now?: () => Date } = {},
) => buildServer(loadGiftcardsConfig(env), overrides);
