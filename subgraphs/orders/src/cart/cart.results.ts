import { InvalidInputError } from '@bloom/kernel';
import { createUnionType } from 'type-graphql';
import { UnavailableError } from '../orders/checkout.errors.js';
import { Cart } from './cart.types.js';

// Expected outcomes of each mutation, as typed unions a client can switch on by __typename.

export const CartResult = createUnionType({
  name: 'CartResult',
  types: () => [Cart, UnavailableError, InvalidInputError] as const,
});
