import {
  Embeddable,
  Embedded,
  Entity,
  Enum,
  Index,
  OptionalProps,
  PrimaryKey,
  Property,
  SerializedPrimaryKey,
} from '@mikro-orm/core';
import { ObjectId } from '@mikro-orm/mongodb';
import type { EventEnvelope, OutboxCarrier } from '@bloom/kernel';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { RecipeItem } from '../projections/catalog.entities.js';

export enum OrderStatus {
  PENDING = 'PENDING',
  CONFIRMED = 'CONFIRMED',
  PREPARING = 'PREPARING',
  SHIPPING = 'SHIPPING',
  DELIVERED = 'DELIVERED',
  READY = 'READY',
  PICKED_UP = 'PICKED_UP',
  CANCELED = 'CANCELED',
  FAILED = 'FAILED',
}
registerEnumType(OrderStatus, { name: 'OrderStatus' });

export enum Fulfilment {
  DELIVERY = 'DELIVERY',
  PICKUP = 'PICKUP',
}
registerEnumType(Fulfilment, { name: 'Fulfilment' });

@Embeddable()
@ObjectType({ description: 'One product of an order, priced by the server at checkout.' })
// Other subgraphs extend order lines (giftcards adds the card); they resolve them by id.
@Directive('@key(fields: "id", resolvable: false)')
export class OrderLine {
  @Property()
  @Field(() => ID, { description: 'Order id and product id: what a review refers to.' })
  id!: string;

  @Property()
  productId!: string;

  @Property()
  @Field({ description: 'The product name when ordered.' })
  productName!: string;

  @Property()
  @Field(() => Int)
  unitPrice!: number;

  @Property()
  @Field(() => Int)
  quantity!: number;

  @Property()
  @Field(() => Int)
  amount!: number;

  @Property({ type: 'json' })
  recipe: RecipeItem[] = [];
}

@Embeddable()
@ObjectType({ description: 'Where and when the flowers are delivered.' })
export class DeliveryDetails {
  @Property()
  @Field()
  recipientName!: string;

  @Property()
  @Field()
  phone!: string;

  @Property()
  @Field()
  zipCode!: string;

  @Property()
  @Field()
  street!: string;

  @Property()
  @Field()
  detail: string = '';

  @Property()
  @Field({ description: 'Asia/Seoul calendar date, YYYY-MM-DD.' })
  deliveryDate!: string;

  @Property()
  @Field({ description: 'Time window, e.g. 10:00-13:00.' })
  window!: string;

  @Property({ nullable: true })
  @Field({ nullable: true })
  note?: string;
}

@Embeddable()
@ObjectType({ description: 'Why an order failed or was canceled; the code is stable.' })
export class OrderProblem {
  @Property()
  @Field()
  code!: string;

  @Property()
  @Field()
  message!: string;
}

/**
 * An order of one store. `status` is a projection of the insert-only transitions
 * (order_transitions); the document also carries its unpublished events (outbox).
 */
@Entity({ collection: 'orders' })
@Index({ properties: ['customerId', 'placedAt'] })
@Index({ properties: ['storeId', 'status', 'placedAt'] })
@Index({ properties: ['status', 'placedAt'] })
@Index({ properties: ['checkoutId'] })
@ObjectType({ description: 'An order of one store.' })
@Directive('@key(fields: "id")')
export class Order implements OutboxCarrier {
  [OptionalProps]?: 'outbox' | 'eventSequence' | 'transitions' | 'updatedAt';

  @PrimaryKey()
  _id!: ObjectId;

  @SerializedPrimaryKey()
  @Field(() => ID)
  id!: string;

  @Property()
  @Field({ description: 'Human-friendly order number.' })
  number!: string;

  /** `${customerId}:${idempotencyKey}`: all orders one checkout created. */
  @Property()
  checkoutId!: string;

  /** A subscription cycle's order: the saga charges this saved card instead (no customer step). */
  @Property({ nullable: true })
  billingKey?: string;

  @Property()
  customerId!: string;

  @Property()
  storeId!: string;

  @Enum(() => Fulfilment)
  @Field(() => Fulfilment)
  fulfilment!: Fulfilment;

  @Embedded(() => DeliveryDetails, { object: true, nullable: true })
  @Field(() => DeliveryDetails, { nullable: true })
  delivery?: DeliveryDetails;

  @Property({ nullable: true })
  @Field({ nullable: true, description: 'Start of the booked pickup slot.' })
  pickupAt?: Date;

  @Embedded(() => OrderLine, { array: true, object: true })
  @Field(() => [OrderLine])
  lines!: OrderLine[];

  @Property()
  @Field(() => Int)
  subtotal!: number;

  @Property({ nullable: true })
  @Field(() => ID, { nullable: true })
  couponId?: string;

  @Property()
  @Field(() => Int)
  discount!: number;

  @Property()
  @Field(() => Int)
  deliveryFee!: number;

  @Property()
  @Field(() => Int)
  total!: number;

  @Enum(() => OrderStatus)
  @Field(() => OrderStatus)
  status!: OrderStatus;

  /** How many transitions the status projection has applied. */
  @Property()
  transitions: number = 0;

  @Embedded(() => OrderProblem, { object: true, nullable: true })
  @Field(() => OrderProblem, { nullable: true, description: 'Why the order failed.' })
  failure?: OrderProblem;

  @Embedded(() => OrderProblem, { object: true, nullable: true })
  @Field(() => OrderProblem, { nullable: true, description: 'Who canceled and why.' })
  cancellation?: OrderProblem;

  @Property({ nullable: true })
  @Field({ nullable: true })
  trackingNumber?: string;

  @Property()
  @Field()
  placedAt!: Date;

  @Property({ nullable: true })
  @Field({ nullable: true })
  confirmedAt?: Date;

  @Property({ nullable: true })
  @Field({ nullable: true, description: 'When it was delivered or picked up.' })
  completedAt?: Date;

  @Property({ nullable: true })
  canceledAt?: Date;

  @Property({ onUpdate: () => new Date() })
  @Field()
  updatedAt: Date = new Date();

  @Property({ type: 'json' })
  outbox: EventEnvelope[] = [];

  @Property()
  eventSequence: number = 0;
}

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

  @Property()
  from!: OrderStatus;

  @Property()
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

  @Property()
  at!: Date;
}

/**
 * The claim of an idempotency key, `_id` = `<customerId>:<key>`. It holds the complete
 * drafts of the orders the checkout creates, so whoever finds the claim (a retry, a
 * concurrent duplicate, a process after a crash) inserts the same orders by their fixed ids.
 */
@Entity({ collection: 'checkouts' })
export class CheckoutClaim {
  @PrimaryKey()
  _id!: string;

  @Property()
  customerId!: string;

  @Property()
  requestHash!: string;

  @Property({ type: 'json' })
  orderIds: string[] = [];

  @Property({ type: 'json' })
  drafts: Record<string, unknown>[] = [];

  @Property()
  createdAt: Date = new Date();
}
