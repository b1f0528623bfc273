import { InvalidInputError } from '@bloom/kernel';
import { createUnionType } from 'type-graphql';
import { Store } from './store.entity.js';
import {
  SellerNotApprovedError,
  StoreAlreadyExistsError,
  StoreStatusTransitionError,
} from './store.errors.js';

// Expected outcomes of the store mutations, as typed unions a client can switch on by
// __typename.

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
