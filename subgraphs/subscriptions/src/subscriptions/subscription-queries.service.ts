import {
  type AuthenticatedCaller,
  type EntityManager,
  groupedLoader,
  hasRole,
  keyedLoader,
} from '@bloom/kernel';
import { addDays, nextDelivered } from '../calendar/cycle-calendar.js';
import { ProductProjection, StoreProjection } from '../projections/catalog.entities.js';
import { CycleAttempt, CycleKindOfDelivery, CycleRecord, cycleId } from './cycle.entity.js';
import { Subscription, SubscriptionStatus } from './subscription.entity.js';
import { type UpcomingCycle, upcomingCycle } from './subscription-lifecycle.js';
import { SubscriptionChargeQuote, SubscriptionDelivery } from './subscription.types.js';

/** What the customer, the seller and admins read of subscriptions: lists, schedules, quotes. */
export class SubscriptionQueriesService {
  // Per-request loaders: a list of subscriptions reads its cycles, attempts and catalogue
  // snapshots in one query each, not one per subscription.
  private readonly cycleLoader = groupedLoader<string, CycleRecord>(
    (ids) =>
      this.em.find(
        CycleRecord,
        { subscriptionId: { $in: [...ids] } },
        { orderBy: { cycle: 'asc' }, refresh: true },
      ),
    (record) => record.subscriptionId,
  );
  private readonly attemptLoader = groupedLoader<string, CycleAttempt>(
    (cycleIds) =>
      this.em.find(CycleAttempt, {
        subscriptionId: { $in: [...new Set(cycleIds.map((id) => id.split(':')[0]!))] },
      }),
    (attempt) => cycleId(attempt.subscriptionId, attempt.cycle),
  );
  private readonly productLoader = keyedLoader<string, ProductProjection>(
    (ids) => this.em.find(ProductProjection, { _id: { $in: [...ids] } }),
    (product) => product._id,
  );
  private readonly storeLoader = keyedLoader<string, StoreProjection>(
    (ids) => this.em.find(StoreProjection, { _id: { $in: [...ids] } }),
    (store) => store._id,
  );

  constructor(private readonly em: EntityManager) {}

  /** The cycle records of a subscription, by cycle number (batched across a list). */
  cycles(subscriptionId: string): Promise<CycleRecord[]> {
    return this.cycleLoader.load(subscriptionId);
  }

  /** The order of a cycle's latest charge attempt. */
  async orderIdOf(record: CycleRecord): Promise<string | null> {
    const attempts = await this.attemptLoader.load(cycleId(record.subscriptionId, record.cycle));
    const latest = attempts.reduce<CycleAttempt | null>(
      (a, b) => (a && a.attempt > b.attempt ? a : b),
      null,
    );
    return latest?.orderId ?? null;
  }

  /** What the next cycle would charge at today's price and delivery policy. */
  async quote(subscription: Subscription): Promise<SubscriptionChargeQuote | null> {
    if (subscription.status === SubscriptionStatus.CANCELED) return null;
    const [product, store] = await Promise.all([
      this.productLoader.load(subscription.productId),
      this.storeLoader.load(subscription.storeId),
    ]);
    if (!product) return null;
    const subtotal = product.price * subscription.quantity;
    const deliveryFee = store?.deliveryFeeFor(subtotal) ?? 0;
    return Object.assign(new SubscriptionChargeQuote(), {
      subtotal,
      deliveryFee,
      total: subtotal + deliveryFee,
    });
  }

  /** The next cycle to be created and delivered, or null (canceled, suspended, ended). */
  async upcoming(subscription: Subscription): Promise<UpcomingCycle | null> {
    if (subscription.status !== SubscriptionStatus.ACTIVE) return null;
    return upcomingCycle(subscription, await this.cycles(subscription._id));
  }

  async byIds(ids: readonly string[]): Promise<Subscription[]> {
    return this.em.find(Subscription, { _id: { $in: [...ids] } });
  }

  async ofCustomer(customerId: string): Promise<Subscription[]> {
    return this.em.find(Subscription, { customerId }, { orderBy: { createdAt: 'desc' } });
  }

  async ofStore(storeId: string): Promise<Subscription[]> {
    return this.em.find(Subscription, { storeId }, { orderBy: { createdAt: 'desc' } });
  }

  /** Whether the caller may see a subscription: its customer, its store's seller, admins. */
  async canSee(caller: AuthenticatedCaller, subscription: Subscription): Promise<boolean> {
    if (subscription.customerId === caller.userId || hasRole(caller, 'ADMIN')) return true;
    return hasRole(caller, 'SELLER') && (await this.ownsStore(caller.userId, subscription.storeId));
  }

  async ownsStore(userId: string, storeId: string): Promise<boolean> {
    const store = await this.em.findOne(StoreProjection, { _id: storeId });
    return store?.sellerId === userId;
  }

  /**
   * A store's deliveries from `from` for `days` days: created cycles (ordered) and the
   * cycles still to come of its active subscriptions.
   */
  async calendar(storeId: string, from: string, days: number): Promise<SubscriptionDelivery[]> {
    const until = addDays(from, days);
    const subscriptions = await this.em.find(Subscription, {
      storeId,
      status: { $in: [SubscriptionStatus.ACTIVE, SubscriptionStatus.CANCELED] },
    });
    const deliveries: SubscriptionDelivery[] = [];
    // One query for every subscription's cycles (the request's loader).
    const cyclesOf = await Promise.all(subscriptions.map((s) => this.cycles(s._id)));
    for (const [index, subscription] of subscriptions.entries()) {
      const records = cyclesOf[index] ?? [];
      const skipped = records
        .filter((r) => r.kind !== CycleKindOfDelivery.DELIVERY)
        .map((r) => r.cycle);
      const byCycle = new Map(records.map((r) => [r.cycle, r]));
      const state = subscription.cycleState(skipped);
      const item = (cycle: number, date: string, ordered: boolean, window: string) =>
        Object.assign(new SubscriptionDelivery(), {
          subscriptionId: subscription._id,
          cycle,
          deliveryDate: date,
          deliveryWindow: window,
          billingDate: addDays(date, -subscription.leadDays),
          productName: subscription.productName,
          quantity: subscription.quantity,
          recipientName: subscription.address.recipientName,
          ordered,
        });
      for (const record of records) {
        if (record.kind === CycleKindOfDelivery.DELIVERY) {
          if (record.deliveryDate >= from && record.deliveryDate < until) {
            deliveries.push(item(record.cycle, record.deliveryDate, true, record.deliveryWindow));
          }
        }
      }
      if (subscription.status !== SubscriptionStatus.ACTIVE) continue;
      let last = records.reduce((max, r) => Math.max(max, r.cycle), 0);
      for (;;) {
        const next = nextDelivered(state, last);
        if (!next || next.deliveryDate >= until) break;
        last = next.cycle;
        if (byCycle.has(next.cycle) || next.deliveryDate < from) continue;
        deliveries.push(item(next.cycle, next.deliveryDate, false, subscription.deliveryWindow));
      }
    }
    return deliveries.sort(
      (a, b) =>
        a.deliveryDate.localeCompare(b.deliveryDate) ||
        a.subscriptionId.localeCompare(b.subscriptionId),
    );
  }
}
