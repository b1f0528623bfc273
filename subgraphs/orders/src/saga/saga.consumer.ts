import { type Consumption, type EventEnvelope, decodeEvent } from '@bloom/kernel';
import {
  OrderFailureReason,
  couponRedeemed,
  couponRejected,
  inventoryRejected,
  inventoryReserved,
} from '@bloom/schema';
import type { MikroORM } from '@mikro-orm/mongodb';
import type { OrdersDeps } from '../orders.deps.js';
import { CheckoutSaga } from './checkout-saga.service.js';

const CONSUMER = 'orders-saga';

/**
 * The stores answers that drive the saga. Each event is handled once per consumer
 * (ProcessedEvents), in its own EntityManager fork; the effects are idempotent on their own.
 */
export function startSagaConsumer(orm: MikroORM, deps: OrdersDeps): Promise<Consumption> {
  const handle = async (event: EventEnvelope) => {
    const saga = new CheckoutSaga(orm.em.fork(), deps);
    switch (event.type) {
      case inventoryReserved.type:
        return saga.onReserved(
          decodeEvent(inventoryReserved, event).payload.orderId,
          event.traceId,
        );
      case inventoryRejected.type: {
        const { orderId, reason } = decodeEvent(inventoryRejected, event).payload;
        // ORDER_CLOSED: the order already failed here; nothing to add.
        if (reason !== 'ORDER_CLOSED') await saga.fail(orderId, reason, undefined, event.traceId);
        return;
      }
      case couponRedeemed.type:
        return saga.onCouponRedeemed(
          decodeEvent(couponRedeemed, event).payload.orderId,
          event.traceId,
        );
      case couponRejected.type: {
        const { orderId, reason } = decodeEvent(couponRejected, event).payload;
        if (reason !== 'ORDER_CLOSED') {
          await saga.fail(orderId, OrderFailureReason.COUPON_REJECTED, `${reason}`, event.traceId);
        }
        return;
      }
      default:
        return;
    }
  };
  return deps.bus.consume({
    durable: CONSUMER,
    types: [
      inventoryReserved.type,
      inventoryRejected.type,
      couponRedeemed.type,
      couponRejected.type,
    ],
    concurrency: 16,
    handle: (event) =>
      deps.processed.once(CONSUMER, event.id, () => handle(event)).then(() => undefined),
  });
}
