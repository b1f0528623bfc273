import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { type EntityManager, type EventEnvelope, isDuplicateKeyError } from '@bloom/kernel';

/**
 * One published event about an order, as the bus delivered it (`_id` = the event id): the
 * orders outbox forgets an event once it is published, so this ledger is what keeps the
 * order's events for its story. Insert-only; a redelivery finds its id taken.
 */
@Entity({ collection: 'order_events' })
@Index({ properties: ['orderId', 'at'] })
export class OrderEventEntry {
  @PrimaryKey()
  _id!: string;

  @Property()
  orderId!: string;

  @Property()
  type!: string;

  @Property()
  source!: string;

  /** When the change happened (the envelope's occurredAt). */
  @Property()
  at!: Date;
}

/** Keeps one event of an order; a second copy is a no-op. */
export async function keepOrderEvent(
  em: EntityManager,
  orderId: string,
  event: EventEnvelope,
): Promise<void> {
  try {
    await em.insert(OrderEventEntry, {
      _id: event.id,
      orderId,
      type: event.type,
      source: event.source,
      at: new Date(event.occurredAt),
    });
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
  }
}

export const eventsOf = (em: EntityManager, orderId: string): Promise<OrderEventEntry[]> =>
  em.find(OrderEventEntry, { orderId }, { orderBy: { at: 'asc', _id: 'asc' } });
