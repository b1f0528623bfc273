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
import { SecretBox } from './webhooks/webhook-secrets.js';
import { WebhookConsumer } from './webhooks/webhook.consumer.js';
import { WebhookDispatcher } from './webhooks/webhook.dispatcher.js';
import { WebhookDeliveryRecord, WebhookEndpointRecord } from './webhooks/webhook.entities.js';
import { NoticeKind } from './notices/notice-kind.js';

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
  WebhookEndpointRecord,
  WebhookDeliveryRecord,
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
  webhooks: { consumer: WebhookConsumer; dispatcher: WebhookDispatcher };
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
    const box = new SecretBox(config.WEBHOOK_SECRETS_KEY);
    const webhookDispatcher = runtime.track(
      new WebhookDispatcher(orm, deps, box, logger, async (endpoint, at) => {
        // Keyed by the endpoint and the change that disabled it: told once.
        await dispatcher.dispatch(
          orm.em.fork(),
          { id: `webhook-disabled:${endpoint._id}:${endpoint.revision}` },
          {
            recipient: { userId: endpoint.ownerId },
            kind: NoticeKind.WEBHOOK_DISABLED,
            title: '웹훅 전송을 멈췄습니다 (Webhook endpoint disabled)',
            body: `${endpoint.url} — ${endpoint.consecutiveFailures}회 연속 전송에 실패해 ${at.toISOString()}에 멈췄습니다. 받는 쪽을 고친 뒤 다시 켜 주세요. (Disabled after ${endpoint.consecutiveFailures} failed deliveries in a row; fix the receiver, then enable it again.)`,
          },
        );
      }),
    );
    webhookDispatcher.start(config.WEBHOOK_SWEEP_INTERVAL_MS);
    const webhookConsumer = runtime.track(new WebhookConsumer(orm, bus, deps, webhookDispatcher));
    await webhookConsumer.start();
    const shell = await createSubgraphServer({
      name: 'notifications',
      version: serviceVersion(import.meta.url, config.BUILD_COMMIT),
      schema: await buildSchema(),
      callerSecret: config.CALLER_SIGNING_SECRET,
      logger,
      createContext: (caller) =>
        createContext(orm, deps, { box, dispatcher: webhookDispatcher }, caller),
      readiness: runtime.readiness,
      onClose: () => runtime.close(),
    });
    return serviceOf(
      shell,
      { port: config.PORT, host: config.HOST },
      {
        deps,
        bus,
        consumer,
        sender,
        auditFanOut,
        webhooks: { consumer: webhookConsumer, dispatcher: webhookDispatcher },
      },
    );
  });
}

/** The uniform entry the end-to-end harness uses for every subgraph. */
export const buildServerFromEnv = (
  env: Record<string, string | undefined>,
  overrides: NotificationsOverrides = {},
) => buildServer(loadNotificationsConfig(env), overrides);
