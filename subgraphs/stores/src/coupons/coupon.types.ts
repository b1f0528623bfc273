import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Coupon, Fulfilment } from './coupon.entity.js';

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

  @Field(() => Fulfilment, {
    nullable: true,
    description: 'Limits it to delivery or to pickup orders; omitted: both.',
  })
  onlyFor?: Fulfilment;
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

  @Field(() => Fulfilment, {
    nullable: true,
    description:
      'Limits it to delivery or to pickup orders; omitted keeps the current terms. Claims already made follow the new terms.',
  })
  onlyFor?: Fulfilment;

  // Null reads as omitted in this API (the kernel's rule), so lifting the limit needs its own flag.
  @Field({
    nullable: true,
    description: 'True makes it usable on delivery and pickup orders again; not with onlyFor.',
  })
  anyFulfilment?: boolean;
}
