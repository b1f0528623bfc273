import { userRef } from './entity-refs.js';

/** `_entities` for User: a stub that `User.flowerSubscriptions` hangs from. */
export const userReference = {
  User: { __resolveReference: (reference: { id: string }) => userRef(reference.id) },
};
