import { Connection } from '@bloom/kernel';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * The stores subgraph owns Store; products adds the store's products and its likes, which
 * live here (likes are keyed by user and store id, no store data is copied).
 */
@ObjectType()
@Directive('@key(fields: "id")')
export class Store {
  @Field(() => ID)
  id!: string;
}

export const storeRef = (id: string): Store => Object.assign(new Store(), { id });

export const StoreConnection = Connection(Store, 'LikedStoreConnection');
