import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import type { EventEnvelope, OutboxCarrier } from '@bloom/kernel';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum CycleKindOfDelivery {
  /** Charged and ordered. */
  DELIVERY = 'DELIVERY',
  SKIPPED = 'SKIPPED',
  PAUSED = 'PAUSED',
  /** Its delivery day had passed when the scheduler reached it (the scheduler was down). */
  MISSED = 'MISSED',
  /** The product was not on sale or the store was suspended on its charge day: not charged. */
  UNAVAILABLE = 'UNAVAILABLE',
}
registerEnumType(CycleKindOfDelivery, { name: 'SubscriptionCycleKind' });

/**
 * One cycle of a subscription, `_id` = `<subscriptionId>:<cycle>`. Inserted once by the
 * scheduler (a duplicate-key insert means another run won), never updated except by the relay
 * removing its published events. This is the invariant "nothing is created twice".
 */
@Entity({ collection: 'subscription_cycles' })
@Index({ properties: ['subscriptionId'] })
@Index({ properties: ['storeId', 'deliveryDate'] })
@ObjectType('SubscriptionCycleRecord')
export class CycleRecord implements OutboxCarrier {
  @PrimaryKey()
  _id!: string;

  @Property()
  subscriptionId!: string;

  @Property()
  storeId!: string;

  @Property()
  customerId!: string;

  @Property()
  @Field(() => Int)
  cycle!: number;

  @Property()
  @Field()
  deliveryDate!: string;

  @Enum(() => CycleKindOfDelivery)
  @Field(() => CycleKindOfDelivery)
  kind!: CycleKindOfDelivery;

  /** Product price × quantity when the cycle was created. */
  @Property()
  @Field(() => Int)
  subtotal: number = 0;

  /** The store's delivery fee for that subtotal. */
  @Property()
  @Field(() => Int)
  deliveryFee: number = 0;

  /** What the cycle charges: subtotal + delivery fee (0 for a cycle not delivered). */
  @Property()
  @Field(() => Int)
  amount!: number;

  @Property()
  @Field({ description: 'Delivery window, HH:mm-HH:mm; empty: any time.' })
  deliveryWindow: string = '';

  @Property()
  @Field()
  createdAt!: Date;

  @Property()
  outbox: EventEnvelope[] = [];

  @Property()
  eventSequence = 0;
}

/**
 * One charge attempt of a delivered cycle, `_id` = `<subscriptionId>:<cycle>#<attempt>`: the
 * idempotency key of the order orders creates, whose id is `orderId` (an ObjectId chosen here).
 * Carries the `subscriptions.cycle.orderRequested` command in its outbox.
 */
@Entity({ collection: 'cycle_attempts' })
@Index({ properties: ['orderId'] })
@Index({ properties: ['subscriptionId'] })
export class CycleAttempt implements OutboxCarrier {
  @PrimaryKey()
  _id!: string;

  @Property()
  subscriptionId!: string;

  @Property()
  cycle!: number;

  @Property()
  attempt!: number;

  @Property()
  orderId!: string;

  @Property()
  requestedAt!: Date;

  @Property()
  outbox: EventEnvelope[] = [];

  @Property()
  eventSequence = 0;
}

export enum CycleOutcomeStatus {
  CHARGED = 'CHARGED',
  FAILED = 'FAILED',
  /** No attempt could be made before the delivery day (the scheduler was down): not charged. */
  LAPSED = 'LAPSED',
}

/**
 * The outcome of one attempt, `_id` = the attempt id: first writer wins, so a redelivered
 * orders event records and announces it once. Carries charged / chargeFailed (and suspended or
 * missed when it is the cycle's last). A LAPSED outcome is the scheduler's, for the attempt it
 * could no longer make; it has no order.
 */
@Entity({ collection: 'cycle_outcomes' })
@Index({ properties: ['subscriptionId'] })
export class CycleOutcome implements OutboxCarrier {
  @PrimaryKey()
  _id!: string;

  @Property()
  subscriptionId!: string;

  @Property()
  cycle!: number;

  @Property()
  attempt!: number;

  @Property({ nullable: true })
  orderId?: string | null;

  @Enum(() => CycleOutcomeStatus)
  status!: CycleOutcomeStatus;

  @Property({ nullable: true })
  reason?: string;

  /** When the next attempt is due (FAILED with a retry left before the delivery day). */
  @Property({ nullable: true })
  retryAt?: Date | null;

  @Property()
  at!: Date;

  @Property()
  outbox: EventEnvelope[] = [];

  @Property()
  eventSequence = 0;
}

/**
 * Orders' failure codes that mean the customer's payment method failed: after the last retry
 * they suspend the subscription. Any other failure (stock, a closed store, a timeout) only
 * makes that one cycle missed.
 */
export const isPaymentFailure = (reason: string): boolean =>
  reason === 'PAYMENT_DECLINED' || reason === 'PAYMENT_FAILED';

export const cycleId = (subscriptionId: string, cycle: number) => `${subscriptionId}:${cycle}`;
export const attemptId = (subscriptionId: string, cycle: number, attempt: number) =>
  `${subscriptionId}:${cycle}#${attempt}`;
