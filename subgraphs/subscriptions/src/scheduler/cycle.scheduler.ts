import { randomUUID } from 'node:crypto';
import { type EntityManager, type Logger, isDuplicateKeyError, recordEvent } from '@bloom/kernel';
import { subscriptionCycleOrderCreated, subscriptionCycleOrderRequested } from '@bloom/schema';
import { type MikroORM, ObjectId } from '@mikro-orm/mongodb';
import { cyclesDue, dayOf } from '../calendar/cycle-calendar.js';
import { ProductProjection } from '../projections/catalog.entities.js';
import {
  CycleAttempt,
  CycleKindOfDelivery,
  CycleOutcome,
  CycleOutcomeStatus,
  CycleRecord,
  attemptId,
  cycleId,
} from '../subscriptions/cycle.entity.js';
import { Subscription, SubscriptionStatus } from '../subscriptions/subscription.entity.js';
import { SOURCE, type SubscriptionsDeps } from '../subscriptions.deps.js';

export interface SchedulerRun {
  /** Cycle records this run inserted (delivered, skipped, paused or missed). */
  cyclesCreated: number;
  /** Charge attempts (order requests) this run inserted, first attempts and retries. */
  attemptsRequested: number;
}

/**
 * Creates each active subscription's due cycles: a cycle whose charge day (lead days before
 * delivery) has come is inserted once under `_id = <subscriptionId>:<cycle>` — a duplicate-key
 * insert means another run (the same day again, another process) created it — and its first
 * charge attempt is inserted under `<subscriptionId>:<cycle>#1`, carrying the command to orders.
 * Failed attempts are retried on SUBSCRIPTION_RETRY_HOURS; after the last one the subscription
 * is suspended by the outcome consumer.
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

  /** One pass over every active subscription, at the clock's current time. */
  async runOnce(): Promise<SchedulerRun> {
    const run: SchedulerRun = { cyclesCreated: 0, attemptsRequested: 0 };
    const em = this.orm.em.fork();
    const ids = await em
      .getConnection()
      .getCollection<{ _id: string }>('subscriptions')
      .find({ status: SubscriptionStatus.ACTIVE }, { projection: { _id: 1 } })
      .toArray();
    for (const { _id } of ids) {
      try {
        await this.deps.locks.withLock(_id, () =>
          this.runSubscription(this.orm.em.fork(), _id, run),
        );
      } catch (error) {
        this.logger.error('subscription cycle run failed', {
          err: String(error),
          subscriptionId: _id,
        });
      }
    }
    if (run.cyclesCreated + run.attemptsRequested > 0) this.deps.relay.kick();
    return run;
  }

  private async runSubscription(em: EntityManager, id: string, run: SchedulerRun): Promise<void> {
    const subscription = await em.findOne(Subscription, { _id: id }, { refresh: true });
    if (!subscription || subscription.status !== SubscriptionStatus.ACTIVE) return;
    const now = this.deps.now();
    const today = dayOf(now);
    const records = await em.find(CycleRecord, { subscriptionId: id }, { refresh: true });
    const existing = new Set(records.map((r) => r.cycle));
    const skipped = records
      .filter((r) => r.kind === CycleKindOfDelivery.SKIPPED)
      .map((r) => r.cycle);
    const state = subscription.cycleState(skipped);
    const traceId = randomUUID();

    for (const due of cyclesDue(state, state.schedule.anchorCycle - 1, today)) {
      if (existing.has(due.cycle)) continue;
      const kind = !due.delivered
        ? CycleKindOfDelivery.PAUSED
        : due.deliveryDate < today
          ? CycleKindOfDelivery.MISSED
          : CycleKindOfDelivery.DELIVERY;
      const product = await em.findOne(ProductProjection, { _id: subscription.productId });
      const amount = (product?.price ?? 0) * subscription.quantity;
      const record = em.create(CycleRecord, {
        _id: cycleId(id, due.cycle),
        subscriptionId: id,
        storeId: subscription.storeId,
        customerId: subscription.customerId,
        cycle: due.cycle,
        deliveryDate: due.deliveryDate,
        kind,
        amount: kind === CycleKindOfDelivery.DELIVERY ? amount : 0,
        createdAt: now,
        outbox: [],
        eventSequence: 0,
      });
      const orderId = new ObjectId().toHexString();
      if (kind === CycleKindOfDelivery.DELIVERY) {
        recordEvent(
          record,
          subscriptionCycleOrderCreated,
          { source: SOURCE, subjectId: id, traceId, at: now },
          { ...subscription.parties(), cycle: due.cycle, orderId, deliveryDate: due.deliveryDate },
        );
      }
      try {
        await em.insert(CycleRecord, record);
        run.cyclesCreated += 1;
        records.push(record);
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
        continue;
      }
      if (kind === CycleKindOfDelivery.DELIVERY) {
        await this.requestAttempt(em, subscription, record, 1, orderId, traceId, run);
      }
    }

    // First attempts lost to a crash, and retries that have come due.
    const open = records.filter(
      (r) => r.kind === CycleKindOfDelivery.DELIVERY && r.deliveryDate >= today,
    );
    for (const record of open) {
      const attempts = await em.find(
        CycleAttempt,
        { subscriptionId: id, cycle: record.cycle },
        { refresh: true },
      );
      const last = attempts.reduce<CycleAttempt | null>(
        (a, b) => (a && a.attempt > b.attempt ? a : b),
        null,
      );
      if (!last) {
        await this.requestAttempt(em, subscription, record, 1, undefined, traceId, run);
        continue;
      }
      const outcome = await em.findOne(CycleOutcome, { _id: last._id }, { refresh: true });
      if (outcome?.status !== CycleOutcomeStatus.FAILED) continue;
      if (outcome.retryAt && outcome.retryAt <= now) {
        await this.requestAttempt(
          em,
          subscription,
          record,
          last.attempt + 1,
          undefined,
          traceId,
          run,
        );
      }
      // Out of retries (no retryAt): the outcome consumer suspends the subscription; a crash
      // before that write is repaired by the redelivery of the orders event.
    }
  }

  private async requestAttempt(
    em: EntityManager,
    subscription: Subscription,
    record: CycleRecord,
    attempt: number,
    orderId: string | undefined,
    traceId: string,
    run: SchedulerRun,
  ): Promise<void> {
    const id = attemptId(subscription._id, record.cycle, attempt);
    const doc = em.create(CycleAttempt, {
      _id: id,
      subscriptionId: subscription._id,
      cycle: record.cycle,
      attempt,
      orderId: orderId ?? new ObjectId().toHexString(),
      requestedAt: this.deps.now(),
      outbox: [],
      eventSequence: 0,
    });
    const a = subscription.address;
    recordEvent(
      doc,
      subscriptionCycleOrderRequested,
      { source: SOURCE, subjectId: subscription._id, traceId, at: this.deps.now() },
      {
        ...subscription.parties(),
        cycle: record.cycle,
        attempt,
        orderId: doc.orderId,
        idempotencyKey: id,
        productId: subscription.productId,
        quantity: subscription.quantity,
        amount: record.amount,
        billingKey: subscription.billingKey,
        deliveryDate: record.deliveryDate,
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
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }
}
