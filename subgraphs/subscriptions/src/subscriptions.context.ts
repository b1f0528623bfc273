import { type Caller, type EntityManager, keyedLoader } from '@bloom/kernel';
import type { MikroORM } from '@mikro-orm/mongodb';
import type DataLoader from 'dataloader';
import type { Subscription } from './subscriptions/subscription.entity.js';
import { SubscriptionService } from './subscriptions/subscription.service.js';
import type { SubscriptionsDeps } from './subscriptions.deps.js';

export interface SubscriptionsContext {
  caller: Caller;
  em: EntityManager;
  deps: SubscriptionsDeps;
  subscriptions: SubscriptionService;
  subscriptionLoader: DataLoader<string, Subscription | null>;
}

/** One EntityManager fork and one set of loaders per request. */
export function createContext(
  orm: MikroORM,
  deps: SubscriptionsDeps,
  caller: Caller,
): SubscriptionsContext {
  const em = orm.em.fork();
  const subscriptions = new SubscriptionService(em, deps);
  return {
    caller,
    em,
    deps,
    subscriptions,
    subscriptionLoader: keyedLoader<string, Subscription>(
      (ids) => subscriptions.byIds(ids),
      (subscription) => subscription._id,
    ),
  };
}
