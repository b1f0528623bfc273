import type { ProductRef } from './product.types.js';

/**
 * `_entities` for Product: a representation already carries the `@requires` fields (storeId,
 * recipe), so it is its own root and nothing is loaded.
 */
export const productReference = {
  Product: {
    __resolveReference: (reference: ProductRef) => reference,
  },
};
