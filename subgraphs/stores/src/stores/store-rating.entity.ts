import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A product's rating as products last announced it (`products.product.ratingChanged`),
 * `_id` = product id; the store's rating is aggregated from these.
 */
@Entity({ collection: 'product_ratings' })
@Index({ properties: ['storeId'] })
export class ProductRating {
  @PrimaryKey()
  _id!: string;

  @Property()
  storeId!: string;

  @Property()
  ratingSum!: number;

  @Property()
  ratingCount!: number;

  @Property()
  updatedAt!: Date;
}

/**
 * The store's rating: the mean of every rating its products received (Σ sums / Σ counts), kept
 * apart from the store document so a seller's profile edit can never write an old one back.
 */
@Entity({ collection: 'store_ratings' })
export class StoreRating {
  @PrimaryKey()
  _id!: string;

  @Property()
  rating!: number;

  @Property()
  ratingCount!: number;

  @Property()
  updatedAt!: Date;
}
