import { randomUUID } from 'node:crypto';
import {
  type EntityManager,
  type Logger,
  isDuplicateKeyError,
  recordEvent,
  retryOnConflict,
} from '@bloom/kernel';
import {
  subscriptionCycleMissed,
  subscriptionCycleOrderCreated,
  subscriptionCycleOrderRequested,
} from '@bloom/schema';
import { type MikroORM, ObjectId } from '@mikro-orm/mongodb';
import { chargeDate, cyclesDue, dayOf, startOfDay } from '../calendar/cycle-calendar.js';
import { ProductProjection, StoreProjection } from '../projections/catalog.entities.js';
import {
  CycleAttempt,
  CycleKindOfDelivery,
  CycleOutcome,
  CycleOutcomeStatus,
  CycleRecord,
  attemptId,
  cycleId,
  isPaymentFailure,
} from '../subscriptions/cycle.entity.js';
import { Subscription, SubscriptionStatus } from '../subscriptions/subscription.entity.js';
import { endForGood } from '../subscriptions/subscription-lifecycle.js';
import { SOURCE, type SubscriptionsDeps } from '../subscriptions.deps.js';
import { type Availability, availability } from './cycle-availability.js';
import { CycleHistory } from './cycle-history.js';

export interface SchedulerRun {
  /** Subscriptions whose wake-up time had come and that were looked at. */
  subscriptionsVisited: number;
  /** Cycle records this run inserted (delivered, skipped, paused, missed or unavailable). */
  cyclesCreated: number;
  /** Charge attempts (order requests) this run inserted, first attempts and retries. */
  attemptsRequested: number;
}

const DAY_MS = 86_400_000;
/** How long a pass's claim on a subscription keeps other passes away (ends a dead pass's claim). */
const VISIT_LEASE_MS = 5 * 60_000;

/**
 * Creates each subscription's due cycles and charge attempts.
 *
 * - A cycle whose charge day (lead days before delivery, in Asia/Seoul) has come is inserted
 *   once under `_id = <subscriptionId>:<cycle>`; a duplicate-key insert means another run (the
 *   same day again, another process) created it. A delivered cycle's first charge attempt is
 *   inserted under `<subscriptionId>:<cycle>#1`, carrying the command to orders.
 * - A failed attempt with a `retryAt` is retried once that time has come; when the delivery day
 *   came first (the scheduler was down) the cycle lapses: a LAPSED outcome, missed, not charged.
 *   After a suspension, a resume retries the failed cycle if its delivery day has not begun.
 * - A run visits only subscriptions whose `wakeAt` has come and sets the next one, so an idle
 *   pass costs one query however many subscriptions there are.
 *
 * Per subscription the run holds the subscription's document lock, so a customer's change
 * (pause, change of date, cancel) is never interleaved with the creation of its cycles.
 */
