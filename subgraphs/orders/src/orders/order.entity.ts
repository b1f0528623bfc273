import {
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
import { PaymentMethod } from '../payments/payment-method.js';
import { DeliveryDetails } from './delivery-details.entity.js';
import { OrderLine } from './order-line.entity.js';
import { OrderProblem } from './order-problem.entity.js';

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

/**
 * An order of one store. `status` is a projection of the insert-only transitions
 * (order_transitions); the document also carries its unpublished events (outbox).
 */
@Entity({ collection: 'orders' })
@Index({ properties: ['customerId', 'placedAt'] })
@Index({ properties: ['storeId', 'status', 'placedAt'] })
@Index({ properties: ['status', 'placedAt'] })
@Index({ properties: ['checkoutId'] })
// Admin look-ups and platform figures: by number, and by status with each deadline or date.
@Index({ properties: ['number'] })
@Index({ properties: ['status', 'confirmedAt'] })
@Index({ properties: ['status', 'canceledAt'] })
@Index({ properties: ['status', 'delivery.deliveryDate'] })
@Index({ properties: ['status', 'pickupAt'] })
@ObjectType({ description: 'An order of one store.' })
@Directive('@key(fields: "id")')
export class Order implements OutboxCarrier {
  [OptionalProps]?: 'outbox' | 'eventSequence' | 'transitions' | 'updatedAt' | 'paymentMethod';

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

  /** The store's owner at checkout (older orders and cycle orders: read from the store). */
  @Property({ nullable: true })
  sellerId?: string;

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

  @Enum(() => PaymentMethod)
  @Field(() => PaymentMethod)
  paymentMethod: PaymentMethod = PaymentMethod.CARD;

  /** Easy pay: where the provider sends the customer back (the client's page). */
  @Property({ nullable: true })
  paymentReturnUrl?: string;

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
