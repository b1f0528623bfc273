import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { EventEnvelope } from '@bloom/kernel';

/**
 * "This flower ran low", `_id = <storeId>:<flowerId>:<windowStart ISO>`: the first writer to
 * insert it in a window emits `stores.inventory.low`; everyone else hits the unique id, so the
 * seller hears about each flower at most once per window.
 */
@Entity({ collection: 'low_stock_alerts' })
export class LowStockAlert {
  @PrimaryKey()
  _id!: string;

  @Property()
  storeId!: string;

  @Property()
  flowerId!: number;

  @Property()
  available!: number;

  @Property()
  threshold!: number;

  @Property()
  windowStart!: Date;

  @Property()
  at!: Date;

  @Property({ type: 'json' })
  outbox: EventEnvelope[] = [];

  @Property()
  eventSequence: number = 0;
}
