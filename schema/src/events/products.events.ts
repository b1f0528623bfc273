import { defineEvent } from '@bloom/kernel';
import { z } from 'zod';

/**
 * Events the products subgraph publishes (stream PRODUCTS). Product snapshots carry the
 * envelope `sequence` of the product, so a projection keeps the highest one it has seen.
 */

const isoInstant = z.string().datetime();
const saleStatus = z.enum(['ON_SALE', 'SOLD_OUT', 'DISCONTINUED', 'DELETED']);

/** One flower of a product's recipe: stems per unit; exactly one line is representative. */
export const productRecipeLine = z.object({
  flowerId: z.number().int().min(1).max(22),
  count: z.number().int().positive(),
  representative: z.boolean(),
});

/** What other contexts need to know about a product (orders prices and reserves from it). */
export const productSnapshot = z.object({
  productId: z.string().min(1),
  storeId: z.string().min(1),
  name: z.string(),
  /** KRW, integer. */
  price: z.number().int().nonnegative(),
  status: saleStatus,
  isSubscription: z.boolean(),
  category: z.enum(['BOUQUET', 'BASKET', 'BOX', 'WREATH']).nullable(),
  tags: z.array(z.string()),
  recipe: z.array(productRecipeLine).min(1),
  representativeFlowerId: z.number().int(),
  updatedAt: isoInstant,
});

export const productCreated = defineEvent('products.product.created', productSnapshot);

export const productUpdated = defineEvent(
  'products.product.updated',
  productSnapshot.extend({
    /** The status before this change, so consumers can see transitions (e.g. a restock). */
    previousStatus: saleStatus,
  }),
);

/** Soft deletion: the product is gone from every listing and cannot be ordered. */
export const productDeleted = defineEvent('products.product.deleted', productSnapshot);

export const reviewCreated = defineEvent(
  'products.review.created',
  z.object({
    reviewId: z.string().min(1),
    productId: z.string().min(1),
    storeId: z.string().min(1),
    orderLineId: z.string().min(1),
    customerId: z.string().min(1),
    rating: z.number().int().min(1).max(5),
    createdAt: isoInstant,
  }),
);

/**
 * A product's rating, recomputed from all its reviews. Reviews are never removed, so
 * `ratingCount` only grows: apply an event only when its count is at least the one you hold
 * (events for one product may arrive out of order). Stores derives the store rating from it.
 */
export const productRatingChanged = defineEvent(
  'products.product.ratingChanged',
  z.object({
    productId: z.string().min(1),
    storeId: z.string().min(1),
    /** Mean of the ratings, rounded to two decimals; 0 when there are none. */
    ratingAverage: z.number().min(0).max(5),
    ratingCount: z.number().int().nonnegative(),
    /** Sum of the ratings, for consumers that aggregate several products exactly. */
    ratingSum: z.number().int().nonnegative(),
  }),
);

/**
 * A sold-out product can be sold again: the named subscribers get a notice (in-app and SMS),
 * each alert exactly once. At most `availableQuantity` subscribers are named (oldest alerts
 * first); the others keep waiting for the next restock.
 */
export const productRestocked = defineEvent(
  'products.product.restocked',
  z.object({
    productId: z.string().min(1),
    storeId: z.string().min(1),
    subscriberIds: z.array(z.string().min(1)).min(1),
    /** Units the store can make now, from its flower stock. */
    availableQuantity: z.number().int().nonnegative(),
  }),
);

export const productsEventContracts = [
  productCreated,
  productUpdated,
  productDeleted,
  reviewCreated,
  productRatingChanged,
  productRestocked,
] as const;
