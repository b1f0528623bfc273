import type { EventBus, Logger, OutboxRelay, ProcessedEvents } from '@bloom/kernel';
import type { OrdersConfig } from './orders.config.js';
import type { PaymentProvider } from './payments/payment.provider.js';
import type { SagaAdmission } from './saga/saga.admission.js';

/** Long-lived collaborators shared by every request and handler of the orders service. */
export interface OrdersDeps {
  config: OrdersConfig;
  logger: Logger;
  relay: OutboxRelay;
  bus: EventBus;
  processed: ProcessedEvents;
  payments: PaymentProvider;
  /** Checkout waits here while the saga is behind (back-pressure). */
  admission: SagaAdmission;
  /** Injectable clock: deadlines, pickups and statistics are tested without waiting. */
  now: () => Date;
}

export const SOURCE = 'orders';
