import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** A restock, `_id` = the event id: the insert makes the public live push happen once. */
@Entity({ collection: 'product_restocks' })
@Index({ properties: ['productId', 'restockedAt'] })
export class ProductRestockRecord {
  @PrimaryKey()
  _id!: string;

  @Property()
  productId!: string;

  @Property({ nullable: true })
  storeId?: string;

  @Property()
  restockedAt!: Date;
}

/** An order state change, `_id` = the event id; its watchers are the customer and the seller. */
@Entity({ collection: 'order_status_changes' })
@Index({ properties: ['orderId', 'changedAt'] })
export class OrderStatusChangeRecord {
  @PrimaryKey()
  _id!: string;

  @Property()
  orderId!: string;

  @Property()
  status!: string;

  @Property({ nullable: true })
  reason?: string;

  @Property({ nullable: true })
  customerId?: string;

  @Property({ nullable: true })
  sellerUserId?: string;

  @Property()
  changedAt!: Date;
}
