import { InvalidInputError } from '@bloom/kernel';
import { createUnionType } from 'type-graphql';
import { Cart } from './cart/cart.types.js';
import {
  CheckoutQuote,
  CheckoutSuccess,
  CouponNotApplicableError,
  EmptyCartError,
  IdempotencyKeyReusedError,
  TotalMismatchError,
  UnavailableError,
} from './orders/checkout.types.js';
import { Order } from './orders/order.entity.js';
import { InvalidTransitionError, OrderNotFoundError } from './orders/order.types.js';

// Expected outcomes of each mutation, as typed unions a client can switch on by __typename.

export const CartResult = createUnionType({
  name: 'CartResult',
  types: () => [Cart, UnavailableError, InvalidInputError] as const,
});

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

export const OrderActionResult = createUnionType({
  name: 'OrderActionResult',
  types: () => [Order, OrderNotFoundError, InvalidTransitionError, InvalidInputError] as const,
});
