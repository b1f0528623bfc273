import { OrderLineRef } from './order-line.types.js';

/** `_entities` for OrderLine: giftcards needs nothing but the id. */
export const orderLineReference = {
  OrderLine: {
    __resolveReference: (reference: { id: string }) =>
      Object.assign(new OrderLineRef(), { id: reference.id }),
  },
};
