import type { IdentityContext } from '../identity.context.js';

/** `_entities` for User: a batch of N references is one query through the loader. */
export const userReference = {
  User: {
    __resolveReference: (reference: { id: string }, ctx: IdentityContext) =>
      ctx.userLoader.load(reference.id),
  },
};
