import { Entity, PrimaryKey, Property, SerializedPrimaryKey, Unique } from '@mikro-orm/core';
import { ObjectId } from '@mikro-orm/mongodb';

/** A cart line, unique per (customer, product): adding the same product again merges. */
@Entity({ collection: 'cart_lines' })
@Unique({ properties: ['customerId', 'productId'] })
export class CartLine {
  @PrimaryKey()
  _id: ObjectId = new ObjectId();

  @SerializedPrimaryKey()
  id!: string;

  @Property()
  customerId!: string;

  @Property()
  productId!: string;

  @Property()
  storeId!: string;

  @Property()
  quantity!: number;

  @Property()
  addedAt: Date = new Date();
}
