import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** A person's e-mail and name, projected from identity events (their only writer). */
@Entity({ collection: 'contacts' })
export class Contact {
  /** The user id. */
  @PrimaryKey()
  _id!: string;

  @Property({ nullable: true })
  email?: string;

  @Property({ nullable: true })
  name?: string;

  @Property()
  updatedAt!: Date;
}

/**
 * The number a person wants SMS notices at, written only by their own settings mutation: a
 * document of its own, so the identity projection (written by events) and the person's own
 * choice never share a document or a writer.
 */
@Entity({ collection: 'sms_settings' })
export class SmsSetting {
  /** The user id. */
  @PrimaryKey()
  _id!: string;

  @Property({ nullable: true })
  phone?: string | null;

  @Property()
  updatedAt!: Date;
}

/** storeId → the seller who owns it, from stores.store.opened; store notices go to that user. */
@Entity({ collection: 'store_owners' })
export class StoreOwner {
  /** The store id. */
  @PrimaryKey()
  _id!: string;

  @Property()
  ownerUserId!: string;

  @Property({ nullable: true })
  storeName?: string;
}

/**
 * orderId → customer and store, from orders.order.placed (later order events may omit them),
 * and what notices name the order by: its number, first product, line count and pickup time.
 */
@Entity({ collection: 'order_parties' })
export class OrderParties {
  /** The order id. */
  @PrimaryKey()
  _id!: string;

  @Property({ nullable: true })
  customerId?: string;

  @Property({ nullable: true })
  storeId?: string;

  @Property({ nullable: true })
  orderNumber?: string;

  @Property({ nullable: true })
  firstProductId?: string;

  @Property({ nullable: true })
  lineCount?: number;

  /** ISO instant of the pickup slot; absent for a delivery. */
  @Property({ nullable: true })
  pickupAt?: string;
}

/** productId → its current name, from products' snapshots, so notices can name the product. */
@Entity({ collection: 'product_names' })
export class ProductName {
  /** The product id. */
  @PrimaryKey()
  _id!: string;

  @Property()
  name!: string;
}
