import { Embeddable, Embedded, Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { type EventEnvelope, type OutboxCarrier, Revisioned } from '@bloom/kernel';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { CycleState } from '../calendar/cycle-calendar.js';

export enum SubscriptionCycle {
  WEEKLY = 'WEEKLY',
  BIWEEKLY = 'BIWEEKLY',
  FOUR_WEEKLY = 'FOUR_WEEKLY',
  MONTHLY = 'MONTHLY',
}
registerEnumType(SubscriptionCycle, {
  name: 'SubscriptionCycle',
  description: 'Every 1, 2 or 4 weeks, or monthly on the first delivery’s day of the month.',
});

export enum SubscriptionStatus {
  ACTIVE = 'ACTIVE',
  /** Charges failed after every retry; nothing is charged until the customer resumes. */
  SUSPENDED = 'SUSPENDED',
  /** No cycle after `endsAfterCycle` is created. */
  CANCELED = 'CANCELED',
}
registerEnumType(SubscriptionStatus, { name: 'SubscriptionStatus' });

@Embeddable()
@ObjectType('SubscriptionAddress')
export class DeliveryAddress {
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
  line1!: string;

  @Property()
  @Field()
  line2!: string;
}

@Embeddable()
@ObjectType('SubscriptionPause')
export class PauseWindow {
  @Property()
  @Field({ description: 'First day (YYYY-MM-DD) of the pause.' })
  from!: string;

  @Property()
  @Field({ description: 'First day (YYYY-MM-DD) deliveries are back.' })
  until!: string;
}

/**
 * A customer's recurring delivery of one store's subscription product. Its document receives
 * concurrent writes (the customer, the scheduler, the charge-outcome consumer), so every write
 * is a compare-and-set on its revision (Revisioned). No invariant lives here: cycles are unique
 * inserts.
 */
@Entity({ collection: 'subscriptions' })
@Index({ properties: ['customerId'] })
@Index({ properties: ['storeId'] })
@Index({ properties: ['status'] })
@Index({ properties: ['wakeAt'] })
// The admin's figures count subscriptions started, suspended and canceled in a period.
@Index({ properties: ['createdAt'] })
@Index({ properties: ['suspendedAt'] })
@Index({ properties: ['canceledAt'] })
@ObjectType('FlowerSubscription')
@Directive('@key(fields: "id")')
export class Subscription extends Revisioned implements OutboxCarrier {
  @PrimaryKey()
  _id!: string;

  @Field(() => ID)
  get id(): string {
    return this._id;
  }

  @Property()
  customerId!: string;

  @Property()
  storeId!: string;

  @Property({ nullable: true })
  sellerId?: string | null;

  @Property()
  productId!: string;

  @Property()
  @Field()
  productName!: string;

  @Property()
  @Field(() => Int)
  quantity!: number;

  @Enum(() => SubscriptionCycle)
  @Field(() => SubscriptionCycle)
  cycle!: SubscriptionCycle;

  @Enum(() => SubscriptionStatus)
  @Field(() => SubscriptionStatus)
  status!: SubscriptionStatus;

  /** Delivery date of cycle `anchorCycle`; moved by a change of date. */
  @Property()
  anchorDate!: string;

  @Property()
  anchorCycle!: number;

  @Property()
  @Field({ description: 'The first delivery day, YYYY-MM-DD.' })
  firstDeliveryDate!: string;

  @Property()
  @Field(() => Int, { description: 'Days before each delivery its charge is made.' })
  leadDays!: number;

  @Embedded(() => PauseWindow, { object: true, nullable: true })
  @Field(() => PauseWindow, { nullable: true })
  pause?: PauseWindow | null;

  @Embedded(() => DeliveryAddress, { object: true })
  @Field(() => DeliveryAddress)
  address!: DeliveryAddress;

  @Property()
  @Field({ description: "One of the store's delivery windows, HH:mm-HH:mm; empty: any time." })
  deliveryWindow: string = '';

  @Property()
  billingKey!: string;

  @Property()
  @Field({ description: 'Last four digits of the saved card.' })
  cardLast4!: string;

  /** Set when canceled: the last cycle still delivered (0: none). */
  @Property({ nullable: true })
  @Field(() => Int, { nullable: true })
  endsAfterCycle?: number | null;

  @Property({ nullable: true })
  @Field(() => String, { nullable: true })
  suspendedReason?: string | null;

  /** Last suspension (a failed charge); kept after a reactivation. */
  @Property({ nullable: true })
  suspendedAt?: Date | null;

  @Property({ nullable: true })
  canceledAt?: Date | null;

  /** Last reactivation after a suspension. */
  @Property({ nullable: true })
  resumedAt?: Date | null;

  /**
   * When the scheduler next has work for this subscription (a charge day starts, a retry is
   * due): each run looks only at ACTIVE subscriptions whose wakeAt has come. Every change that
   * could bring work forward sets it to now; a run sets the next one, at most a day ahead.
   */
  @Property({ nullable: true })
  wakeAt?: Date | null;

  @Property()
  @Field()
  createdAt!: Date;

  @Property()
  updatedAt!: Date;

  @Property()
  outbox: EventEnvelope[] = [];

  @Property()
  eventSequence = 0;

  /** The calendar's view; `skipped` are the cycles recorded as SKIPPED. */
  cycleState(skipped: readonly number[] = []): CycleState {
    return {
      schedule: { kind: this.cycle, anchorDate: this.anchorDate, anchorCycle: this.anchorCycle },
      leadDays: this.leadDays,
      skipped,
      pause: this.pause ? { from: this.pause.from, until: this.pause.until } : null,
    };
  }

  parties() {
    return {
      subscriptionId: this._id,
      customerId: this.customerId,
      storeId: this.storeId,
      sellerId: this.sellerId ?? null,
    };
  }
}
