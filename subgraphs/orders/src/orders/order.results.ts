import { InvalidInputError } from '@bloom/kernel';
import { createUnionType } from 'type-graphql';
import { Order } from './order.entity.js';
import { InvalidTransitionError, OrderNotFoundError } from './order.errors.js';

// Expected outcomes of each mutation, as typed unions a client can switch on by __typename.

export const OrderActionResult = createUnionType({
  name: 'OrderActionResult',
  types: () => [Order, OrderNotFoundError, InvalidTransitionError, InvalidInputError] as const,
});
