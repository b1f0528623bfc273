import {
  type EventBus,
  type Logger,
  type Service,
  ServiceRuntime,
  createLogger,
  createSubgraphServer,
  serviceOf,
  serviceVersion,
} from '@bloom/kernel';
import { HttpMailProvider, type MailProvider } from './delivery/mail.provider.js';
import { MailMessage, SendClaim, SmsMessage } from './delivery/outgoing.entities.js';
import { OutgoingSender } from './delivery/outgoing.sender.js';
import { HttpSmsProvider, type SmsProvider } from './delivery/sms.provider.js';
import { AuditFanOut } from './live/audit-fan-out.consumer.js';
import { OrderStatusChangeRecord, ProductRestockRecord } from './live/live.entities.js';
import { NoticeDispatcher } from './notices/notice.dispatcher.js';
import { InboxWatermark, Notice, NoticeRead } from './notices/notice.entity.js';
import { type NotificationsConfig, loadNotificationsConfig } from './notifications.config.js';
import { createContext } from './notifications.context.js';
import type { NotificationsDeps } from './notifications.deps.js';
import {
  Contact,
  OrderParties,
  ProductName,
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
  ProductName,
  ProductRestockRecord,
  OrderStatusChangeRecord,
];

export interface NotificationsOverrides {
  logger?: Logger;
  now?: () => Date;
  sms?: SmsProvider;
  mail?: MailProvider;
}

export interface NotificationsServer extends Service {
  deps: NotificationsDeps;
  bus: EventBus;
  consumer: NoticeConsumer;
  sender: OutgoingSender;
  auditFanOut: AuditFanOut;
}

/** Wires the notifications service: runtime, event consumers, SMS/mail sender and GraphQL. */
export async function buildServer(
  config: NotificationsConfig,
  overrides: NotificationsOverrides = {},
): Promise<NotificationsServer> {
  const logger =
    overrides.logger ?? createLogger({ service: 'notifications', level: config.LOG_LEVEL });
  const runtime = await ServiceRuntime.start({
    name: 'notifications',
    logger,
    mongoUrl: config.MONGO_URL,
    dbName: config.NOTIFICATIONS_DB,
    entities: notificationsEntities,
    natsUrl: config.NATS_URL,
    namespace: config.EVENT_NAMESPACE,
    eventConcurrency: config.EVENT_CONCURRENCY,
    outbox: [],
  });
  const { orm, bus } = runtime;
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
  return runtime.wire(async () => {
    const sender = runtime.track(new OutgoingSender(orm, deps, logger));
    sender.start(config.SMS_SWEEP_INTERVAL_MS);
    const dispatcher = new NoticeDispatcher(deps, sender);
    const consumer = runtime.track(new NoticeConsumer(orm, bus, deps, dispatcher, logger));
    await consumer.start();
    const auditFanOut = runtime.track(new AuditFanOut(orm, bus, deps));
    await auditFanOut.start();
    const shell = await createSubgraphServer({
      name: 'notifications',
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
      { deps, bus, consumer, sender, auditFanOut },
    );
  });
}

/** The uniform entry the end-to-end harness uses for every subgraph. */
export const buildServerFromEnv = (
  env: Record<string, string | undefined>,
  overrides: NotificationsOverrides = {},
) => buildServer(loadNotificationsConfig(env), overrides);
