import { type EntityManager, seoulPeriodStart } from '@bloom/kernel';
import type { SubscriptionsDeps } from '../subscriptions.deps.js';
import { Subscription } from '../subscriptions/subscription.entity.js';
import { SubscriptionStats } from './subscription-stats.types.js';

/** The platform's subscription figures. */
export class SubscriptionStatsService {
  constructor(
    private readonly em: EntityManager,
    private readonly deps: SubscriptionsDeps,
  ) {}

  /** Over the last `days` Asia/Seoul days, today included. */
  async over(days: number): Promise<SubscriptionStats> {
    const since = seoulPeriodStart(this.deps.now(), days);
    const [started, suspended, canceled] = await Promise.all([
      this.em.count(Subscription, { createdAt: { $gte: since } }),
      this.em.count(Subscription, { suspendedAt: { $gte: since } }),
      this.em.count(Subscription, { canceledAt: { $gte: since } }),
    ]);
    return Object.assign(new SubscriptionStats(), { started, suspended, canceled });
  }
}
