import { createHash, randomUUID } from 'node:crypto';
import {
  type AuthenticatedCaller,
  type EntityManager,
  InvalidInputError,
  forbidden,
  hasRole,
  isDuplicateKeyError,
  lostRace,
  notFound,
  recordEvent,
  retryOnConflict,
  simpleError,
} from '@bloom/kernel';
import { subscriptionCreated, subscriptionSkipped } from '@bloom/schema';
import {
  type CardInput,
  CardRefusedError,
  type IssuedBillingKey,
} from '../billing/billing-keys.js';
import { addDays, dayOf, parseDay, pauseProblem } from '../calendar/cycle-calendar.js';
import { ProductProjection, StoreProjection } from '../projections/catalog.entities.js';
import { SOURCE, type SubscriptionsDeps } from '../subscriptions.deps.js';
import { CycleKindOfDelivery, CycleRecord, cycleId } from './cycle.entity.js';
import {
  DeliveryAddress,
  PauseWindow,
  Subscription,
  SubscriptionStatus,
} from './subscription.entity.js';
import {
  PaymentMethodRefusedError,
  ProductNotSubscribableError,
  SubscriptionStateError,
} from './subscription.errors.js';
import { markCanceled, upcomingCycle } from './subscription-lifecycle.js';
import type { SubscribeInput, SubscriptionAddressInput } from './subscription.types.js';
import {
  checkAddress,
  chooseWindow,
  requireActive,
  stateError,
  subscribeInputProblem,
} from './subscription.validation.js';

/**
 * Subscribing and the customer's changes. Every write of a subscription document is a
 * compare-and-set on its revision, and the scheduler claims a subscription (a write) before it
 * creates its cycles, so a change validated against cycles the scheduler then added loses and is
 * made again on what is there now. The decisive races are unique inserts anyway: a skip is the
 * insert of the cycle record as SKIPPED, which fails if the scheduler created (charged) that
 * cycle first.
 */
export class SubscriptionCommandsService {
  constructor(
    private readonly em: EntityManager,
    private readonly deps: SubscriptionsDeps,
  ) {}

  private today(): string {
    return dayOf(this.deps.now());
  }

  private traceId(caller: { traceId?: string }) {
    return caller.traceId ?? randomUUID();
  }

  /** Saves a card at the provider; a refusal is the customer's to fix, anything else throws. */
  private async issueBillingKey(
    customerKey: string,
    card: CardInput,
    idempotencyKey: string,
  ): Promise<IssuedBillingKey | PaymentMethodRefusedError> {
    try {
      return await this.deps.billing.issue({ customerKey, card, idempotencyKey });
    } catch (error) {
      if (error instanceof CardRefusedError) {
        return simpleError(PaymentMethodRefusedError, error.code, error.message);
      }
      throw error;
    }
  }

