import { Access, requireUser } from '@bloom/kernel';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { ProductsContext } from '../products.context.js';
import { Product } from '../products/product.entity.js';
import { ProductImage } from '../products/product.types.js';
import { User, userRef } from '../shared/user.types.js';
import { Review } from './review.entities.js';
import { CreateReviewResult } from './review.results.js';
import { CreateReviewInput, ReviewableOrderLine } from './review.types.js';

@Resolver(() => Review)
export class ReviewResolver {
  @Access('signed-in')
  @Mutation(() => CreateReviewResult, {
    description: 'Review a completed order line (once per line); updates the product rating.',
  })
  createReview(@Arg('input') input: CreateReviewInput, @Ctx() ctx: ProductsContext) {
    return ctx.services.reviews.create(requireUser(ctx.caller), input);
  }

  @Access('signed-in')
  @Query(() => [ReviewableOrderLine], {
    description:
      "The signed-in customer's completed order lines not reviewed yet, newest first " +
      '(at most 100); optionally only those of one product or one order.',
  })
  reviewableOrderLines(
    @Ctx() ctx: ProductsContext,
    @Arg('productId', () => ID, { nullable: true }) productId?: string,
    @Arg('orderId', () => ID, { nullable: true }) orderId?: string,
  ) {
    return ctx.services.reviews.reviewable(requireUser(ctx.caller).userId, { productId, orderId });
  }

  @FieldResolver(() => User)
  author(@Root() review: Review) {
    return userRef(review.customerId);
  }

  @FieldResolver(() => [ProductImage])
  photos(@Root() review: Review, @Ctx() ctx: ProductsContext) {
    return review.photos.map((key) => ctx.services.images.link(key));
  }

  @FieldResolver(() => Product, { nullable: true })
  product(@Root() review: Review, @Ctx() ctx: ProductsContext) {
    return ctx.loaders.product.load(review.productId);
  }
}

@Resolver(() => ReviewableOrderLine)
export class ReviewableOrderLineResolver {
  @FieldResolver(() => Product, {
    nullable: true,
    description: 'The product to review (its name and photo for the review form).',
  })
  product(@Root() line: ReviewableOrderLine, @Ctx() ctx: ProductsContext) {
    return ctx.loaders.product.load(line.productId);
  }
}
