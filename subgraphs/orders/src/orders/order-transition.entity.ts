import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import type { OrderStatus } from './order.entity.js';

/**
 * One state change of an order, `_id` = `<orderId>:<fromState>`. States never repeat, so
 * each state has at most one successor: inserting this document is what makes a transition,
 * and of two concurrent transitions out of one state exactly one insert succeeds.
 */
@Entity({ collection: 'order_transitions' })
@Index({ properties: ['at'] })
@Index({ properties: ['orderId'] })
export class OrderTransition {
  @PrimaryKey()
  _id!: string;

  @Property()
  orderId!: string;

  // Stored as the plain string: an enum from another module leaves no runtime type to reflect.
  @Property({ type: 'string' })
  from!: OrderStatus;

  @Property({ type: 'string' })
  to!: OrderStatus;

  @Property({ nullable: true })
  code?: string;

  @Property({ nullable: true })
  message?: string;

  /** user id, or 'system' for the saga and scheduled jobs. */
  @Property()
  actor!: string;

  @Property({ nullable: true })
  trackingNumber?: string;

  /** An administrator made this move (on a seller's behalf): it is audited. */
  @Property({ nullable: true })
  byAdmin?: boolean;

  @Property()
  at!: Date;
}
