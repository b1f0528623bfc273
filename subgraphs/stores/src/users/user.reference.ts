/** `_entities` for User: stores adds the seller's store, which works from the id alone. */
export const userReference = {
  User: {
    __resolveReference: (reference: { id: string }) => ({ id: reference.id }),
  },
};
