import {
  type Consumption,
  type EventEnvelope,
  decodeEvent,
  isDuplicateKeyError,
  recordEvent,
} from '@bloom/kernel';
import {
  orderConfirmed,
  orderFailed,
  subscriptionChargeFailed,
  subscriptionCharged,
  subscriptionCycleMissed,
  subscriptionSuspended,
} from '@bloom/schema';
import type { EntityManager, MikroORM } from '@mikro-orm/mongodb';
import { startOfDay } from '../calendar/cycle-calendar.js';
import {
  CycleAttempt,
  CycleOutcome,
  CycleOutcomeStatus,
  CycleRecord,
  cycleId,
  isPaymentFailure,
} from '../subscriptions/cycle.entity.js';
import { Subscription, SubscriptionStatus } from '../subscriptions/subscription.entity.js';
import { changeFresh } from '../subscriptions/subscription-lifecycle.js';
import { SOURCE, type SubscriptionsDeps } from '../subscriptions.deps.js';

const HOUR_MS = 3_600_000;
export const OUTCOME_CONSUMER = 'subscriptions-cycle-outcomes';

/**
 * Records the outcome of a cycle's charge attempt from orders' confirmed / failed event for the
 * attempt's order (other orders are ignored). The outcome is one insert under the attempt id
 * carrying its events, so a redelivered event announces nothing twice:
 * - confirmed → charged;
 * - failed with a retry left that still falls before the delivery day (Asia/Seoul) →
 *   chargeFailed with `retryAt`, and the subscription is woken at that time;
 * - otherwise the cycle's last failure: a declined payment suspends the subscription
 *   (chargeFailed + suspended), any other reason makes just this cycle missed.
 * The writes to the subscription document hold its lock; a redelivery after a crash in between
 * writes them again.
 */
export async function applyOrderOutcome(
  em: EntityManager,
  deps: SubscriptionsDeps,
  event: EventEnvelope,
): Promise<void> {
  const confirmed = event.type === orderConfirmed.type;
  const failure = confirmed ? null : decodeEvent(orderFailed, event).payload;
  const { orderId } = failure ?? decodeEvent(orderConfirmed, event).payload;
  const attempt = await em.findOne(CycleAttempt, { orderId }, { refresh: true });
  if (!attempt) return;
  const subscription = await em.findOne(Subscription, { _id: attempt.subscriptionId });
  const record = await em.findOne(CycleRecord, {
    _id: cycleId(attempt.subscriptionId, attempt.cycle),
  });
  if (!subscription || !record) return;
  const now = deps.now();
  const reason = failure?.reason;
  const retryAt = failure ? nextRetry(deps, attempt.attempt, record.deliveryDate, now) : null;
  const outcome = em.create(CycleOutcome, {
    _id: attempt._id,
    subscriptionId: attempt.subscriptionId,
    cycle: attempt.cycle,
    attempt: attempt.attempt,
    orderId,
    status: confirmed ? CycleOutcomeStatus.CHARGED : CycleOutcomeStatus.FAILED,
    reason,
    retryAt,
    at: now,
    outbox: [],
    eventSequence: 0,
  });
  const meta = { source: SOURCE, subjectId: subscription._id, traceId: event.traceId, at: now };
  const parties = subscription.parties();
  if (!reason) {
    recordEvent(outcome, subscriptionCharged, meta, {
      ...parties,
      cycle: attempt.cycle,
      orderId,
      amount: record.amount,
      deliveryDate: record.deliveryDate,
    });
  } else {
    recordEvent(outcome, subscriptionChargeFailed, meta, {
      ...parties,
      cycle: attempt.cycle,
      attempt: attempt.attempt,
      orderId,
      reason,
      retryAt: retryAt?.toISOString() ?? null,
    });
    if (!retryAt && isPaymentFailure(reason)) {
      recordEvent(outcome, subscriptionSuspended, meta, {
        ...parties,
        cycle: attempt.cycle,
        reason,
      });
    } else if (!retryAt) {
      recordEvent(outcome, subscriptionCycleMissed, meta, {
        ...parties,
        cycle: attempt.cycle,
        deliveryDate: record.deliveryDate,
        reason: 'ORDER_FAILED',
        orderReason: reason,
      });
    }
  }
  let inserted = true;
  try {
    await em.insert(CycleOutcome, outcome);
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    inserted = false;
  }
  const stored = inserted
    ? outcome
    : await em.findOne(CycleOutcome, { _id: attempt._id }, { refresh: true });
  if (stored?.status === CycleOutcomeStatus.FAILED) {
    if (stored.retryAt) {
      await wakeAt(em, subscription._id, stored.retryAt);
    } else if (isPaymentFailure(stored.reason ?? '')) {
      await suspend(em, deps, subscription._id, stored);
    }
  }
  // Announced once the subscription shows it (woken for the retry, or suspended): whoever acts
  // on chargeFailed finds the retry scheduled. A crash before this leaves the events to the
  // relay's scan.
  if (inserted) deps.relay.kick(outcome);
}

/** When the next attempt runs: per SUBSCRIPTION_RETRY_HOURS, and only before the delivery day. */
function nextRetry(
  deps: SubscriptionsDeps,
  attempt: number,
  deliveryDate: string,
  now: Date,
): Date | null {
  const hours = deps.config.SUBSCRIPTION_RETRY_HOURS[attempt - 1];
  if (hours === undefined) return null;
  const at = new Date(now.getTime() + hours * HOUR_MS);
  return at < startOfDay(deliveryDate) ? at : null;
}

/** Brings the subscription's next scheduler visit forward to `at`. */
const wakeAt = (em: EntityManager, id: string, at: Date) =>
  changeFresh(em, id, (fresh) => {
    if (fresh.wakeAt && fresh.wakeAt <= at) return false;
    fresh.wakeAt = at;
    return true;
  });

const suspend = (em: EntityManager, deps: SubscriptionsDeps, id: string, outcome: CycleOutcome) =>
  changeFresh(em, id, (fresh) => {
    if (fresh.status !== SubscriptionStatus.ACTIVE) return false;
    // A suspension for an older failure never overrides a later resume.
    if (fresh.resumedAt && fresh.resumedAt > outcome.at) return false;
    fresh.status = SubscriptionStatus.SUSPENDED;
    fresh.suspendedReason = outcome.reason ?? 'PAYMENT_DECLINED';
    fresh.suspendedAt = deps.now();
    fresh.wakeAt = null;
    fresh.updatedAt = deps.now();
    return true;
  });

export function startOutcomeConsumer(orm: MikroORM, deps: SubscriptionsDeps): Promise<Consumption> {
  return deps.bus.consume({
    durable: OUTCOME_CONSUMER,
    types: [orderConfirmed.type, orderFailed.type],
    handle: (event) =>
      deps.processed
        .once(OUTCOME_CONSUMER, event.id, () => applyOrderOutcome(orm.em.fork(), deps, event))
        .then(() => undefined),
  });
}
