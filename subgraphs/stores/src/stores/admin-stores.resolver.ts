import { Access, pageSize } from '@bloom/kernel';
import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { StoresContext } from '../stores.context.js';
import { findStores } from './store-finder.js';
import { Store } from './store.entity.js';
import { AdminStoreFilter, StoreConnection, StoreSort } from './store.types.js';

@Resolver(() => Store)
export class AdminStoresResolver {
  @Access(['ADMIN'])
  @Query(() => StoreConnection, {
    description:
      'Admin: every store whatever its status (open, suspended, closed), newest first by default.',
  })
  adminStores(
    @Ctx() ctx: StoresContext,
    @Arg('filter', () => AdminStoreFilter, { nullable: true }) filter?: AdminStoreFilter,
    @Arg('sort', () => StoreSort, { defaultValue: StoreSort.NEWEST }) sort?: StoreSort,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', { nullable: true }) after?: string,
  ) {
    return findStores(ctx.em, {
      filter: filter ?? {},
      sort: sort ?? StoreSort.NEWEST,
      first: pageSize(first),
      after,
      asAdmin: true,
    });
  }
}
