import type { EventBus, Logger, OutboxRelay, ProcessedEvents } from '@bloom/kernel';
import type { BillingKeys } from './billing/billing-keys.js';
import type { SubscriptionsConfig } from './subscriptions.config.js';

/** Long-lived collaborators shared by every request, handler and scheduler run. */
export interface SubscriptionsDeps {
  config: SubscriptionsConfig;
  logger: Logger;
  relay: OutboxRelay;
  bus: EventBus;
  processed: ProcessedEvents;
  billing: BillingKeys;
  /** Injectable clock: tests run months of cycles in seconds. */
  now: () => Date;
}

export const SOURCE = 'subscriptions';
