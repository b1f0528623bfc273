import type { DocumentLocks, Logger, OutboxRelay, ProcessedEvents } from '@bloom/kernel';
import type { StoresConfig } from './stores.config.js';

/** Long-lived collaborators shared by every request and event handler of the stores service. */
export interface StoresDeps {
  config: StoresConfig;
  logger: Logger;
  relay: OutboxRelay;
  /**
   * Held for every update of a store or coupon document, as the relay does when it removes
   * published events: on FerretDB two overlapping updates of one document lose one (ADR 0001).
   */
  storeLocks: DocumentLocks;
  couponLocks: DocumentLocks;
  processed: ProcessedEvents;
  /** Injectable clock so slot, coupon and low-stock windows can be tested without waiting. */
  now: () => Date;
}

export const SOURCE = 'stores';
