/** `_entities` for Store: only its id, which `Store.orders` needs. */
export const storeReference = {
  Store: { __resolveReference: (reference: { id: string }) => ({ id: reference.id }) },
};
