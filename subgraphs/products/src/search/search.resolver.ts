import { Access, pageSize } from '@bloom/kernel';
import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { ProductsContext } from '../products.context.js';
import { ProductSearchResult } from './search.types.js';

@Resolver()
export class SearchResolver {
  @Access('anyone', 'catalog:read')
  @Query(() => ProductSearchResult, {
    description:
      'Natural-language search in Korean or English, e.g. "친구 생일 5만원 이하 꽃다발" or ' +
      '"white flowers for a funeral under 100k won".',
  })
  searchProducts(
    @Arg('query') query: string,
    @Ctx() ctx: ProductsContext,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', { nullable: true }) after?: string,
  ) {
    return ctx.services.search.search(query, pageSize(first, 50), after);
  }
}
