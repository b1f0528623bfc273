import { InvalidInputError } from '@bloom/kernel';
import { createUnionType } from 'type-graphql';
import { Coupon } from './coupon.entity.js';
import {
  CouponAlreadyClaimedError,
  CouponCodeTakenError,
  CouponSoldOutError,
  CouponUnavailableError,
} from './coupon.errors.js';
import { CouponClaim } from './coupon.types.js';

export const CouponResult = createUnionType({
  name: 'CouponResult',
  types: () => [Coupon, InvalidInputError, CouponCodeTakenError] as const,
});

export const ClaimCouponResult = createUnionType({
  name: 'ClaimCouponResult',
  types: () =>
    [CouponClaim, CouponUnavailableError, CouponSoldOutError, CouponAlreadyClaimedError] as const,
});
