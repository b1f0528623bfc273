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
import DataLoader from 'dataloader';
import type { ImageService } from '../images/image.service.js';
import { type ProductsDeps, SOURCE } from '../products.deps.js';
import { Product } from '../products/product.entity.js';
import { RatingNotice, Review, ReviewEligibility, ReviewSummary } from './review.entities.js';
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

/** A product's review counts: the rating, reviews per star and reviews with photos. */
export interface ReviewCounts extends Rating {
  /** Index 0 counts 1-star reviews, index 4 counts 5-star ones. */
  stars: number[];
  photoCount: number;
}

const NO_REVIEWS: ReviewCounts = {
  sum: 0,
  count: 0,
  average: 0,
  stars: [0, 0, 0, 0, 0],
  photoCount: 0,
};

/** Sum, count and mean from counts per star. */
function countsFrom(stars: readonly number[], photoCount: number): ReviewCounts {
  const count = stars.reduce((a, b) => a + b, 0);
  const sum = stars.reduce((total, n, i) => total + n * (i + 1), 0);
  const average = count === 0 ? 0 : Math.round((sum / count) * 100) / 100;
  return { sum, count, average, stars: [...stars], photoCount };
}

interface CountRow {
  _id: { productId: string; rating: number; hasPhotos?: boolean };
  n: number;
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
      hasPhotos: input.photos.length > 0,
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

  /** Per request: a product page asking for its breakdown costs one lookup for all products. */
  private readonly summaries = new DataLoader<string, ReviewCounts>((ids) => this.countsOf(ids));

  /** A product's review counts, from its stored summary (one batched lookup per request). */
  counts(productId: string): Promise<ReviewCounts> {
    return this.summaries.load(productId);
  }

  /**
   * Stored summaries; a product without one (reviewed before summaries existed, or whose only
   * recount was lost) is counted from its reviews, all such products in one aggregation.
   */
  private async countsOf(ids: readonly string[]): Promise<ReviewCounts[]> {
    const stored = await this.em.find(ReviewSummary, { _id: { $in: [...ids] } });
    const byId = new Map(stored.map((row) => [row._id, countsFrom(row.stars, row.photoCount)]));
    const missing = ids.filter((id) => !byId.has(id));
    if (missing.length > 0) {
      for (const [id, counts] of await this.recount(missing)) byId.set(id, counts);
    }
    return ids.map((id) => byId.get(id) ?? NO_REVIEWS);
  }

  /** Counts per product, star and photo presence, in one aggregation over the reviews. */
  private async recount(productIds: readonly string[]): Promise<Map<string, ReviewCounts>> {
    const rows = (await this.em.aggregate(Review, [
      { $match: { productId: { $in: [...productIds] } } },
      {
        $group: {
          _id: { productId: '$productId', rating: '$rating', hasPhotos: '$hasPhotos' },
          n: { $sum: 1 },
        },
      },
    ])) as CountRow[];
    const tallies = new Map<string, { stars: number[]; photoCount: number }>();
    for (const { _id, n } of rows) {
      const tally = tallies.get(_id.productId) ?? { stars: [0, 0, 0, 0, 0], photoCount: 0 };
      const at = _id.rating - 1;
      tally.stars[at] = (tally.stars[at] ?? 0) + n;
      if (_id.hasPhotos) tally.photoCount += n;
      tallies.set(_id.productId, tally);
    }
    return new Map(
      [...tallies].map(([id, tally]) => [id, countsFrom(tally.stars, tally.photoCount)]),
    );
  }

  /** Sum, count and mean of a product's ratings, counted from its reviews. */
  async ratingOf(productId: string): Promise<ReviewCounts> {
    return (await this.recount([productId])).get(productId) ?? NO_REVIEWS;
  }

  /**
   * Recounts the product's reviews, stores the counts and publishes the rating. Reviews are only
   * ever added, so a recount with more reviews is newer: each write is conditional on the stored
   * count being lower, and a recount that lost the race to a fuller one changes nothing.
   */
  async refreshRating(productId: string, storeId: string, traceId: string): Promise<Rating> {
    const rating = await this.ratingOf(productId);
    await this.storeSummary(productId, rating);
    if (!ObjectId.isValid(productId)) return rating;
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

  /** The first recount creates the summary; later ones replace it only when they saw more. */
  private async storeSummary(productId: string, counts: ReviewCounts): Promise<void> {
    const fields = { count: counts.count, stars: counts.stars, photoCount: counts.photoCount };
    try {
      await this.em.insert(ReviewSummary, { _id: productId, ...fields });
      return;
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
    await this.em.nativeUpdate(
      ReviewSummary,
      { _id: productId, count: { $lt: counts.count } },
      fields,
    );
  }

  list(
    productId: string,
    sort: ReviewSort,
    first: number,
    after?: string | null,
    withPhotos = false,
  ): Promise<Page<Review>> {
    const where = withPhotos ? { productId, hasPhotos: true } : { productId };
    return findPage(this.em, Review, where, REVIEW_KEYS[sort], first, after);
  }

  /** The caller's completed lines not yet reviewed, newest first. */
  async reviewable(
    customerId: string,
    { productId, orderId }: { productId?: string | null; orderId?: string | null } = {},
  ): Promise<ReviewableOrderLine[]> {
    const lines = await this.em.find(
      ReviewEligibility,
      {
        customerId,
        ...(productId ? { productId } : {}),
        ...(orderId ? { orderId } : {}),
      },
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
