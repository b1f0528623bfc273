import { storeRef } from './entity-refs.js';

/** `_entities` for Store: a stub that `Store.flowerSubscriptions` and the calendar hang from. */
export const storeReference = {
  Store: { __resolveReference: (reference: { id: string }) => storeRef(reference.id) },
};
