import { Access, badInput, requireRole } from '@bloom/kernel';
import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { SubscriptionsContext } from '../subscriptions.context.js';
import { SubscriptionStatsService } from './subscription-stats.service.js';
import { SubscriptionStats } from './subscription-stats.types.js';

/** Figures cover 1 to 366 Asia/Seoul days (a leap year), like the orders platform figures. */
const MAX_DAYS = 366;

@Resolver()
export class SubscriptionStatsResolver {
  @Access(['ADMIN'])
  @Query(() => SubscriptionStats, {
    description:
      'Admin: subscriptions started, suspended and canceled over the last `days` Asia/Seoul days (1–366, today included).',
  })
  platformSubscriptionStats(
    @Ctx() ctx: SubscriptionsContext,
    @Arg('days', () => Int, { defaultValue: 30 }) days: number,
  ) {
    requireRole(ctx.caller, 'ADMIN');
    if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS) {
      throw badInput(`days must be a whole number from 1 to ${MAX_DAYS}.`, { field: 'days' });
    }
    return new SubscriptionStatsService(ctx.em, ctx.deps).over(days);
  }
}
