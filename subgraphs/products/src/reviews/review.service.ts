import {
  type AuthenticatedCaller,
  type EntityManager,
  InvalidInputError,
  type Page,
  type SortKey,
  createEvent,
  findPage,
  isDuplicateKeyError,
  newestFirst,
  recordEvent,
  simpleError,
  sortKey,
} from '@bloom/kernel';
import { productRatingChanged, reviewCreated } from '@bloom/schema';
import { ObjectId } from '@mikro-orm/mongodb';
import type { ImageService } from '../images/image.service.js';
import { type ProductsDeps, SOURCE } from '../products.deps.js';
import { Product } from '../products/product.entity.js';
import { RatingNotice, Review, ReviewEligibility } from './review.entities.js';
import { AlreadyReviewedError, NotEligibleToReviewError } from './review.errors.js';
import type { CreateReviewResultType } from './review.results.js';
import { type CreateReviewInput, ReviewSort, ReviewableOrderLine } from './review.types.js';

const MAX_TEXT = 1000;
const MAX_PHOTOS = 5;

export interface Rating {
  sum: number;
  count: number;
  average: number;
}

const newest = newestFirst<Review>(
  'createdAt',
  (r) => r.createdAt,
  (r) => r.id,
);
const REVIEW_KEYS: Record<ReviewSort, SortKey<Review>[]> = {
  [ReviewSort.NEWEST]: newest,
  [ReviewSort.HIGHEST]: [sortKey<Review>('rating', 'desc', 'number', (r) => r.rating), ...newest],
  [ReviewSort.LOWEST]: [sortKey<Review>('rating', 'asc', 'number', (r) => r.rating), ...newest],
};

export class ReviewService {
  constructor(
    private readonly em: EntityManager,
    private readonly deps: ProductsDeps,
    private readonly images: ImageService,
  ) {}

  async create(
    customer: AuthenticatedCaller,
    input: CreateReviewInput,
  ): Promise<CreateReviewResultType> {
    const line = await this.em.findOne(ReviewEligibility, { _id: input.orderLineId });
    if (!line || line.customerId !== customer.userId) {
      return simpleError(
        NotEligibleToReviewError,
        'NOT_ELIGIBLE',
        'You can review a product once your order of it is completed.',
      );
    }
    if (!Number.isInteger(input.rating) || input.rating < 1 || input.rating > 5) {
      return InvalidInputError.of('rating', 'Rate from 1 to 5.', 'INVALID_RATING');
    }
    const text = input.text.trim();
    if (text.length > MAX_TEXT) {
      return InvalidInputError.of('text', `Write at most ${MAX_TEXT} characters.`, 'TEXT_TOO_LONG');
    }
    const photos = await this.images.checkKeys('photos', input.photos, customer.userId, MAX_PHOTOS);
    if (photos) return photos;

    const now = this.deps.now();
    const review = this.em.create(Review, {
      orderLineId: line._id,
      productId: line.productId,
      storeId: line.storeId,
      customerId: customer.userId,
      rating: input.rating,
      text,
      photos: input.photos,
      createdAt: now,
    });
    recordEvent(
      review,
      reviewCreated,
      { source: SOURCE, subjectId: review.id, traceId: customer.traceId, at: now },
      {
        reviewId: review.id,
        productId: review.productId,
        storeId: review.storeId,
        orderLineId: review.orderLineId,
        customerId: review.customerId,
        rating: review.rating,
        createdAt: now.toISOString(),
      },
    );
    try {
      await this.em.persistAndFlush(review);
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      this.em.clear();
      return simpleError(
        AlreadyReviewedError,
        'ALREADY_REVIEWED',
        'You already reviewed this order line.',
      );
    }
    await this.refreshRating(review.productId, review.storeId, customer.traceId);
    this.deps.relay.kick();
    return review;
  }

  /** Sum and count of a product's ratings in one aggregation. */
  async ratingOf(productId: string): Promise<Rating> {
    const [row] = (await this.em.aggregate(Review, [
      { $match: { productId } },
      { $group: { _id: null, count: { $sum: 1 }, sum: { $sum: '$rating' } } },
    ])) as { count: number; sum: number }[];
    const { count, sum } = row ?? { count: 0, sum: 0 };
    return { sum, count, average: count === 0 ? 0 : Math.round((sum / count) * 100) / 100 };
  }

  /**
   * Recomputes the product's rating from all its reviews and publishes it. Reviews are only
   * ever added, so a recount with more reviews is newer: the write is conditional on the stored
   * count being lower, and a recount that lost the race to a fuller one changes nothing.
   */
  async refreshRating(productId: string, storeId: string, traceId: string): Promise<Rating> {
    if (!ObjectId.isValid(productId)) return this.ratingOf(productId);
    const rating = await this.ratingOf(productId);
    await this.em.nativeUpdate(
      Product,
      { _id: new ObjectId(productId), ratingCount: { $lt: rating.count } },
      { ratingSum: rating.sum, ratingCount: rating.count, ratingAverage: rating.average },
    );
    const event = createEvent(
      productRatingChanged,
      { source: SOURCE, subjectId: productId, sequence: rating.count, traceId },
      {
        productId,
        storeId,
        ratingAverage: rating.average,
        ratingCount: rating.count,
        ratingSum: rating.sum,
      },
    );
    try {
      await this.em.insert(RatingNotice, {
        _id: `${productId}:${rating.count}`,
        outbox: [event],
        eventSequence: rating.count,
      });
    } catch (error) {
      // This very rating was already recorded (same count, so the same reviews).
      if (!isDuplicateKeyError(error)) throw error;
    }
    return rating;
  }

  list(
    productId: string,
    sort: ReviewSort,
    first: number,
    after?: string | null,
  ): Promise<Page<Review>> {
    return findPage(this.em, Review, { productId }, REVIEW_KEYS[sort], first, after);
  }

  /** The caller's completed lines not yet reviewed, newest first. */
  async reviewable(customerId: string, productId?: string | null): Promise<ReviewableOrderLine[]> {
    const lines = await this.em.find(
      ReviewEligibility,
      productId ? { customerId, productId } : { customerId },
      { orderBy: { completedAt: 'desc' }, limit: 100 },
    );
    if (lines.length === 0) return [];
    const reviewed = await this.em.find(Review, { orderLineId: { $in: lines.map((l) => l._id) } });
    const done = new Set(reviewed.map((review) => review.orderLineId));
    return lines
      .filter((line) => !done.has(line._id))
      .map((line) =>
        Object.assign(new ReviewableOrderLine(), {
          orderLineId: line._id,
          orderId: line.orderId,
          productId: line.productId,
          completedAt: line.completedAt,
        }),
      );
  }
}