  async subscribe(
    caller: AuthenticatedCaller,
    input: SubscribeInput,
  ): Promise<
    Subscription | ProductNotSubscribableError | PaymentMethodRefusedError | InvalidInputError
  > {
    const leadDays = this.deps.config.SUBSCRIPTION_CHARGE_LEAD_DAYS;
    const problem = subscribeInputProblem(input, leadDays, this.today());
    if (problem) return problem;
    const product = await this.em.findOne(
      ProductProjection,
      { _id: input.productId },
      { refresh: true },
    );
    if (!product || !product.isSubscription || product.status !== 'ON_SALE') {
      return simpleError(
        ProductNotSubscribableError,
        'PRODUCT_NOT_SUBSCRIBABLE',
        'This product is not a subscription product on sale.',
      );
    }
    const store = await this.em.findOne(
      StoreProjection,
      { _id: product.storeId },
      { refresh: true },
    );
    if (store?.status && store.status !== 'OPEN') {
      return simpleError(
        ProductNotSubscribableError,
        'STORE_NOT_OPEN',
        'This store is not taking orders right now.',
      );
    }
    const deliveryWindow = chooseWindow(store, input.deliveryWindow);
    if (deliveryWindow instanceof InvalidInputError) return deliveryWindow;
    // With a client key a repeated request (a double tap, a retry) finds the first subscription.
    const id = input.idempotencyKey
      ? createHash('sha256')
          .update(`${caller.userId}\0${input.idempotencyKey}`)
          .digest('hex')
          .slice(0, 32)
      : randomUUID();
    const earlier = await this.em.findOne(Subscription, { _id: id });
    if (earlier) return earlier;
    const billing = await this.issueBillingKey(
      caller.userId,
      input.card,
      `subscription:${id}:billing-key`,
    );
    if (billing instanceof PaymentMethodRefusedError) return billing;
    const now = this.deps.now();
    const subscription = this.em.create(Subscription, {
      _id: id,
      customerId: caller.userId,
      storeId: product.storeId,
      sellerId: store?.sellerId ?? null,
      productId: product._id,
      productName: product.name,
      quantity: input.quantity,
      cycle: input.cycle,
      status: SubscriptionStatus.ACTIVE,
      anchorDate: input.firstDeliveryDate,
      anchorCycle: 1,
      firstDeliveryDate: input.firstDeliveryDate,
      leadDays,
      pause: null,
      address: Object.assign(new DeliveryAddress(), input.address),
      deliveryWindow,
      billingKey: billing.billingKey,
      cardLast4: billing.cardLast4,
      endsAfterCycle: null,
      suspendedReason: null,
      resumedAt: null,
      // The first scheduler run works out the real wake-up time.
      wakeAt: now,
      createdAt: now,
      updatedAt: now,
      outbox: [],
      eventSequence: 0,
    });
    recordEvent(
      subscription,
      subscriptionCreated,
      { source: SOURCE, subjectId: id, traceId: this.traceId(caller), at: now },
      {
        ...subscription.parties(),
        productId: product._id,
        quantity: input.quantity,
        cycle: input.cycle,
        firstDeliveryDate: input.firstDeliveryDate,
      },
    );
    try {
      await this.em.persistAndFlush(subscription);
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      // A concurrent request with the same key won.
      this.em.clear();
      const winner = await this.em.findOne(Subscription, { _id: id }, { refresh: true });
      if (!winner) throw error;
      return winner;
    }
    this.deps.relay.kick(subscription);
    return subscription;
  }

  /** Loads a subscription its caller may change (the customer; admins too). */
  private async owned(
    caller: AuthenticatedCaller,
    id: string,
    em: EntityManager = this.em,
  ): Promise<Subscription> {
    const subscription = await em.findOne(Subscription, { _id: id }, { refresh: true });
    if (!subscription) throw notFound('No such subscription.');
    if (subscription.customerId !== caller.userId && !hasRole(caller, 'ADMIN')) {
      throw forbidden('Only the subscriber can change this subscription.');
    }
    return subscription;
  }

  /** The cycle records of a subscription, by cycle number, as they are now (for changes). */
  private async freshCycles(subscriptionId: string, em: EntityManager): Promise<CycleRecord[]> {
    return em.find(CycleRecord, { subscriptionId }, { orderBy: { cycle: 'asc' }, refresh: true });
  }

  /**
   * Runs a change on a fresh copy of the subscription and its cycles, then flushes (again on
   * a new copy if a concurrent write got there first) and kicks the relay.
   */
  private async change<T>(
    caller: AuthenticatedCaller,
    id: string,
    work: (subscription: Subscription, records: CycleRecord[]) => T | Promise<T>,
  ): Promise<T> {
    return retryOnConflict(this.em, async (em) => {
      const subscription = await this.owned(caller, id, em);
      const result = await work(subscription, await this.freshCycles(id, em));
      if (result === subscription) {
        subscription.updatedAt = this.deps.now();
        // The schedule may have moved: the scheduler looks at it again on its next run.
        subscription.wakeAt = this.deps.now();
      }
      await em.flush();
      this.deps.relay.kick();
      return result;
    });
  }

