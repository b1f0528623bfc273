/** `_entities` for User: only its id, which `User.orders` needs. */
export const userReference = {
  User: { __resolveReference: (reference: { id: string }) => ({ id: reference.id }) },
};
