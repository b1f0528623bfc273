import {
  Entity,
  Index,
  OptionalProps,
  PrimaryKey,
  Property,
  SerializedPrimaryKey,
} from '@mikro-orm/core';
import { ObjectId } from '@mikro-orm/mongodb';
import { type EventEnvelope, type OutboxCarrier, Revisioned } from '@bloom/kernel';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

/**
 * How an order is received. Orders defines the same enum: federation composes identical enums,
 * so its name and values must stay exactly the orders ones (no descriptions on either side).
 */
export enum Fulfilment {
  DELIVERY = 'DELIVERY',
  PICKUP = 'PICKUP',
}
registerEnumType(Fulfilment, { name: 'Fulfilment' });

/**
 * A store's coupon. Its issues (claims) are not counted here: they are entries of the coupon's
 * issue chain (`coupon_issues`), which is what keeps the issue limit under concurrent claims;
 * its code is held by a `coupon_codes` document, which keeps codes unique per store.
 */
@Entity({ collection: 'coupons' })
@Index({ properties: ['storeId', 'endsAt'] })
@ObjectType({
  description: "A store's discount coupon; customers claim it once, then use it once.",
})
@Directive('@key(fields: "id")')
export class Coupon extends Revisioned implements OutboxCarrier {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | 'outbox' | 'eventSequence';

  @PrimaryKey()
  _id: ObjectId = new ObjectId();

  @SerializedPrimaryKey()
  @Field(() => ID)
  id!: string;

  @Property()
  @Field(() => ID)
  storeId!: string;

  @Property()
  @Field()
  name!: string;

  @Property()
  @Field({ description: 'Upper-case, unique within the store.' })
  code!: string;

  @Property()
  @Field(() => Int, { description: 'KRW off the product subtotal (never more than it).' })
  discountAmount!: number;

  @Property()
  @Field(() => Int, { description: 'Smallest product subtotal (KRW) it applies to.' })
  minOrderAmount!: number;

  @Property()
  @Field()
  startsAt!: Date;

  @Property()
  @Field()
  endsAt!: Date;

  @Property()
  @Field(() => Int, { description: 'How many customers can claim it.' })
  issueLimit!: number;

  // Absent on coupons made before the restriction existed: they fit every order.
  @Property({ nullable: true })
  @Field(() => Fulfilment, {
    nullable: true,
    description: 'Only orders received this way can use it; null: delivery and pickup alike.',
  })
  onlyFor?: Fulfilment | null;

  @Property()
  @Field()
  createdAt: Date = new Date();

  @Property({ onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @Property({ nullable: true })
  deletedAt?: Date;

  @Property({ type: 'json' })
  outbox: EventEnvelope[] = [];

  @Property()
  eventSequence: number = 0;
}

/**
 * A store's coupon code, `_id = <storeId>:<CODE>`: inserting it is what reserves the code, so
 * two coupons of a store can never share one (an insert under a unique id is atomic).
 */
@Entity({ collection: 'coupon_codes' })
export class CouponCode {
  @PrimaryKey()
  _id!: string;

  @Property()
  couponId!: string;

  @Property()
  at!: Date;
}
