import { requireUser } from '@bloom/kernel';
import type { SubscriptionsContext } from '../subscriptions.context.js';

/**
 * `_entities` for FlowerSubscription, through the request's loader; one reached through another
 * subgraph is still shown only to those who may see it.
 */
export const subscriptionReference = {
  FlowerSubscription: {
    __resolveReference: async (reference: { id: string }, ctx: SubscriptionsContext) => {
      if (!ctx.caller.userId) return null;
      const subscription = await ctx.subscriptionLoader.load(reference.id);
      if (!subscription) return null;
      return (await ctx.subscriptionQueries.canSee(requireUser(ctx.caller), subscription))
        ? subscription
        : null;
    },
  },
};
