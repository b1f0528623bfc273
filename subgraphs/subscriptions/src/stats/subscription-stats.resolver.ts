import { Access, checkPeriodDays, requireRole } from '@bloom/kernel';
import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { SubscriptionsContext } from '../subscriptions.context.js';
import { SubscriptionStatsService } from './subscription-stats.service.js';
import { SubscriptionStats } from './subscription-stats.types.js';

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
    return new SubscriptionStatsService(ctx.em, ctx.deps).over(checkPeriodDays(days));
  }
}
