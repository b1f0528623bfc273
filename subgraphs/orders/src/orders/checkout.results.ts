import { InvalidInputError } from '@bloom/kernel';
import { createUnionType } from 'type-graphql';
import {
  CouponNotApplicableError,
  EmptyCartError,
  IdempotencyKeyReusedError,
  TotalMismatchError,
  UnavailableError,
} from './checkout.errors.js';
import { CheckoutQuote, CheckoutSuccess } from './checkout.types.js';

// Expected outcomes of each mutation, as typed unions a client can switch on by __typename.

export const CheckoutQuoteResult = createUnionType({
  name: 'CheckoutQuoteResult',
  types: () =>
    [
      CheckoutQuote,
      EmptyCartError,
      UnavailableError,
      CouponNotApplicableError,
      InvalidInputError,
    ] as const,
});

export const CheckoutResult = createUnionType({
  name: 'CheckoutResult',
  types: () =>
    [
      CheckoutSuccess,
      TotalMismatchError,
      EmptyCartError,
      UnavailableError,
      CouponNotApplicableError,
      IdempotencyKeyReusedError,
      InvalidInputError,
    ] as const,
});
