import { flowerById } from './catalog.data.js';

/** `_entities` for Flower: static, so no loader is needed. */
export const flowerReference = {
  Flower: {
    __resolveReference: (reference: { id: number }) => flowerById(Number(reference.id)) ?? null,
  },
};
