import { createUnionType } from 'type-graphql';
import { Store } from '../stores/store.types.js';
import { StoreNotFoundError } from './like.errors.js';

export const StoreLikeResult = createUnionType({
  name: 'StoreLikeResult',
  types: () => [Store, StoreNotFoundError] as const,
});