  /**
   * Skips the next cycle not yet charged: the insert of its cycle record as SKIPPED, which loses
   * to (and is refused after) the scheduler's insert of the same cycle. With `cycle` (the next
   * cycle the customer saw) a repeated request is idempotent instead of skipping one more.
   */
  async skipNext(
    caller: AuthenticatedCaller,
    id: string,
    cycle?: number,
  ): Promise<Subscription | SubscriptionStateError> {
    return this.change(caller, id, async (subscription, records) => {
      const refused = requireActive(subscription);
      if (refused) return refused;
      const existing = cycle === undefined ? undefined : records.find((r) => r.cycle === cycle);
      if (existing) {
        return existing.kind === CycleKindOfDelivery.SKIPPED
          ? subscription
          : stateError('ALREADY_CHARGED', 'That delivery is already being prepared.');
      }
      const next = upcomingCycle(subscription, records);
      if (!next) return stateError('NO_NEXT_CYCLE', 'There is no next delivery to skip.');
      if (cycle !== undefined && cycle !== next.cycle) {
        return stateError('NOT_NEXT_CYCLE', `The next delivery is cycle ${next.cycle}.`);
      }
      // Plain data, not a managed entity: the change's flush must not insert it again.
      const record = {
        _id: cycleId(subscription._id, next.cycle),
        subscriptionId: subscription._id,
        storeId: subscription.storeId,
        customerId: subscription.customerId,
        cycle: next.cycle,
        deliveryDate: next.deliveryDate,
        kind: CycleKindOfDelivery.SKIPPED,
        subtotal: 0,
        deliveryFee: 0,
        amount: 0,
        deliveryWindow: '',
        createdAt: this.deps.now(),
        outbox: [],
        eventSequence: 0,
      };
      recordEvent(
        record,
        subscriptionSkipped,
        { source: SOURCE, subjectId: subscription._id, traceId: this.traceId(caller) },
        { ...subscription.parties(), cycle: next.cycle, deliveryDate: next.deliveryDate },
      );
      try {
        await this.em.insert(CycleRecord, record);
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
        // A concurrent request took the cycle first. The scheduler's charge refuses the skip; a
        // concurrent skip of it is this very skip when the caller named the cycle, and otherwise
        // leaves "the next cycle" to be decided again on what is there now.
        const taken = await this.em.findOne(CycleRecord, { _id: record._id }, { refresh: true });
        if (taken?.kind !== CycleKindOfDelivery.SKIPPED) {
          return stateError('ALREADY_CHARGED', 'The next delivery is already being prepared.');
        }
        if (cycle === undefined) throw lostRace(subscription);
      }
      return subscription;
    });
  }

  /** Pauses deliveries in [from, until), at most three months, starting after the charged cycles. */
  async pause(
    caller: AuthenticatedCaller,
    id: string,
    from: string,
    until: string,
  ): Promise<Subscription | SubscriptionStateError | InvalidInputError> {
    return this.change(caller, id, (subscription, records) => {
      const refused = requireActive(subscription);
      if (refused) return refused;
      const problem = pauseProblem({ from, until }, this.today());
      if (problem) return InvalidInputError.of('until', problem);
      const lastCreated = records.at(-1);
      if (lastCreated && from <= lastCreated.deliveryDate) {
        return stateError(
          'ALREADY_CHARGED',
          `Deliveries up to ${lastCreated.deliveryDate} are already charged; pause after it.`,
        );
      }
      subscription.pause = Object.assign(new PauseWindow(), { from, until });
      return subscription;
    });
  }

  /** Ends a pause now, or reactivates a suspended subscription (its next cycle is charged). */
  async resume(
    caller: AuthenticatedCaller,
    id: string,
  ): Promise<Subscription | SubscriptionStateError> {
    return this.change(caller, id, (subscription) => {
      if (subscription.status === SubscriptionStatus.CANCELED) {
        return stateError('CANCELED', 'This subscription was canceled.');
      }
      if (subscription.status === SubscriptionStatus.SUSPENDED) {
        subscription.status = SubscriptionStatus.ACTIVE;
        subscription.suspendedReason = null;
        subscription.resumedAt = this.deps.now();
        return subscription;
      }
      if (!subscription.pause) return stateError('NOT_PAUSED', 'This subscription is not paused.');
      subscription.pause = null;
      return subscription;
    });
  }

