import { storeRef } from './store.types.js';

/** `_entities` for Store: nothing to load, its fields here work from the id. */
export const storeReference = {
  Store: { __resolveReference: (reference: { id: string }) => storeRef(reference.id) },
};
