import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** productId → representative flower, projected from products events. */
@Entity({ collection: 'product_flowers' })
export class ProductFlower {
  @PrimaryKey()
  _id!: string;

  @Property()
  flowerId!: string;

  /** Envelope sequence of the product event that set it; an older one never overwrites. */
  @Property()
  sequence!: number;
}
