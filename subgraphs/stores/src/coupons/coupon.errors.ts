import { UserError } from '@bloom/kernel';
import { ObjectType } from 'type-graphql';

@ObjectType({ implements: UserError, description: 'The customer already claimed this coupon.' })
export class CouponAlreadyClaimedError extends UserError {}

@ObjectType({ implements: UserError, description: 'Every issue of the coupon has been claimed.' })
export class CouponSoldOutError extends UserError {}

@ObjectType({
  implements: UserError,
  description: 'The coupon does not exist, was deleted, or has ended.',
})
export class CouponUnavailableError extends UserError {}

@ObjectType({
  implements: UserError,
  description: 'The store already has a coupon with this code.',
})
export class CouponCodeTakenError extends UserError {}
