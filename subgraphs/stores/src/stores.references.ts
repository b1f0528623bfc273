import type { StoresContext } from './stores.context.js';
import type { ProductRef } from './products/product.types.js';

/**
 * `_entities` for the entities stores resolves. A Product representation already carries the
 * `@requires` fields (storeId, recipe), so it is its own root; stores and coupons go through
 * the request's loaders (one query per batch).
 */
export const storesReferences = {
  Product: {
    __resolveReference: (reference: ProductRef) => reference,
  },
  Store: {
    __resolveReference: (reference: { id: string }, ctx: StoresContext) =>
      ctx.loaders.store.load(reference.id),
  },
  Coupon: {
    __resolveReference: (reference: { id: string }, ctx: StoresContext) =>
      ctx.loaders.coupon.load(reference.id),
  },
  User: {
    __resolveReference: (reference: { id: string }) => ({ id: reference.id }),
  },
};
