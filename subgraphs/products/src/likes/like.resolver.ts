import { Access, pageSize, requireUser } from '@bloom/kernel';
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { ProductsContext } from '../products.context.js';
import { ProductLookupResult } from '../products/product.results.js';
import { ProductConnection } from '../products/product.types.js';
import { Store, StoreConnection } from '../stores/store.types.js';
import { StoreLikeResult } from './like.results.js';

@Resolver()
export class LikeResolver {
  @Access('signed-in')
  @Mutation(() => ProductLookupResult, { description: 'Idempotent: liking twice is one like.' })
  likeProduct(@Arg('productId', () => ID) productId: string, @Ctx() ctx: ProductsContext) {
    return ctx.services.likes.likeProduct(requireUser(ctx.caller).userId, productId);
  }

  @Access('signed-in')
  @Mutation(() => ProductLookupResult, { description: 'Idempotent.' })
  unlikeProduct(@Arg('productId', () => ID) productId: string, @Ctx() ctx: ProductsContext) {
    return ctx.services.likes.unlikeProduct(requireUser(ctx.caller).userId, productId);
  }

  @Access('signed-in')
  @Mutation(() => StoreLikeResult, { description: 'Idempotent: liking twice is one like.' })
  likeStore(@Arg('storeId', () => ID) storeId: string, @Ctx() ctx: ProductsContext) {
    return ctx.services.likes.likeStore(requireUser(ctx.caller).userId, storeId);
  }

  @Access('signed-in')
  @Mutation(() => Store, { description: 'Idempotent.' })
  unlikeStore(@Arg('storeId', () => ID) storeId: string, @Ctx() ctx: ProductsContext) {
    return ctx.services.likes.unlikeStore(requireUser(ctx.caller).userId, storeId);
  }

  @Access('signed-in')
  @Query(() => ProductConnection, { description: 'Liked products, most recently liked first.' })
  myLikedProducts(
    @Ctx() ctx: ProductsContext,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', { nullable: true }) after?: string,
  ) {
    return ctx.services.likes.likedProducts(requireUser(ctx.caller).userId, pageSize(first), after);
  }

  @Access('signed-in')
  @Query(() => StoreConnection, { description: 'Liked stores, most recently liked first.' })
  myLikedStores(
    @Ctx() ctx: ProductsContext,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', { nullable: true }) after?: string,
  ) {
    return ctx.services.likes.likedStores(requireUser(ctx.caller).userId, pageSize(first), after);
  }
}
