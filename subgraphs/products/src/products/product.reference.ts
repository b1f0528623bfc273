import type { ProductsContext } from '../products.context.js';

/**
 * `_entities` for Product: a batch of N references is one query through the loader. Deleted
 * products still resolve, so orders and reviews can show what was bought.
 */
export const productReference = {
  Product: {
    __resolveReference: (reference: { id: string }, ctx: ProductsContext) =>
      ctx.loaders.product.load(reference.id),
  },
};
