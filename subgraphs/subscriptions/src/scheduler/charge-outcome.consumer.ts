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
  subscriptionSuspended,
} from '@bloom/schema';
import type { EntityManager, MikroORM } from '@mikro-orm/mongodb';
import {
  CycleAttempt,
  CycleOutcome,
  CycleOutcomeStatus,
  CycleRecord,
  cycleId,
} from '../subscriptions/cycle.entity.js';
import { Subscription, SubscriptionStatus } from '../subscriptions/subscription.entity.js';
import { SOURCE, type SubscriptionsDeps } from '../subscriptions.deps.js';

const HOUR_MS = 3_600_000;
export const OUTCOME_CONSUMER = 'subscriptions-cycle-outcomes';

/**
 * Records the outcome of a cycle's charge attempt from orders' confirmed / failed event for the
 * attempt's order (other orders are ignored). The outcome is one insert under the attempt id
 * carrying charged / chargeFailed (and suspended after the last retry), so a redelivered event
 * announces nothing twice; the suspension of the subscription itself is then written under its
 * lock, and a redelivery after a crash in between writes it again.
 */
export async function applyOrderOutcome(
  em: EntityManager,
  deps: SubscriptionsDeps,
  event: EventEnvelope,
): Promise<void> {
  const confirmed = event.type === orderConfirmed.type;
  const { orderId } = confirmed
    ? decodeEvent(orderConfirmed, event).payload
    : decodeEvent(orderFailed, event).payload;
  const attempt = await em.findOne(CycleAttempt, { orderId }, { refresh: true });
  if (!attempt) return;
  const subscription = await em.findOne(Subscription, { _id: attempt.subscriptionId });
  const record = await em.findOne(CycleRecord, {
    _id: cycleId(attempt.subscriptionId, attempt.cycle),
  });
  if (!subscription || !record) return;
  const now = deps.now();
  const retries = deps.config.SUBSCRIPTION_RETRY_HOURS;
  const retryAt =
    !confirmed && attempt.attempt <= retries.length
      ? new Date(now.getTime() + retries[attempt.attempt - 1]! * HOUR_MS)
      : null;
  const reason = confirmed ? undefined : decodeEvent(orderFailed, event).payload.reason;
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
  if (confirmed) {
    recordEvent(outcome, subscriptionCharged, meta, {
      ...subscription.parties(),
      cycle: attempt.cycle,
      orderId,
      amount: record.amount,
      deliveryDate: record.deliveryDate,
    });
  } else {
    recordEvent(outcome, subscriptionChargeFailed, meta, {
      ...subscription.parties(),
      cycle: attempt.cycle,
      attempt: attempt.attempt,
      orderId,
      reason: reason ?? 'CHARGE_FAILED',
      retryAt: retryAt?.toISOString() ?? null,
    });
    if (!retryAt) {
      recordEvent(outcome, subscriptionSuspended, meta, {
        ...subscription.parties(),
        cycle: attempt.cycle,
        reason: reason ?? 'CHARGE_FAILED',
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
  if (inserted) deps.relay.kick();
  const stored = inserted
    ? outcome
    : await em.findOne(CycleOutcome, { _id: attempt._id }, { refresh: true });
  if (stored?.status !== CycleOutcomeStatus.FAILED || stored.retryAt) return;
  await deps.locks.withLock(subscription._id, async () => {
    const locked = em.fork();
    const fresh = await locked.findOne(Subscription, { _id: subscription._id }, { refresh: true });
    if (!fresh || fresh.status !== SubscriptionStatus.ACTIVE) return;
    // A suspension for an older failure never overrides a later resume.
    if (fresh.resumedAt && fresh.resumedAt > stored.at) return;
    fresh.status = SubscriptionStatus.SUSPENDED;
    fresh.suspendedReason = stored.reason ?? 'CHARGE_FAILED';
    fresh.updatedAt = deps.now();
    await locked.flush();
  });
}

export function startOutcomeConsumer(orm: MikroORM, deps: SubscriptionsDeps): Promise<Consumption> {
  return deps.bus.consume({
    durable: OUTCOME_CONSUMER,
    stream: 'ORDERS',
    types: [orderConfirmed.type, orderFailed.type],
    handle: (event) =>
      deps.processed
        .once(OUTCOME_CONSUMER, event.id, () => applyOrderOutcome(orm.em.fork(), deps, event))
        .then(() => undefined),
  });
}
