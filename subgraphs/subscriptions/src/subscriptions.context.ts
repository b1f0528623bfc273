import { type Caller, type EntityManager, keyedLoader } from '@bloom/kernel';
import type { MikroORM } from '@mikro-orm/mongodb';
import type DataLoader from 'dataloader';
import type { Subscription } from './subscriptions/subscription.entity.js';
import { SubscriptionCommandsService } from './subscriptions/subscription-commands.service.js';
import { SubscriptionQueriesService } from './subscriptions/subscription-queries.service.js';
import type { SubscriptionsDeps } from './subscriptions.deps.js';

export interface SubscriptionsContext {
  caller: Caller;
  em: EntityManager;
  deps: SubscriptionsDeps;
  subscriptionCommands: SubscriptionCommandsService;
  subscriptionQueries: SubscriptionQueriesService;
  subscriptionLoader: DataLoader<string, Subscription | null>;
}

/** One EntityManager fork and one set of loaders per request. */
export function createContext(
  orm: MikroORM,
  deps: SubscriptionsDeps,
  caller: Caller,
): SubscriptionsContext {
  const em = orm.em.fork();
  const subscriptionQueries = new SubscriptionQueriesService(em);
  return {
    caller,
    em,
    deps,
    subscriptionCommands: new SubscriptionCommandsService(em, deps),
    subscriptionQueries,
    subscriptionLoader: keyedLoader<string, Subscription>(
      (ids) => subscriptionQueries.byIds(ids),
      (subscription) => subscription._id,
    ),
  };
}
