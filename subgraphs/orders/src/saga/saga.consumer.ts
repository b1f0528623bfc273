import { type Consumption, type EventEnvelope, decodeEvent } from '@bloom/kernel';
import { inventoryRejected, inventoryReserved } from '@bloom/schema';
import type { MikroORM } from '@mikro-orm/mongodb';
import type { OrdersDeps } from '../orders.deps.js';
import { CheckoutSaga } from './checkout-saga.service.js';

export const SAGA_CONSUMER = 'orders-saga';

/**
 * The stores answers that drive the saga. Each event is handled once per consumer
 * (ProcessedEvents), in its own EntityManager fork; the effects are idempotent on their own.
 */
export function startSagaConsumer(orm: MikroORM, deps: OrdersDeps): Promise<Consumption> {
  const handle = async (event: EventEnvelope) => {
    const saga = new CheckoutSaga(orm.em.fork(), deps);
    switch (event.type) {
      case inventoryReserved.type: {
        const { orderId, coupon } = decodeEvent(inventoryReserved, event).payload;
        return saga.onReserved(orderId, Boolean(coupon), event.traceId);
      }
      case inventoryRejected.type: {
        const { orderId, reason, couponReason } = decodeEvent(inventoryRejected, event).payload;
        // ORDER_CLOSED: the order already failed here; nothing to add.
        if (reason === 'ORDER_CLOSED') return;
        // The coupon's own reason (e.g. ALREADY_USED) is the detail staff see.
        await saga.fail(orderId, reason, couponReason, event.traceId);
        return;
      }
      default:
        return;
    }
  };
  return deps.bus.consume({
    durable: SAGA_CONSUMER,
    types: [inventoryReserved.type, inventoryRejected.type],
    concurrency: 16,
    handle: (event) =>
      deps.processed.once(SAGA_CONSUMER, event.id, () => handle(event)).then(() => undefined),
  });
}
