import { InvalidInputError } from '@bloom/kernel';
import { createUnionType } from 'type-graphql';
import { StoreNotFoundError } from './likes/like.types.js';
import { Product } from './products/product.entity.js';
import {
  NoStoreError,
  ProductNotFoundError,
  SubscriptionProductExistsError,
} from './products/product.types.js';
import { ProductAvailableError, RestockAlertView } from './restock/restock.types.js';
import { Review } from './reviews/review.entities.js';
import { AlreadyReviewedError, NotEligibleToReviewError } from './reviews/review.types.js';
import { Store } from './stores/store.types.js';

// Expected outcomes of each mutation, as typed unions a client can switch on by __typename.

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

export const ProductLookupResult = createUnionType({
  name: 'ProductLookupResult',
  types: () => [Product, ProductNotFoundError] as const,
});

export const StoreLikeResult = createUnionType({
  name: 'StoreLikeResult',
  types: () => [Store, StoreNotFoundError] as const,
});

export const CreateReviewResult = createUnionType({
  name: 'CreateReviewResult',
  types: () => [Review, NotEligibleToReviewError, AlreadyReviewedError, InvalidInputError] as const,
});

export const RestockAlertResult = createUnionType({
  name: 'RestockAlertResult',
  types: () => [RestockAlertView, ProductAvailableError, ProductNotFoundError] as const,
});
