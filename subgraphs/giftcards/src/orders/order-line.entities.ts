import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** What an order line is, learnt from `orders.order.placed`; written once, never updated. */
@Entity({ collection: 'order_lines' })
@Index({ properties: ['orderId'] })
export class OrderLineView {
  /** The order line id, as orders knows it. */
  @PrimaryKey()
  _id!: string;

  @Property()
  orderId!: string;

  @Property()
  customerId!: string;

  @Property()
  productId!: string;

  /** The line's own representative flower when the order carried its recipe. */
  @Property({ nullable: true })
  flowerId?: string;

  @Property()
  placedAt!: Date;
}

/**
 * One document per state an order reached (`${orderId}:${state}`): insert-only, so duplicate or
 * out-of-order events cannot move the projection backwards; the current state is the furthest.
 */
@Entity({ collection: 'order_states' })
@Index({ properties: ['orderId'] })
export class OrderStateMark {
  @PrimaryKey()
  _id!: string;

  @Property()
  orderId!: string;

  @Property()
  state!: string;

  @Property()
  at!: Date;
}
