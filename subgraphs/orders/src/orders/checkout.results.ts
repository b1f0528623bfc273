import { InvalidInputError } from '@bloom/kernel';
import { createUnionType } from 'type-graphql';
import {
  CouponNotApplicableError,
  EmptyCartError,
  IdempotencyKeyReusedError,
  NotEnoughStockError,
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
      NotEnoughStockError,
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
      NotEnoughStockError,
      CouponNotApplicableError,
      IdempotencyKeyReusedError,
      InvalidInputError,
    ] as const,
});
