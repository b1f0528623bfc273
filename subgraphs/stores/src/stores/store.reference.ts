import type { StoresContext } from '../stores.context.js';

/** `_entities` for Store: a batch of N references is one query through the loader. */
export const storeReference = {
  Store: {
    __resolveReference: (reference: { id: string }, ctx: StoresContext) =>
      ctx.loaders.store.load(reference.id),
  },
};
