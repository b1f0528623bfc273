import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import type { EventEnvelope } from '@bloom/kernel';

/**
 * A seller's stock change across flowers, `_id = <storeId>:<adjustmentId>`, written once its
 * ledger entries are in; it carries the `stores.inventory.adjusted` event. A retried request
 * with the same id finds it and changes nothing again.
 */
@Entity({ collection: 'stock_adjustments' })
@Index({ properties: ['storeId', 'at'] })
export class StockAdjustment {
  @PrimaryKey()
  _id!: string;

  @Property()
  storeId!: string;

  @Property()
  adjustmentId!: string;

  @Property()
  actorId!: string;

  @Property({ nullable: true })
  reason?: string;

  @Property({ type: 'json' })
  changes: { flowerId: number; delta: number }[] = [];

  @Property()
  at!: Date;

  @Property({ type: 'json' })
  outbox: EventEnvelope[] = [];

  @Property()
  eventSequence: number = 0;
}
