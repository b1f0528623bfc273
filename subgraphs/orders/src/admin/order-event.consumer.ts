import { type Consumption, type EventEnvelope, rawDb } from '@bloom/kernel';
import {
  couponReturned,
  inventoryCommitted,
  inventoryRejected,
  inventoryReleased,
  inventoryReserved,
  orderCanceled,
  orderConfirmed,
  orderDelivered,
  orderFailed,
  orderLineCompleted,
  orderNewOrder,
  orderPickedUp,
  orderPlaced,
  orderPreparing,
  orderReadyForPickup,
  orderShipping,
} from '@bloom/schema';
import type { MikroORM } from '@mikro-orm/mongodb';
import type { OrdersDeps } from '../orders.deps.js';
import { OrderEventLedger } from './order-event.entity.js';

/** Every event orders publishes about an order. */
const ORDER_EVENTS = [
  orderPlaced,
  orderConfirmed,
  orderFailed,
  orderCanceled,
  orderNewOrder,
  orderPreparing,
  orderShipping,
  orderReadyForPickup,
  orderDelivered,
  orderPickedUp,
  orderLineCompleted,
].map((contract) => contract.type);

/** The stores answers and effects of an order's saga. */
const STORES_EVENTS = [
  inventoryReserved,
  inventoryRejected,
  inventoryCommitted,
  inventoryReleased,
  couponReturned,
].map((contract) => contract.type);

const orderIdOf = (event: EventEnvelope): string | null => {
  const payload = event.payload as { orderId?: unknown } | null;
  return typeof payload?.orderId === 'string' ? payload.orderId : null;
};

/**
 * Keeps the events of every order in its story ledger, as the bus delivered them. Separate
 * durable consumers (one per stream) so the saga's own consumers are untouched; the ledger's
 * unique id makes redeliveries harmless without a processed-event claim, and its group commit
 * writes the events both consumers hand it meanwhile in one round trip (hence their wide
 * concurrency: more events in flight, fewer writes).
 */
export async function startOrderEventConsumers(
  orm: MikroORM,
  deps: OrdersDeps,
): Promise<Consumption[]> {
  const ledger = new OrderEventLedger(rawDb(orm.em));
  const handle = async (event: EventEnvelope) => {
    const orderId = orderIdOf(event);
    if (orderId) await ledger.keep(orderId, event);
  };
  return Promise.all([
    deps.bus.consume({ durable: 'orders-story', types: ORDER_EVENTS, concurrency: 64, handle }),
    deps.bus.consume({
      durable: 'orders-story-stores',
      types: STORES_EVENTS,
      concurrency: 64,
      handle,
    }),
  ]);
}
