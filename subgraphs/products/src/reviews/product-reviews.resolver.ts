import { pageSize } from '@bloom/kernel';
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { ProductsContext } from '../products.context.js';
import { Product } from '../products/product.entity.js';
import { RatingCount, ReviewConnection, ReviewSort } from './review.types.js';

/** The review fields of a product: its reviews, and their counts per star and with photos. */
@Resolver(() => Product)
export class ProductReviewsResolver {
  @FieldResolver(() => ReviewConnection, {
    description: "The product's reviews; `withPhotos` keeps only reviews with at least one photo.",
  })
  reviews(
    @Root() product: Product,
    @Ctx() ctx: ProductsContext,
    @Arg('sort', () => ReviewSort, { defaultValue: ReviewSort.NEWEST }) sort?: ReviewSort,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', { nullable: true }) after?: string,
    @Arg('withPhotos', () => Boolean, {
      defaultValue: false,
      description: 'Only reviews with photos (포토 리뷰).',
    })
    withPhotos?: boolean,
  ) {
    return ctx.services.reviews.list(
      product.id,
      sort ?? ReviewSort.NEWEST,
      pageSize(first),
      after,
      withPhotos ?? false,
    );
  }

  @FieldResolver(() => [RatingCount], {
    description:
      'How many reviews gave each number of stars: always five entries, 5 stars first, ' +
      'zero counts included. Read from a stored summary, not by counting reviews.',
  })
  async ratingBreakdown(@Root() product: Product, @Ctx() ctx: ProductsContext) {
    const { stars } = await ctx.services.reviews.counts(product.id);
    return [5, 4, 3, 2, 1].map((n) =>
      Object.assign(new RatingCount(), { stars: n, count: stars[n - 1] ?? 0 }),
    );
  }

  @FieldResolver(() => Int, {
    description: 'Reviews with at least one photo: what `reviews(withPhotos: true)` lists.',
  })
  async photoReviewCount(@Root() product: Product, @Ctx() ctx: ProductsContext) {
    return (await ctx.services.reviews.counts(product.id)).photoCount;
  }
}
