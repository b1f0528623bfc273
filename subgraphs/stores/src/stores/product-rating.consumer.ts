import { type Consumption, type EventBus, type EventEnvelope, decodeEvent } from '@bloom/kernel';
import { productRatingChanged } from '@bloom/schema';
import type { MikroORM } from '@mikro-orm/mongodb';
import type { StoresDeps } from '../stores.deps.js';
import { ProductRating, StoreRating } from './store-rating.entity.js';

export const PRODUCT_RATINGS_CONSUMER = 'stores-product-ratings';

/**
 * Folds a product's new rating into its store's rating. One consumer handles these one at a
 * time (concurrency 1), so the read-modify-writes below have a single writer; a product's
 * rating count only grows, so an older event arriving late is ignored.
 */
export async function applyProductRating(
  orm: MikroORM,
  deps: StoresDeps,
  envelope: EventEnvelope,
): Promise<void> {
  const { payload } = decodeEvent(productRatingChanged, envelope);
  await deps.processed.once(PRODUCT_RATINGS_CONSUMER, envelope.id, async () => {
    const em = orm.em.fork();
    const now = deps.now();
    const held = await em.findOne(ProductRating, { _id: payload.productId });
    if (held && held.ratingCount > payload.ratingCount) return;
    await em.upsert(ProductRating, {
      _id: payload.productId,
      storeId: payload.storeId,
      ratingSum: payload.ratingSum,
      ratingCount: payload.ratingCount,
      updatedAt: now,
    });
    const products = await em.find(
      ProductRating,
      { storeId: payload.storeId },
      { disableIdentityMap: true },
    );
    const sum = products.reduce((total, p) => total + p.ratingSum, 0);
    const count = products.reduce((total, p) => total + p.ratingCount, 0);
    await em.upsert(StoreRating, {
      _id: payload.storeId,
      rating: count === 0 ? 0 : Math.round((sum / count) * 100) / 100,
      ratingCount: count,
      updatedAt: now,
    });
  });
}

export function consumeProductRatings(
  bus: EventBus,
  orm: MikroORM,
  deps: StoresDeps,
): Promise<Consumption> {
  return bus.consume({
    durable: PRODUCT_RATINGS_CONSUMER,
    types: [productRatingChanged.type],
    // Events are per product, the store's rating sums all its products: one writer only.
    concurrency: 1,
    handle: (event) => applyProductRating(orm, deps, event),
  });
}
