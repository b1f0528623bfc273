import { InvalidInputError } from '@bloom/kernel';
import { createUnionType } from 'type-graphql';
import { Coupon } from './coupons/coupon.entity.js';
import {
  CouponAlreadyClaimedError,
  CouponClaim,
  CouponCodeTakenError,
  CouponSoldOutError,
  CouponUnavailableError,
} from './coupons/coupon.types.js';
import { InsufficientStockError, InventoryUpdate } from './inventory/inventory.types.js';
import { Question } from './questions/question.entity.js';
import { QuestionAlreadyAnsweredError } from './questions/question.types.js';
import { Store } from './stores/store.entity.js';
import {
  SellerNotApprovedError,
  StoreAlreadyExistsError,
  StoreStatusTransitionError,
} from './stores/store.types.js';

// Expected outcomes of each mutation, as typed unions a client can switch on by __typename.

export const CreateStoreResult = createUnionType({
  name: 'CreateStoreResult',
  types: () => [Store, InvalidInputError, StoreAlreadyExistsError, SellerNotApprovedError] as const,
});

export const UpdateStoreResult = createUnionType({
  name: 'UpdateStoreResult',
  types: () => [Store, InvalidInputError] as const,
});

export const StoreStatusResult = createUnionType({
  name: 'StoreStatusResult',
  types: () => [Store, StoreStatusTransitionError, InvalidInputError] as const,
});

export const SetStockResult = createUnionType({
  name: 'SetStockResult',
  types: () => [InventoryUpdate, InvalidInputError] as const,
});

export const AdjustStockResult = createUnionType({
  name: 'AdjustStockResult',
  types: () => [InventoryUpdate, InvalidInputError, InsufficientStockError] as const,
});

export const CouponResult = createUnionType({
  name: 'CouponResult',
  types: () => [Coupon, InvalidInputError, CouponCodeTakenError] as const,
});

export const ClaimCouponResult = createUnionType({
  name: 'ClaimCouponResult',
  types: () =>
    [CouponClaim, CouponUnavailableError, CouponSoldOutError, CouponAlreadyClaimedError] as const,
});

export const AskQuestionResult = createUnionType({
  name: 'AskQuestionResult',
  types: () => [Question, InvalidInputError] as const,
});

export const AnswerQuestionResult = createUnionType({
  name: 'AnswerQuestionResult',
  types: () => [Question, InvalidInputError, QuestionAlreadyAnsweredError] as const,
});
