import type { StoresContext } from '../stores.context.js';

/** `_entities` for Coupon: a batch of N references is one query through the loader. */
export const couponReference = {
  Coupon: {
    __resolveReference: (reference: { id: string }, ctx: StoresContext) =>
      ctx.loaders.coupon.load(reference.id),
  },
};
