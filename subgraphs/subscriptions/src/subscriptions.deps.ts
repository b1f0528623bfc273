import type { DocumentLocks, EventBus, Logger, OutboxRelay, ProcessedEvents } from '@bloom/kernel';
import type { BillingKeys } from './billing/billing-keys.js';
import type { SubscriptionsConfig } from './subscriptions.config.js';

/** Long-lived collaborators shared by every request, handler and scheduler run. */
export interface SubscriptionsDeps {
  config: SubscriptionsConfig;
  logger: Logger;
  relay: OutboxRelay;
  bus: EventBus;
  processed: ProcessedEvents;
  /** Subscription documents receive concurrent writes (customer, consumers, relay). */
  locks: DocumentLocks;
  billing: BillingKeys;
  /** Injectable clock: tests run months of cycles in seconds. */
  now: () => Date;
}

export const SOURCE = 'subscriptions';
