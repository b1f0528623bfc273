import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** Products' snapshot of a product (last writer wins by version); only what subscribing needs. */
@Entity({ collection: 'product_projections' })
export class ProductProjection {
  @PrimaryKey()
  _id!: string;

  @Property()
  storeId!: string;

  @Property()
  name!: string;

  @Property()
  price!: number;

  @Property()
  status!: string;

  @Property()
  isSubscription!: boolean;

  @Property()
  version!: number;
}

/** Stores' snapshot of a store: its seller sees its subscriptions; cycles pay its delivery fee. */
@Entity({ collection: 'store_projections' })
export class StoreProjection {
  @PrimaryKey()
  _id!: string;

  @Property({ nullable: true })
  sellerId?: string | null;

  @Property({ nullable: true })
  name?: string;

  @Property({ nullable: true })
  status?: string;

  @Property({ nullable: true })
  deliveryFee?: number | null;

  /** The fee is 0 once a cycle's subtotal reaches this; null: never free. */
  @Property({ nullable: true })
  freeDeliveryThreshold?: number | null;

  /** Delivery windows, `HH:mm-HH:mm`. */
  @Property({ nullable: true })
  windows?: string[] | null;

  @Property()
  version!: number;

  /** The delivery fee of one cycle's subtotal under this store's policy. */
  deliveryFeeFor(subtotal: number): number {
    const threshold = this.freeDeliveryThreshold ?? null;
    if (threshold !== null && subtotal >= threshold) return 0;
    return this.deliveryFee ?? 0;
  }
}
