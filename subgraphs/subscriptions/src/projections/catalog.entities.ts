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

/** Stores' snapshot of a store: its seller sees its subscriptions. */
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

  @Property()
  version!: number;
}
