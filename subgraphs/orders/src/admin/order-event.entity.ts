import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import {
  type EntityManager,
  type EventEnvelope,
  type GroupCommit,
  groupCommit,
} from '@bloom/kernel';
import type { Db } from 'mongodb';

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

type OrderEventDoc = Pick<OrderEventEntry, '_id' | 'orderId' | 'type' | 'source' | 'at'>;

/**
 * Keeps the events of orders in the ledger, a second copy of one being a no-op. Events that
 * arrive while a write is in flight are written together by the next one (a group commit): one
 * round trip for many events under load, and no wait for a lone event.
 */
export class OrderEventLedger {
  private readonly writes: GroupCommit<OrderEventDoc>;

  constructor(db: Db) {
    this.writes = groupCommit<OrderEventDoc>(db, 'order_events');
  }

  /** Resolves once the event is stored (or was already). */
  async keep(orderId: string, event: EventEnvelope): Promise<void> {
    await this.writes.insertNew({
      _id: event.id,
      orderId,
      type: event.type,
      source: event.source,
      at: new Date(event.occurredAt),
    });
  }
}

export const eventsOf = (em: EntityManager, orderId: string): Promise<OrderEventEntry[]> =>
  em.find(OrderEventEntry, { orderId }, { orderBy: { at: 'asc', _id: 'asc' } });
