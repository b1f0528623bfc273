import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { type EntityManager, type EventEnvelope, insertNew } from '@bloom/kernel';
import type { Collection, Db } from 'mongodb';

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

interface Pending {
  doc: OrderEventDoc;
  settle: (error?: Error) => void;
}

/**
 * Keeps the events of orders in the ledger, a second copy of one being a no-op. Events that
 * arrive while a write is in flight are written together by the next one (a group commit): one
 * round trip for many events under load, and no wait for a lone event.
 */
export class OrderEventLedger {
  private readonly collection: Collection<OrderEventDoc>;
  private queue: Pending[] = [];
  private writing = false;

  constructor(
    db: Db,
    private readonly maxBatch = 500,
  ) {
    this.collection = db.collection<OrderEventDoc>('order_events');
  }

  /** Resolves once the event is stored (or was already). */
  keep(orderId: string, event: EventEnvelope): Promise<void> {
    const doc = {
      _id: event.id,
      orderId,
      type: event.type,
      source: event.source,
      at: new Date(event.occurredAt),
    };
    return new Promise((resolve, reject) => {
      this.queue.push({ doc, settle: (error) => (error ? reject(error) : resolve()) });
      if (!this.writing) void this.write();
    });
  }

  private async write(): Promise<void> {
    this.writing = true;
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch);
      // One event twice in a batch (a redelivery meanwhile) would be one insert refused.
      const docs = [...new Map(batch.map((p) => [p.doc._id, p.doc])).values()];
      try {
        await insertNew(this.collection, docs);
        for (const pending of batch) pending.settle();
      } catch (error) {
        const failure = error instanceof Error ? error : new Error(String(error));
        for (const pending of batch) pending.settle(failure);
      }
    }
    this.writing = false;
  }
}

export const eventsOf = (em: EntityManager, orderId: string): Promise<OrderEventEntry[]> =>
  em.find(OrderEventEntry, { orderId }, { orderBy: { at: 'asc', _id: 'asc' } });
