import { pageSize } from '@bloom/kernel';
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { ProductsContext } from '../products.context.js';
import { ProductSort } from '../products/product-sort.js';
import { ProductConnection } from '../products/product.types.js';
import { Store } from './store.types.js';

@Resolver(() => Store)
export class StoreResolver {
  @FieldResolver(() => ProductConnection, {
    description: "The store's listed products, available first.",
  })
  products(
    @Root() store: Store,
    @Ctx() ctx: ProductsContext,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', { nullable: true }) after?: string,
    @Arg('sort', () => ProductSort, { defaultValue: ProductSort.POPULAR }) sort?: ProductSort,
  ) {
    return ctx.services.products.listPublic(
      { storeId: store.id },
      sort ?? ProductSort.POPULAR,
      pageSize(first),
      after,
    );
  }

  @FieldResolver(() => Int)
  likeCount(@Root() store: Store, @Ctx() ctx: ProductsContext) {
    return ctx.loaders.storeLikeCount.load(store.id);
  }

  @FieldResolver(() => Boolean, { description: 'False when anonymous.' })
  likedByMe(@Root() store: Store, @Ctx() ctx: ProductsContext) {
    return ctx.loaders.storeLikedByMe.load(store.id);
  }
}