export class CycleScheduler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<SchedulerRun> | undefined;

  constructor(
    private readonly orm: MikroORM,
    private readonly deps: SubscriptionsDeps,
    private readonly logger: Logger,
  ) {}

  start(): void {
    const interval = this.deps.config.SUBSCRIPTION_SCHEDULER_INTERVAL_MS;
    if (interval <= 0) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.runOnce().finally(() => {
        this.running = undefined;
      });
      this.running.catch((error: unknown) =>
        this.logger.error('scheduler failed', { err: String(error) }),
      );
    }, interval);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** One pass over the subscriptions due at the clock's current time. */
  async runOnce(): Promise<SchedulerRun> {
    const run: SchedulerRun = { subscriptionsVisited: 0, cyclesCreated: 0, attemptsRequested: 0 };
    const now = this.deps.now();
    const ids = await this.orm.em
      .fork()
      .getConnection()
      .getCollection<{ _id: string }>('subscriptions')
      .find(
        {
          $or: [
            {
              status: { $in: [SubscriptionStatus.ACTIVE, SubscriptionStatus.CANCELED] },
              wakeAt: { $lte: now },
            },
            // Written before wake-up times existed: looked at once, then given one.
            { status: SubscriptionStatus.ACTIVE, wakeAt: null },
          ],
        },
        { projection: { _id: 1 } },
      )
      .toArray();
    for (const { _id } of ids) {
      try {
        await retryOnConflict(this.orm.em, (em) => this.runSubscription(em, _id, run));
      } catch (error) {
        this.logger.error('subscription cycle run failed', {
          err: String(error),
          subscriptionId: _id,
        });
      }
    }
    if (run.subscriptionsVisited > 0) this.deps.relay.kick();
    return run;
  }

  private async runSubscription(em: EntityManager, id: string, run: SchedulerRun): Promise<void> {
    const subscription = await em.findOne(Subscription, { _id: id }, { refresh: true });
    if (!subscription) return;
    const now = this.deps.now();
    if (subscription.wakeAt && subscription.wakeAt > now) return;
    if (!subscription.wakeAt && subscription.status !== SubscriptionStatus.ACTIVE) return;
    // The claim: a write, so a customer's change validated against the cycles as they were
    // before this visit loses its compare-and-set, and another replica's pass skips it (the
    // lease ends the claim of a pass that died).
    subscription.wakeAt = new Date(now.getTime() + VISIT_LEASE_MS);
    await em.flush();
    run.subscriptionsVisited += 1;
    const [records, attempts, outcomes] = await Promise.all([
      em.find(CycleRecord, { subscriptionId: id }, { refresh: true }),
      em.find(CycleAttempt, { subscriptionId: id }, { refresh: true }),
      em.find(CycleOutcome, { subscriptionId: id }, { refresh: true }),
    ]);
    const history = new CycleHistory(records, attempts, outcomes);
    const traceId = randomUUID();
    if (subscription.status === SubscriptionStatus.ACTIVE) {
      await this.createDueCycles(em, subscription, history, traceId, run);
    }
    await this.advanceOpenCycles(em, subscription, history, traceId, run);
    subscription.wakeAt = this.nextWake(subscription, history, now);
    await em.flush();
  }

  private async createDueCycles(
    em: EntityManager,
    subscription: Subscription,
    history: CycleHistory,
    traceId: string,
    run: SchedulerRun,
  ): Promise<void> {
    const id = subscription._id;
    const now = this.deps.now();
    const today = dayOf(now);
    const state = subscription.cycleState(history.skipped());
    let catalog: Availability | undefined;
    for (const due of cyclesDue(state, state.schedule.anchorCycle - 1, today)) {
      if (history.records.has(due.cycle)) continue;
      let kind = !due.delivered
        ? CycleKindOfDelivery.PAUSED
        : due.deliveryDate < today
          ? CycleKindOfDelivery.MISSED
          : CycleKindOfDelivery.DELIVERY;
      let price: { subtotal: number; deliveryFee: number } = { subtotal: 0, deliveryFee: 0 };
      let missedReason: 'PRODUCT_UNAVAILABLE' | 'STORE_UNAVAILABLE' | 'NOT_PROCESSED_IN_TIME' =
        'NOT_PROCESSED_IN_TIME';
      if (kind === CycleKindOfDelivery.DELIVERY) {
        catalog ??= availability(
          await em.findOne(ProductProjection, { _id: subscription.productId }, { refresh: true }),
          await em.findOne(StoreProjection, { _id: subscription.storeId }, { refresh: true }),
        );
        if (catalog.kind === 'ended') {
          endForGood(subscription, history.all(), catalog.reason, { traceId, at: now });
          return;
        }
        if (catalog.kind === 'unavailable') {
          kind = CycleKindOfDelivery.UNAVAILABLE;
          missedReason = catalog.reason;
        } else {
          const subtotal = catalog.product.price * subscription.quantity;
          price = { subtotal, deliveryFee: catalog.store?.deliveryFeeFor(subtotal) ?? 0 };
        }
      }
      const record = em.create(CycleRecord, {
        _id: cycleId(id, due.cycle),
        subscriptionId: id,
        storeId: subscription.storeId,
        customerId: subscription.customerId,
        cycle: due.cycle,
        deliveryDate: due.deliveryDate,
        kind,
        subtotal: price.subtotal,
        deliveryFee: price.deliveryFee,
        amount: price.subtotal + price.deliveryFee,
        deliveryWindow: subscription.deliveryWindow,
        createdAt: now,
        outbox: [],
        eventSequence: 0,
      });
      const meta = { source: SOURCE, subjectId: id, traceId, at: now };
      const orderId = new ObjectId().toHexString();
      if (kind === CycleKindOfDelivery.DELIVERY) {
        recordEvent(record, subscriptionCycleOrderCreated, meta, {
          ...subscription.parties(),
          cycle: due.cycle,
          orderId,
          deliveryDate: due.deliveryDate,
        });
      } else if (kind === CycleKindOfDelivery.MISSED || kind === CycleKindOfDelivery.UNAVAILABLE) {
        recordEvent(record, subscriptionCycleMissed, meta, {
          ...subscription.parties(),
          cycle: due.cycle,
          deliveryDate: due.deliveryDate,
          reason: missedReason,
        });
      }
      try {
        await em.insert(CycleRecord, record);
        run.cyclesCreated += 1;
        history.addRecord(record);
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
        continue;
      }
      if (kind === CycleKindOfDelivery.DELIVERY) {
        await this.requestAttempt(em, subscription, record, 1, orderId, traceId, history, run);
      }
    }
  }

  /** First attempts lost to a crash, retries that have come due, cycles that lapsed. */
  private async advanceOpenCycles(
    em: EntityManager,
    subscription: Subscription,
    history: CycleHistory,
    traceId: string,
    run: SchedulerRun,
  ): Promise<void> {
    const now = this.deps.now();
    for (const record of history.deliveries()) {
      if (history.lapsed(record.cycle)) continue;
      const last = history.lastAttempt(record.cycle);
      const outcome = last && history.outcome(last._id);
      if (last && !outcome) continue; // in flight: orders answers
      if (outcome && outcome.status !== CycleOutcomeStatus.FAILED) continue; // settled
      const deliveryStarts = startOfDay(record.deliveryDate);
      const retryDue = outcome?.retryAt ? outcome.retryAt <= now : false;
      // A retry after a suspension, once the customer resumed (a new card, say).
      const resumed =
        !!outcome &&
        !outcome.retryAt &&
        outcome.reason !== undefined &&
        isPaymentFailure(outcome.reason) &&
        subscription.status === SubscriptionStatus.ACTIVE &&
        !!subscription.resumedAt &&
        subscription.resumedAt > outcome.at;
      const wanted = !last || retryDue || resumed;
      if (!wanted) continue;
      const next = (last?.attempt ?? 0) + 1;
      if (now >= deliveryStarts) {
        // Only a first attempt or a scheduled retry that never ran makes the cycle lapse; a
        // final failure already announced its own end.
        if (!last || outcome?.retryAt) {
          await this.lapse(em, subscription, record, next, traceId, history);
        }
        continue;
      }
      await this.requestAttempt(em, subscription, record, next, undefined, traceId, history, run);
    }
  }

  /** The delivery day came before an attempt could be made: recorded once, missed, no charge. */
  private async lapse(
    em: EntityManager,
    subscription: Subscription,
    record: CycleRecord,
    attempt: number,
    traceId: string,
    history: CycleHistory,
  ): Promise<void> {
    const now = this.deps.now();
    const outcome = em.create(CycleOutcome, {
      _id: attemptId(subscription._id, record.cycle, attempt),
      subscriptionId: subscription._id,
      cycle: record.cycle,
      attempt,
      orderId: null,
      status: CycleOutcomeStatus.LAPSED,
      reason: 'NOT_PROCESSED_IN_TIME',
      retryAt: null,
      at: now,
      outbox: [],
      eventSequence: 0,
    });
    recordEvent(
      outcome,
      subscriptionCycleMissed,
      { source: SOURCE, subjectId: subscription._id, traceId, at: now },
      {
        ...subscription.parties(),
        cycle: record.cycle,
        deliveryDate: record.deliveryDate,
        reason: 'NOT_PROCESSED_IN_TIME',
      },
    );
    try {
      await em.insert(CycleOutcome, outcome);
      history.addOutcome(outcome);
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }

  private async requestAttempt(
    em: EntityManager,
    subscription: Subscription,
    record: CycleRecord,
    attempt: number,
    orderId: string | undefined,
    traceId: string,
    history: CycleHistory,
    run: SchedulerRun,
  ): Promise<void> {
    const id = attemptId(subscription._id, record.cycle, attempt);
    const now = this.deps.now();
    const doc = em.create(CycleAttempt, {
      _id: id,
      subscriptionId: subscription._id,
      cycle: record.cycle,
      attempt,
      orderId: orderId ?? new ObjectId().toHexString(),
      requestedAt: now,
      outbox: [],
      eventSequence: 0,
    });
    const a = subscription.address;
    recordEvent(
      doc,
      subscriptionCycleOrderRequested,
      { source: SOURCE, subjectId: subscription._id, traceId, at: now },
      {
        ...subscription.parties(),
        cycle: record.cycle,
        attempt,
        orderId: doc.orderId,
        idempotencyKey: id,
        productId: subscription.productId,
        quantity: subscription.quantity,
        subtotal: record.subtotal,
        deliveryFee: record.deliveryFee,
        amount: record.amount,
        billingKey: subscription.billingKey,
        deliveryDate: record.deliveryDate,
        deliveryWindow: record.deliveryWindow,
        address: {
          recipientName: a.recipientName,
          phone: a.phone,
          zipCode: a.zipCode,
          line1: a.line1,
          line2: a.line2,
        },
      },
    );
    try {
      await em.insert(CycleAttempt, doc);
      run.attemptsRequested += 1;
      history.addAttempt(doc);
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }

  /**
   * The next time this subscription has work: the start of its next cycle's charge day, or a
   * pending retry — never later than a day from now, a cheap safety net. A canceled one only
   * waits for retries of the cycles it still delivers; with none it sleeps for good (null).
   */
  private nextWake(subscription: Subscription, history: CycleHistory, now: Date): Date | null {
    const times: number[] = history.pendingRetries().map((at) => at.getTime());
    if (subscription.status === SubscriptionStatus.ACTIVE) {
      const state = subscription.cycleState();
      let cycle = state.schedule.anchorCycle;
      while (history.records.has(cycle)) cycle += 1;
      times.push(startOfDay(chargeDate(state.schedule, cycle, state.leadDays)).getTime());
      times.push(now.getTime() + DAY_MS);
    } else if (subscription.status === SubscriptionStatus.SUSPENDED) {
      return null;
    }
    if (times.length === 0) return null;
    return new Date(Math.max(Math.min(...times), now.getTime() + 1));
  }
}
