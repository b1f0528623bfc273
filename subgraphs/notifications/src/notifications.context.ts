import { type Caller, type EntityManager, requireUser } from '@bloom/kernel';
import type { MikroORM } from '@mikro-orm/mongodb';
import { InboxService } from './notices/inbox.service.js';
import type { NotificationsDeps } from './notifications.deps.js';
import { SettingsService } from './settings/settings.service.js';

export interface NotificationsContext {
  caller: Caller;
  em: EntityManager;
  deps: NotificationsDeps;
  /** The signed-in reader's inbox; refuses anonymous callers. */
  inbox(): InboxService;
  settings(): SettingsService;
}

/** One EntityManager fork per request. */
export function createContext(
  orm: MikroORM,
  deps: NotificationsDeps,
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
  };
}
