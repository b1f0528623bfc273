import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * What products knows about a store, projected from stores events: who owns it (the caller's
 * token carries only a user id) and whether it is open. `sequence` orders the store's profile
 * snapshots and `statusSequence` its status changes (they come from different logs), so an
 * older event arriving late never overwrites a newer one.
 */
@Entity({ collection: 'store_projections' })
@Index({ properties: ['ownerUserId'] })
export class StoreProjection {
  /** The store id. */
  @PrimaryKey()
  _id!: string;

  @Property()
  ownerUserId!: string;

  @Property()
  name: string = '';

  /** OPEN, SUSPENDED or CLOSED. */
  @Property()
  status: string = 'OPEN';

  @Property()
  sequence: number = 0;

  @Property()
  statusSequence: number = 0;

  @Property()
  updatedAt: Date = new Date();
}

/**
 * A store's sellable stock of one flower, projected from the stores inventory events;
 * `_id` = `<storeId>:<flowerId>`. The figure with the highest ledger `seq` wins.
 */
@Entity({ collection: 'flower_stock' })
@Index({ properties: ['storeId'] })
export class FlowerStock {
  @PrimaryKey()
  _id!: string;

  @Property()
  storeId!: string;

  @Property()
  flowerId!: number;

  @Property()
  available!: number;

  @Property()
  seq!: number;
}