  /** The address of the cycles not yet created (created cycles already have their order). */
  async changeAddress(
    caller: AuthenticatedCaller,
    id: string,
    address: SubscriptionAddressInput,
    deliveryWindow?: string,
  ): Promise<Subscription | SubscriptionStateError | InvalidInputError> {
    const problem = checkAddress(address);
    if (problem) return problem;
    return this.change(caller, id, async (subscription) => {
      if (subscription.status === SubscriptionStatus.CANCELED) {
        return stateError('CANCELED', 'This subscription was canceled.');
      }
      if (deliveryWindow !== undefined) {
        const store = await this.em.findOne(
          StoreProjection,
          { _id: subscription.storeId },
          { refresh: true },
        );
        const window = chooseWindow(store, deliveryWindow);
        if (window instanceof InvalidInputError) return window;
        subscription.deliveryWindow = window;
      }
      subscription.address = Object.assign(new DeliveryAddress(), address);
      return subscription;
    });
  }

  /**
   * Saves a new card for the next charges. A subscription suspended for declined charges is
   * reactivated with it, and a cycle whose charge failed is retried if its day has not come.
   */
  async changeCard(
    caller: AuthenticatedCaller,
    id: string,
    card: CardInput,
  ): Promise<Subscription | SubscriptionStateError | PaymentMethodRefusedError> {
    const current = await this.owned(caller, id);
    if (current.customerId !== caller.userId) {
      throw forbidden('Only the subscriber can change the card.');
    }
    if (current.status === SubscriptionStatus.CANCELED) {
      return stateError('CANCELED', 'This subscription was canceled.');
    }
    const fingerprint = createHash('sha256')
      .update(`${card.number}\0${card.expiryYear}\0${card.expiryMonth}`)
      .digest('hex')
      .slice(0, 16);
    const billing = await this.issueBillingKey(
      caller.userId,
      card,
      `subscription:${id}:card:${fingerprint}`,
    );
    if (billing instanceof PaymentMethodRefusedError) return billing;
    return this.change(caller, id, (subscription) => {
      if (subscription.status === SubscriptionStatus.CANCELED) {
        return stateError('CANCELED', 'This subscription was canceled.');
      }
      subscription.billingKey = billing.billingKey;
      subscription.cardLast4 = billing.cardLast4;
      if (subscription.status === SubscriptionStatus.SUSPENDED) {
        subscription.status = SubscriptionStatus.ACTIVE;
        subscription.suspendedReason = null;
        subscription.resumedAt = this.deps.now();
      }
      return subscription;
    });
  }

  /**
   * Moves the next uncharged delivery (and every later one) to `date`: the schedule is
   * re-anchored at that cycle, so charged cycles keep their dates.
   */
  async changeDate(
    caller: AuthenticatedCaller,
    id: string,
    date: string,
  ): Promise<Subscription | SubscriptionStateError | InvalidInputError> {
    if (!parseDay(date)) return InvalidInputError.of('date', 'Use a calendar day, YYYY-MM-DD.');
    return this.change(caller, id, (subscription, records) => {
      const refused = requireActive(subscription);
      if (refused) return refused;
      if (addDays(date, -subscription.leadDays) < this.today()) {
        return InvalidInputError.of(
          'date',
          `The delivery must be at least ${subscription.leadDays} days from today.`,
        );
      }
      const last = records.at(-1);
      if (last && date <= last.deliveryDate) {
        return stateError(
          'ALREADY_CHARGED',
          `The delivery of ${last.deliveryDate} is already charged; choose a later day.`,
        );
      }
      subscription.anchorCycle = (last?.cycle ?? 0) + 1;
      subscription.anchorDate = date;
      return subscription;
    });
  }

  /** Cancels: cycles already created (charged) are still delivered; no later one is created. */
  async cancel(
    caller: AuthenticatedCaller,
    id: string,
  ): Promise<Subscription | SubscriptionStateError> {
    return this.change(caller, id, (subscription, records) => {
      if (subscription.status === SubscriptionStatus.CANCELED) {
        return stateError('CANCELED', 'This subscription was already canceled.');
      }
      markCanceled(
        subscription,
        records,
        subscription.customerId === caller.userId ? 'CUSTOMER' : 'ADMIN',
        { traceId: this.traceId(caller), at: this.deps.now() },
      );
      return subscription;
    });
  }
}
