import { InvalidInputError } from '@bloom/kernel';
import { createUnionType } from 'type-graphql';
import { Product } from './product.entity.js';
import {
  NoStoreError,
  ProductNotFoundError,
  SubscriptionProductExistsError,
} from './product.errors.js';

// Expected outcomes of the product mutations, as typed unions a client can switch on by
// __typename.

export const ProductResult = createUnionType({
  name: 'ProductResult',
  types: () =>
    [
      Product,
      InvalidInputError,
      NoStoreError,
      SubscriptionProductExistsError,
      ProductNotFoundError,
    ] as const,
});

export type ProductResultType =
  | Product
  | InvalidInputError
  | NoStoreError
  | SubscriptionProductExistsError
  | ProductNotFoundError;

export const ProductLookupResult = createUnionType({
  name: 'ProductLookupResult',
  types: () => [Product, ProductNotFoundError] as const,
});
