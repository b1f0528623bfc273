import { type EntityManager, recordEvent, retryOnConflict } from '@bloom/kernel';
import { subscriptionCanceled } from '@bloom/schema';
import { nextDelivered } from '../calendar/cycle-calendar.js';
import { SOURCE, type SubscriptionsDeps } from '../subscriptions.deps.js';
import { CycleKindOfDelivery, CycleRecord } from './cycle.entity.js';
import { Subscription, SubscriptionStatus } from './subscription.entity.js';

/** The next cycle still to be created, as the customer sees it. */
export interface UpcomingCycle {
  cycle: number;
  deliveryDate: string;
  chargeDate: string;
}

/** The next cycle to be created and delivered after `records`, or null (suspended, ended). */
export function upcomingCycle(
  subscription: Subscription,
  records: readonly CycleRecord[],
): UpcomingCycle | null {
  if (subscription.status !== SubscriptionStatus.ACTIVE) return null;
  const last = records.reduce((max, r) => Math.max(max, r.cycle), 0);
  const skipped = records.filter((r) => r.kind === CycleKindOfDelivery.SKIPPED).map((r) => r.cycle);
  const next = nextDelivered(subscription.cycleState(skipped), last);
  return (
    next && { cycle: next.cycle, deliveryDate: next.deliveryDate, chargeDate: next.chargeDate }
  );
}

/** Ends a subscription: cycles already created are still delivered, no later one is made. */
export function markCanceled(
  subscription: Subscription,
  records: readonly CycleRecord[],
  by: 'CUSTOMER' | 'ADMIN' | 'SYSTEM',
  meta: { traceId: string; at: Date },
  reason?: 'PRODUCT_DELETED' | 'STORE_CLOSED',
): void {
  const lastDelivered = records
    .filter((r) => r.kind === CycleKindOfDelivery.DELIVERY)
    .reduce((max, r) => Math.max(max, r.cycle), 0);
  subscription.status = SubscriptionStatus.CANCELED;
  subscription.canceledAt = meta.at;
  subscription.endsAfterCycle = records.reduce((max, r) => Math.max(max, r.cycle), 0);
  subscription.updatedAt = meta.at;
  recordEvent(
    subscription,
    subscriptionCanceled,
    { source: SOURCE, subjectId: subscription._id, traceId: meta.traceId, at: meta.at },
    { ...subscription.parties(), effectiveAfterCycle: lastDelivered, canceledBy: by, reason },
  );
}

/**
 * The platform ends a subscription whose product was deleted or whose store closed for good.
 * The caller holds the subscription's lock and flushes.
 */
export function endForGood(
  subscription: Subscription,
  records: readonly CycleRecord[],
  reason: 'PRODUCT_DELETED' | 'STORE_CLOSED',
  meta: { traceId: string; at: Date },
): void {
  if (subscription.status === SubscriptionStatus.CANCELED) return;
  markCanceled(subscription, records, 'SYSTEM', meta, reason);
}

/**
 * Changes one subscription as it is now (the customer, the scheduler and the consumers all
 * write it): a compare-and-set on its revision, done again on a fresh copy when another writer
 * got there first. `change` returns false to leave it untouched. Returns whether it changed.
 */
export async function changeFresh(
  em: EntityManager,
  id: string,
  change: (subscription: Subscription, em: EntityManager) => boolean | Promise<boolean>,
): Promise<boolean> {
  return retryOnConflict(em, async (fresh) => {
    const subscription = await fresh.findOne(Subscription, { _id: id });
    if (!subscription || !(await change(subscription, fresh))) return false;
    await fresh.flush();
    return true;
  });
}

/**
 * Ends every live subscription of a deleted product or a closed store (a catalogue event),
 * each on a fresh copy; a redelivered event finds them canceled and does nothing.
 */
export async function endSubscriptionsForGood(
  em: EntityManager,
  deps: SubscriptionsDeps,
  of: { productId: string } | { storeId: string },
  reason: 'PRODUCT_DELETED' | 'STORE_CLOSED',
  traceId: string,
): Promise<number> {
  const live = await em.find(
    Subscription,
    { ...of, status: { $in: [SubscriptionStatus.ACTIVE, SubscriptionStatus.SUSPENDED] } },
    { fields: ['_id'] },
  );
  let ended = 0;
  for (const { _id } of live) {
    const changed = await changeFresh(em, _id, async (subscription, fresh) => {
      if (subscription.status === SubscriptionStatus.CANCELED) return false;
      const records = await fresh.find(CycleRecord, { subscriptionId: _id });
      endForGood(subscription, records, reason, { traceId, at: deps.now() });
      // The scheduler settles the cycles it still delivers, then lets it sleep.
      subscription.wakeAt = deps.now();
      return true;
    });
    if (changed) ended += 1;
  }
  if (ended > 0) deps.relay.kick();
  return ended;
}
