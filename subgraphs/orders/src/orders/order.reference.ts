import { requireUser } from '@bloom/kernel';
import type { OrdersContext } from '../orders.context.js';

/** `_entities` for Order, through the request's loader. */
export const orderReference = {
  Order: {
    __resolveReference: async (reference: { id: string }, ctx: OrdersContext) => {
      // An order reached through another subgraph is still shown only to those entitled.
      if (!ctx.caller.userId) return null;
      return ctx.services.queries.visible(
        requireUser(ctx.caller),
        await ctx.orderLoader.load(reference.id),
      );
    },
  },
};
