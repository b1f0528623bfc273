import {
  databaseAndBusReadiness,
  EventBus,
  type Logger,
  type RunningServer,
  createLogger,
  createOrm,
  rawDb,
  startSubgraphServer,
} from '@bloom/kernel';
import { HttpMailProvider, type MailProvider } from './delivery/mail.provider.js';
import { MailMessage, SendClaim, SmsMessage } from './delivery/outgoing.entities.js';
import { OutgoingSender } from './delivery/outgoing.sender.js';
import { HttpSmsProvider, type SmsProvider } from './delivery/sms.provider.js';
import { OrderStatusChangeRecord, ProductRestockRecord } from './live/live.entities.js';
import { NoticeDispatcher } from './notices/notice.dispatcher.js';
import { InboxWatermark, Notice, NoticeRead } from './notices/notice.entity.js';
import { type NotificationsConfig, loadNotificationsConfig } from './notifications.config.js';
import { createContext } from './notifications.context.js';
import type { NotificationsDeps } from './notifications.deps.js';
import {
  Contact,
  OrderParties,
  SmsSetting,
  StoreOwner,
} from './projections/projection.entities.js';
import { NoticeConsumer } from './routing/notice.consumer.js';
import { buildSchema } from './schema.js';

export const notificationsEntities = [
  Notice,
  NoticeRead,
  InboxWatermark,
  SmsMessage,
  MailMessage,
  SendClaim,
  Contact,
  SmsSetting,
  StoreOwner,
  OrderParties,
  ProductRestockRecord,
  OrderStatusChangeRecord,
];

export interface NotificationsOverrides {
  logger?: Logger;
  now?: () => Date;
  sms?: SmsProvider;
  mail?: MailProvider;
}

export interface NotificationsServer extends RunningServer {
  deps: NotificationsDeps;
  bus: EventBus;
  consumer: NoticeConsumer;
  sender: OutgoingSender;
}

/** Wires the notifications service: database, event consumers, SMS/mail sender and GraphQL. */
export async function buildServer(
  config: NotificationsConfig,
  overrides: NotificationsOverrides = {},
): Promise<NotificationsServer> {
  const logger =
    overrides.logger ?? createLogger({ service: 'notifications', level: config.LOG_LEVEL });
  const orm = await createOrm({
    clientUrl: config.MONGO_URL,
    dbName: config.NOTIFICATIONS_DB,
    entities: notificationsEntities,
  });
  const bus = await EventBus.connect({
    servers: config.NATS_URL,
    namespace: config.EVENT_NAMESPACE,
    name: 'notifications',
    logger,
  });
  const provider = {
    baseUrl: config.SMS_API_URL,
    account: config.SMS_ACCOUNT,
    apiKey: config.SMS_API_KEY,
    timeoutMs: config.PROVIDER_TIMEOUT_MS,
  };
  const deps: NotificationsDeps = {
    config,
    logger,
    sms: overrides.sms ?? new HttpSmsProvider(provider),
    mail: overrides.mail ?? new HttpMailProvider(provider),
    live: bus,
    now: overrides.now ?? (() => new Date()),
  };
  const sender = new OutgoingSender(orm, deps, logger);
  const consumer = new NoticeConsumer(orm, bus, deps, new NoticeDispatcher(deps, sender), logger);
  await consumer.start();
  sender.start(config.SMS_SWEEP_INTERVAL_MS);
  const db = rawDb(orm.em);

  const server = await startSubgraphServer(
    {
      name: 'notifications',
      schema: await buildSchema(),
      callerSecret: config.CALLER_SIGNING_SECRET,
      logger,
      createContext: (caller) => createContext(orm, deps, caller),
      readiness: databaseAndBusReadiness(db, bus),
      onClose: async () => {
        await consumer.stop();
        await sender.stop();
        await bus.close();
        await orm.close();
      },
    },
    { port: config.PORT, host: config.HOST },
  );
  return { ...server, deps, bus, consumer, sender };
}

/** The uniform entry the end-to-end harness uses for every subgraph. */
export const buildServerFromEnv = (
  env: Record<string, string | undefined>,
  overrides: NotificationsOverrides = {},
) => buildServer(loadNotificationsConfig(env), overrides);
