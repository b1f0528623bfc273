import type { Logger, OutboxRelay, ProcessedEvents } from '@bloom/kernel';
import type { StoresConfig } from './stores.config.js';

/** Long-lived collaborators shared by every request and event handler of the stores service. */
export interface StoresDeps {
  config: StoresConfig;
  logger: Logger;
  relay: OutboxRelay;
  processed: ProcessedEvents;
  /** Injectable clock so slot, coupon and low-stock windows can be tested without waiting. */
  now: () => Date;
}

export const SOURCE = 'stores';
