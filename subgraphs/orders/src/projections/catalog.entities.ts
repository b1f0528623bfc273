import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** One flower of a product's recipe: how many stems one unit consumes. */
export interface RecipeItem {
  flowerId: number;
  count: number;
}

/**
 * What orders knows about a product, projected from products events (a subgraph cannot call
 * another). `version` is the producer's event sequence, so a late, older event never
 * overwrites a newer one.
 */
@Entity({ collection: 'product_projections' })
@Index({ properties: ['storeId'] })
export class ProductProjection {
  @PrimaryKey()
  _id!: string;

  @Property()
  storeId!: string;

  @Property()
  name!: string;

  @Property()
  price!: number;

  /** ON_SALE, SOLD_OUT, DISCONTINUED, DELETED. */
  @Property()
  status!: string;

  @Property({ type: 'json' })
  recipe: RecipeItem[] = [];

  @Property()
  version: number = 0;

  @Property()
  updatedAt: Date = new Date();
}

/** A store's owner and delivery policy, projected from stores events. */
@Entity({ collection: 'store_projections' })
@Index({ properties: ['ownerId'] })
export class StoreProjection {
  @PrimaryKey()
  _id!: string;

  @Property({ nullable: true })
  ownerId?: string;

  @Property()
  name: string = '';

  @Property({ nullable: true })
  regionCode?: string;

  @Property()
  deliveryFee: number = 0;

  /** Product subtotal from which delivery is free; null means never free. */
  @Property({ nullable: true })
  freeDeliveryThreshold?: number;

  /** OPEN, SUSPENDED, CLOSED. */
  @Property()
  status: string = 'OPEN';

  /** `HH:mm` (Seoul): same-day delivery is ordered before it; unknown until a snapshot has it. */
  @Property({ nullable: true })
  sameDayCutoff?: string;

  /** The delivery windows the store offers, `HH:mm` (Seoul). */
  @Property({ type: 'json', nullable: true })
  deliveryWindows?: { start: string; end: string }[];

  /** 0 = Sunday … 6 = Saturday; absent when the store's snapshot predates business hours. */
  @Property({ type: 'json', nullable: true })
  closedWeekdays?: number[];

  @Property()
  version: number = 0;

  @Property()
  updatedAt: Date = new Date();
}

/**
 * A store's sellable stock of one flower, projected from the stores inventory events;
 * `_id` = `<storeId>:<flowerId>`. The figure with the highest ledger `seq` wins.
 */
@Entity({ collection: 'flower_stock_projections' })
@Index({ properties: ['storeId'] })
export class FlowerStockProjection {
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

/** A coupon's terms, projected from stores events; stores redeems it authoritatively. */
@Entity({ collection: 'coupon_projections' })
export class CouponProjection {
  @PrimaryKey()
  _id!: string;

  @Property()
  storeId!: string;

  @Property()
  discountAmount!: number;

  @Property()
  minOrderAmount: number = 0;

  @Property({ nullable: true })
  startsAt?: Date;

  @Property({ nullable: true })
  endsAt?: Date;

  /** The one way of receiving an order it is for; null or absent: delivery and pickup alike. */
  @Property({ nullable: true })
  onlyFor?: 'DELIVERY' | 'PICKUP' | null;

  @Property()
  version: number = 0;
}
