import { type Caller, type EntityManager, requireUser } from '@bloom/kernel';
import type { MikroORM } from '@mikro-orm/mongodb';
import { InboxService } from './notices/inbox.service.js';
import type { NotificationsDeps } from './notifications.deps.js';
import { SettingsService } from './settings/settings.service.js';
import type { SecretBox } from './webhooks/webhook-secrets.js';
import type { WebhookDispatcher } from './webhooks/webhook.dispatcher.js';
import { WebhooksService } from './webhooks/webhooks.service.js';

export interface NotificationsContext {
  caller: Caller;
  em: EntityManager;
  deps: NotificationsDeps;
  /** The signed-in reader's inbox; refuses anonymous callers. */
  inbox(): InboxService;
  settings(): SettingsService;
  /** The caller's webhook endpoints (a person's, or an API key owner's). */
  webhooks(): WebhooksService;
}

/** What requests need of the webhook machinery, built once per process. */
export interface WebhookRuntime {
  box: SecretBox;
  dispatcher: WebhookDispatcher;
}

/** One EntityManager fork per request. */
export function createContext(
  orm: MikroORM,
  deps: NotificationsDeps,
  webhooks: WebhookRuntime,
  caller: Caller,
): NotificationsContext {
  const em = orm.em.fork();
  let inbox: InboxService | undefined;
  return {
    caller,
    em,
    deps,
    inbox: () => (inbox ??= new InboxService(em, deps, requireUser(caller))),
    settings: () => new SettingsService(em, deps, requireUser(caller)),
    webhooks: () =>
      new WebhooksService(em, deps, webhooks.box, webhooks.dispatcher, requireUser(caller)),
  };
}
