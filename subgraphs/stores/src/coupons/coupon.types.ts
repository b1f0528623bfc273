import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Coupon } from './coupon.entity.js';

export enum CouponClaimStatus {
  AVAILABLE = 'AVAILABLE',
  NOT_STARTED = 'NOT_STARTED',
  IN_USE = 'IN_USE',
  EXPIRED = 'EXPIRED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(CouponClaimStatus, {
  name: 'CouponClaimStatus',
  valuesConfig: {
    AVAILABLE: { description: 'Can be used now.' },
    NOT_STARTED: { description: 'Usable from its start date.' },
    IN_USE: { description: 'Redeemed for an order (it comes back if the order is canceled).' },
    EXPIRED: { description: 'Past its end date.' },
    WITHDRAWN: { description: 'The store deleted the coupon.' },
  },
});

@ObjectType({ description: "A customer's claim of a coupon." })
export class CouponClaim {
  @Field(() => Coupon)
  coupon!: Coupon;

  @Field()
  claimedAt!: Date;

  @Field(() => CouponClaimStatus)
  status!: CouponClaimStatus;
}

@InputType()
export class CreateCouponInput {
  @Field()
  name!: string;

  @Field({ description: '3 to 20 letters, digits or dashes; stored upper-case.' })
  code!: string;

  @Field(() => Int, { description: 'KRW, at least 1.' })
  discountAmount!: number;

  @Field(() => Int, { description: 'KRW, 0 or more.' })
  minOrderAmount!: number;

  @Field()
  startsAt!: Date;

  @Field({ description: 'After startsAt and in the future.' })
  endsAt!: Date;

  @Field(() => Int, { description: 'How many customers can claim it, 1 to 100,000.' })
  issueLimit!: number;
}

@InputType({ description: 'Only the fields given change.' })
export class UpdateCouponInput {
  @Field({ nullable: true })
  name?: string;

  @Field({ nullable: true })
  code?: string;

  @Field(() => Int, { nullable: true })
  discountAmount?: number;

  @Field(() => Int, { nullable: true })
  minOrderAmount?: number;

  @Field({ nullable: true })
  startsAt?: Date;

  @Field({ nullable: true })
  endsAt?: Date;

  @Field(() => Int, {
    nullable: true,
    description: 'Lowering it below the claims made stops new claims; none are taken back.',
  })
  issueLimit?: number;
}
