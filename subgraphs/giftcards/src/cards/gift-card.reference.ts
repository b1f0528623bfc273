import type { GiftcardsContext } from '../giftcards.context.js';

/** `_entities` for GiftCard: a batch of N references is one query through the loader. */
export const giftCardReference = {
  GiftCard: {
    __resolveReference: (reference: { id: string }, ctx: GiftcardsContext) =>
      ctx.cardLoader.load(reference.id),
  },
};
