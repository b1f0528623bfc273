import { countQueries, customerCaller, errorCode, expectUnion, waitFor } from '@bloom/testing';
import { productDeleted, storeClosed, storeReopened, storeSuspended } from '@bloom/schema';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './generated/index.js';
import type { CardInput } from './generated/graphql.js';
import {
  ADDRESS,
  CARD,
  CHANGE_ADDRESS,
  CHANGE_CARD,
  CUSTOMER,
  DECLINING_CARD,
  OTHER,
  SKIP_NEXT_CYCLE,
  type SubscriptionsHarness,
  type TestCaller,
  startSubscriptions,
} from './subscriptions.harness.js';

/*
 * What a cycle costs and when it runs (Asia/Seoul days, wake-up times), what happens when the
 * catalogue or the store cannot serve it, and how failures end: retried, missed, lapsed,
 * suspended and resumed with a new card.
 */

const SELLER_ID = 'seller-1';
const STORE = 'store-1';
const PRODUCT = 'product-1';
const PRICE = 30_000;

let h: SubscriptionsHarness;

beforeAll(async () => {
  h = await startSubscriptions('cycle-lifecycle', '2027-01-01T03:00:00Z');
  await h.seedStore(STORE, SELLER_ID, PRODUCT, PRICE);
});

afterAll(async () => {
  await h?.close();
});

afterEach(() => h.setAside());

const db = () => h.server.orm.em.getConnection().getDb();
const eventsOf = (type: string, id: string) =>
  h.events
    .ofType(type)
    .filter((e) => (e.payload as { subscriptionId: string }).subscriptionId === id)
    .map((e) => e.payload as Record<string, unknown>);
const requested = (id: string) =>
  [...h.orders.orders.values()]
    .filter((o) => o.subscriptionId === id)
    .sort((a, b) => a.cycle - b.cycle || a.attempt - b.attempt);
const subscriptionOf = (id: string) => h.read(id);

// The changes, as the subscriber makes them unless told: each returns its result union.
const skip = async (id: string) =>
  (await h.call(SKIP_NEXT_CYCLE, { id }, CUSTOMER)).data?.skipNextSubscriptionCycle;
const changeAddress = async (id: string, deliveryWindow: string) =>
  (await h.call(CHANGE_ADDRESS, { id, address: ADDRESS, deliveryWindow }, CUSTOMER)).data
    ?.changeSubscriptionAddress;
const changeCard = (id: string, card: CardInput, caller: TestCaller = CUSTOMER) =>
  h.call(CHANGE_CARD, { id, card }, caller);

/** Runs the scheduler at an instant and lets the fake orders answer. */
async function runAt(at: string) {
  h.setNow(at);
  return h.server.scheduler.runOnce();
}

describe('what a cycle charges', () => {
  it("charges price × quantity plus the store's delivery fee, free from its threshold, in the chosen window", async () => {
    h.setNow('2027-01-01T03:00:00Z');
    const one = await h.subscribed(PRODUCT, {
      cycle: 'WEEKLY',
      firstDeliveryDate: '2027-01-10',
      deliveryWindow: '14:00-18:00',
    });
    expect(one).toMatchObject({
      deliveryWindow: '14:00-18:00',
      nextCharge: { subtotal: 30_000, deliveryFee: 3_000, total: 33_000 },
    });
    const two = await h.subscribed(PRODUCT, {
      cycle: 'WEEKLY',
      firstDeliveryDate: '2027-01-10',
      quantity: 2,
    });
    // 60,000 reaches the 50,000 threshold; no window asked: the store's first.
    expect(two).toMatchObject({
      deliveryWindow: '10:00-13:00',
      nextCharge: { subtotal: 60_000, deliveryFee: 0, total: 60_000 },
    });
    expect(
      await h.subscribe(PRODUCT, {
        firstDeliveryDate: '2027-01-10',
        deliveryWindow: '09:00-10:00',
      }),
    ).toMatchObject({ __typename: 'InvalidInputError', field: 'deliveryWindow' });

    await runAt('2027-01-08T01:00:00Z');
    await waitFor(() => requested(one.id).length === 1 && requested(two.id).length === 1, {
      what: 'two cycle orders',
    });
    expect(requested(one.id)[0]).toMatchObject({
      subtotal: 30_000,
      deliveryFee: 3_000,
      amount: 33_000,
      deliveryWindow: '14:00-18:00',
      deliveryDate: '2027-01-10',
    });
    expect(requested(two.id)[0]).toMatchObject({
      subtotal: 60_000,
      deliveryFee: 0,
      amount: 60_000,
    });

    // A new window applies to the cycles not yet charged; cycle 1 keeps its own.
    const moved = await changeAddress(one.id, '10:00-13:00');
    expect(moved).toMatchObject({ deliveryWindow: '10:00-13:00' });
    expect(expectUnion(moved, 'FlowerSubscription').cycles[0]).toMatchObject({
      cycle: 1,
      deliveryWindow: '14:00-18:00',
    });
    const refused = await changeAddress(one.id, '23:00-24:00');
    expect(refused).toMatchObject({ field: 'deliveryWindow' });
  });
});

describe('when the scheduler works', () => {
  it('charges on the Asia/Seoul charge day: not at 23:59 KST the day before, at 00:00 KST', async () => {
    h.setNow('2027-02-01T03:00:00Z');
    const { id } = await h.subscribed(PRODUCT, {
      cycle: 'WEEKLY',
      firstDeliveryDate: '2027-02-10',
    });
    // Charge day 2027-02-08 (Seoul) starts at 2027-02-07T15:00Z.
    await runAt('2027-02-07T14:59:00Z');
    expect(
      await db().collection('subscription_cycles').countDocuments({ subscriptionId: id }),
    ).toBe(0);
    expect((await runAt('2027-02-07T15:00:30Z')).cyclesCreated).toBe(1);
    await waitFor(() => eventsOf('subscriptions.subscription.charged', id).length === 1, {
      what: 'charged',
    });
  });

  it('visits only the subscriptions whose wake-up time has come', async () => {
    h.setNow('2027-03-01T03:00:00Z');
    const ids: string[] = [];
    for (let i = 0; i < 12; i += 1) {
      ids.push(
        (await h.subscribed(PRODUCT, { cycle: 'MONTHLY', firstDeliveryDate: '2027-03-20' })).id,
      );
    }
    // New subscriptions are looked at once, then sleep until their charge day (at most a day).
    expect((await runAt('2027-03-01T03:01:00Z')).subscriptionsVisited).toBe(12);
    expect((await runAt('2027-03-01T03:02:00Z')).subscriptionsVisited).toBe(0);
    expect((await runAt('2027-03-01T20:00:00Z')).subscriptionsVisited).toBe(0);
    // The daily safety net.
    expect((await runAt('2027-03-02T03:02:00Z')).subscriptionsVisited).toBe(12);
    // A change wakes its subscription at once.
    const [first] = ids;
    if (first === undefined) throw new Error('no subscriptions made');
    await skip(first);
    expect((await runAt('2027-03-02T03:03:00Z')).subscriptionsVisited).toBe(1);
    // The charge day (2027-03-18 KST) wakes the 11 not skipped at its start.
    await runAt('2027-03-17T14:00:00Z');
    const charged = await runAt('2027-03-17T15:00:00Z');
    expect(charged).toMatchObject({ subscriptionsVisited: 11, attemptsRequested: 11 });
  });
});

describe('when the catalogue or the store cannot serve a cycle', () => {
  const productPayload = (productId: string, storeId: string) => ({
    productId,
    storeId,
    name: 'Weekly bouquet',
    price: 20_000,
    status: 'DELETED' as const,
    isSubscription: true,
    category: null,
    tags: [],
    recipe: [{ flowerId: 1, count: 5, representative: true }],
    representativeFlowerId: 1,
    updatedAt: new Date().toISOString(),
  });

  it('a deleted product ends its subscriptions for good, and the customers are told', async () => {
    h.setNow('2027-04-01T03:00:00Z');
    await h.seedStore('store-x', 'seller-x', 'product-x', 20_000);
    const a = await h.subscribed('product-x', { cycle: 'WEEKLY', firstDeliveryDate: '2027-04-05' });
    await h.runDaily('2027-04-01', 4); // cycle 1 charged
    const b = await h.subscribed(
      'product-x',
      { cycle: 'WEEKLY', firstDeliveryDate: '2027-04-20' },
      OTHER,
    );
    await h.publish(productDeleted, productPayload('product-x', 'store-x'), {
      subjectId: 'product-x',
    });
    await waitFor(
      async () =>
        (await db().collection('subscriptions').countDocuments({
          productId: 'product-x',
          status: 'CANCELED',
        })) === 2,
      { what: 'both canceled' },
    );
    await waitFor(
      () =>
        eventsOf('subscriptions.subscription.canceled', a.id).length === 1 &&
        eventsOf('subscriptions.subscription.canceled', b.id).length === 1,
      {
        what: 'canceled event',
      },
    );
    expect(eventsOf('subscriptions.subscription.canceled', a.id)).toEqual([
      expect.objectContaining({
        canceledBy: 'SYSTEM',
        reason: 'PRODUCT_DELETED',
        effectiveAfterCycle: 1,
      }),
    ]);
    expect(await subscriptionOf(a.id)).toMatchObject({
      status: 'CANCELED',
      endsAfterCycle: 1,
      nextDeliveryDate: null,
    });
    // A redelivered deletion changes nothing.
    await h.publish(productDeleted, productPayload('product-x', 'store-x'), {
      subjectId: 'product-x',
    });
    await h.runDaily('2027-04-05', 20);
    expect(eventsOf('subscriptions.subscription.canceled', a.id)).toHaveLength(1);
    expect(
      await db().collection('subscription_cycles').countDocuments({ subscriptionId: a.id }),
    ).toBe(1);
    expect(requested(b.id)).toHaveLength(0);
  });

  it('a suspended store misses its cycles without charging; reopened it delivers; closed it ends', async () => {
    h.setNow('2027-05-01T03:00:00Z');
    await h.seedStore('store-y', 'seller-y', 'product-y', 20_000);
    const { id } = await h.subscribed('product-y', {
      cycle: 'WEEKLY',
      firstDeliveryDate: '2027-05-05',
    });
    await h.publish(
      storeSuspended,
      {
        storeId: 'store-y',
        sellerId: 'seller-y',
        reason: 'documents',
        suspendedBy: 'admin-1',
      },
      { subjectId: 'store-y' },
    );
    const status = async () =>
      (
        (await db()
          .collection('store_projections')
          .findOne({ _id: 'store-y' as never })) as {
          status?: string;
        } | null
      )?.status;
    await waitFor(async () => (await status()) === 'SUSPENDED', { what: 'store suspended' });
    await h.runDaily('2027-05-01', 5);
    expect((await subscriptionOf(id)).cycles).toEqual([
      expect.objectContaining({ cycle: 1, kind: 'UNAVAILABLE', amount: 0 }),
    ]);
    expect(requested(id)).toHaveLength(0);
    await waitFor(() => eventsOf('subscriptions.cycle.missed', id).length === 1, {
      what: 'missed',
    });
    expect(eventsOf('subscriptions.cycle.missed', id)[0]).toMatchObject({
      cycle: 1,
      deliveryDate: '2027-05-05',
      reason: 'STORE_UNAVAILABLE',
    });

    await h.publish(
      storeReopened,
      {
        storeId: 'store-y',
        sellerId: 'seller-y',
        reopenedBy: 'admin-1',
      },
      { subjectId: 'store-y' },
    );
    await waitFor(async () => (await status()) === 'OPEN', { what: 'store reopened' });
    await h.runDaily('2027-05-06', 7);
    expect((await subscriptionOf(id)).cycles.map((c) => c.kind)).toEqual([
      'UNAVAILABLE',
      'DELIVERY',
    ]);
    await waitFor(() => eventsOf('subscriptions.subscription.charged', id).length === 1, {
      what: 'cycle 2 charged',
    });

    await h.publish(
      storeClosed,
      {
        storeId: 'store-y',
        sellerId: 'seller-y',
        closedBy: 'seller-y',
      },
      { subjectId: 'store-y' },
    );
    await waitFor(async () => (await subscriptionOf(id)).status === 'CANCELED', {
      what: 'ended with the store',
    });
    // The status is written with its event; the relay publishes the event right after.
    await waitFor(() => eventsOf('subscriptions.subscription.canceled', id).length === 1, {
      what: 'canceled event',
    });
    expect(eventsOf('subscriptions.subscription.canceled', id)).toEqual([
      expect.objectContaining({
        canceledBy: 'SYSTEM',
        reason: 'STORE_CLOSED',
        effectiveAfterCycle: 2,
      }),
    ]);
  });
});

describe('how failures end', () => {
  it('a store-side failure is retried, then only that cycle is missed; the next one is charged', async () => {
    h.setNow('2027-06-01T03:00:00Z');
    const { id } = await h.subscribed(PRODUCT, {
      cycle: 'WEEKLY',
      firstDeliveryDate: '2027-06-10',
    });
    h.orders.failWith.set(id, 'OUT_OF_STOCK');
    const failed = () => eventsOf('subscriptions.subscription.chargeFailed', id);
    await runAt('2027-06-08T01:00:00Z');
    await waitFor(() => failed().length === 1, { what: 'first failure' });
    await runAt('2027-06-08T07:01:00Z');
    await waitFor(() => failed().length === 2, { what: 'second failure' });
    await runAt('2027-06-09T07:30:00Z');
    await waitFor(() => failed().length === 3, { what: 'third failure' });
    expect(failed().map((f) => f.retryAt === null)).toEqual([false, false, true]);
    await waitFor(() => eventsOf('subscriptions.cycle.missed', id).length === 1, {
      what: 'missed',
    });
    expect(eventsOf('subscriptions.cycle.missed', id)[0]).toMatchObject({
      reason: 'ORDER_FAILED',
      orderReason: 'OUT_OF_STOCK',
    });
    expect(eventsOf('subscriptions.subscription.suspended', id)).toHaveLength(0);
    expect((await subscriptionOf(id)).status).toBe('ACTIVE');

    h.orders.failWith.delete(id);
    await h.runDaily('2027-06-10', 7);
    await waitFor(() => eventsOf('subscriptions.subscription.charged', id).length === 1, {
      what: 'cycle 2 charged',
    });
    expect(requested(id).map((o) => `${o.cycle}#${o.attempt}`)).toEqual([
      '1#1',
      '1#2',
      '1#3',
      '2#1',
    ]);
  });

  it('no retry falls on the delivery day: a late first failure is final', async () => {
    h.setNow('2027-07-01T03:00:00Z');
    const { id } = await h.subscribed(PRODUCT, {
      cycle: 'WEEKLY',
      firstDeliveryDate: '2027-07-10',
      card: DECLINING_CARD,
    });
    // The scheduler was down until 19:00 KST the day before delivery: a retry 6 h later would
    // fall on the delivery day, so this failure is the cycle's last and suspends.
    await runAt('2027-07-09T10:00:00Z');
    await waitFor(() => eventsOf('subscriptions.subscription.suspended', id).length === 1, {
      what: 'suspended',
    });
    expect(eventsOf('subscriptions.subscription.chargeFailed', id)).toEqual([
      expect.objectContaining({ attempt: 1, retryAt: null }),
    ]);
    await waitFor(async () => (await subscriptionOf(id)).status === 'SUSPENDED', {
      what: 'status',
    });
  });

  it('a retry the scheduler missed by the delivery day lapses: the cycle is missed once', async () => {
    h.setNow('2027-08-01T03:00:00Z');
    const { id } = await h.subscribed(PRODUCT, {
      cycle: 'WEEKLY',
      firstDeliveryDate: '2027-08-10',
    });
    h.orders.failWith.set(id, 'RESERVATION_TIMEOUT');
    await runAt('2027-08-08T01:00:00Z');
    await waitFor(() => eventsOf('subscriptions.subscription.chargeFailed', id).length === 1, {
      what: 'first failure',
    });
    h.orders.failWith.delete(id);
    // Down until the delivery day (Seoul) began.
    await runAt('2027-08-09T15:30:00Z');
    await runAt('2027-08-09T16:30:00Z');
    await waitFor(() => eventsOf('subscriptions.cycle.missed', id).length === 1, {
      what: 'missed',
    });
    expect(eventsOf('subscriptions.cycle.missed', id)[0]).toMatchObject({
      reason: 'NOT_PROCESSED_IN_TIME',
      cycle: 1,
    });
    expect(requested(id)).toHaveLength(1);
    expect((await subscriptionOf(id)).status).toBe('ACTIVE');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(eventsOf('subscriptions.cycle.missed', id)).toHaveLength(1);
  });

  it('a new card resumes a suspended subscription and charges its failed delivery again', async () => {
    h.setNow('2027-09-01T03:00:00Z');
    const { id } = await h.subscribed(PRODUCT, {
      cycle: 'WEEKLY',
      firstDeliveryDate: '2027-09-10',
      card: DECLINING_CARD,
    });
    await runAt('2027-09-08T01:00:00Z');
    await waitFor(() => eventsOf('subscriptions.subscription.chargeFailed', id).length === 1, {
      what: 'failure 1',
    });
    await runAt('2027-09-08T07:01:00Z');
    await waitFor(() => eventsOf('subscriptions.subscription.chargeFailed', id).length === 2, {
      what: 'failure 2',
    });
    await runAt('2027-09-09T07:30:00Z');
    await waitFor(async () => (await subscriptionOf(id)).status === 'SUSPENDED', {
      what: 'suspended',
    });
    expect(await subscriptionOf(id)).toMatchObject({
      suspendedReason: 'PAYMENT_DECLINED',
      nextDeliveryDate: null,
    });

    const foreign = await changeCard(id, CARD, OTHER);
    expect(errorCode(foreign)).toBe('FORBIDDEN');
    const refused = await changeCard(id, { ...CARD, number: '4111111111110000' });
    expect(refused.data?.changeSubscriptionCard).toMatchObject({
      __typename: 'PaymentMethodRefusedError',
    });

    h.setNow('2027-09-09T09:00:00Z'); // 18:00 KST, the day before delivery
    const changed = await changeCard(id, { ...CARD, number: '4000000000001111' });
    expect(changed.data?.changeSubscriptionCard).toMatchObject({
      status: 'ACTIVE',
      cardLast4: '1111',
      suspendedReason: null,
    });
    await runAt('2027-09-09T09:01:00Z');
    await waitFor(() => eventsOf('subscriptions.subscription.charged', id).length === 1, {
      what: 'charged with the new card',
    });
    expect(requested(id).map((o) => o.attempt)).toEqual([1, 2, 3, 4]);
    expect(requested(id)[3]?.billingKey).not.toBe(requested(id)[0]?.billingKey);
    expect(h.orders.charges.get(`${id}:1#4`)).toBe(1);
  });
});

const MY_SUBSCRIPTIONS = graphql(`
  query MySubscriptions {
    mySubscriptions {
      id
      nextBillingDate
      nextDeliveryDate
      nextCharge {
        total
      }
      cycles {
        cycle
        amount
        order {
          id
        }
      }
    }
  }
`);

describe('reading lists', () => {
  it('reads cycles, their orders and prices in the same number of queries for 2 or 12 subscriptions', async () => {
    h.setNow('2027-10-01T03:00:00Z');
    const customer = { ...customerCaller('customer-many'), userId: 'customer-many' };
    const make = async (count: number) => {
      for (let i = 0; i < count; i += 1) {
        await h.subscribe(PRODUCT, { cycle: 'WEEKLY', firstDeliveryDate: '2027-10-05' }, customer);
      }
      await runAt('2027-10-03T01:00:00Z');
      // Quiet first: the outcome consumer's reads would count too.
      const mine = await db()
        .collection('subscriptions')
        .distinct('_id', { customerId: customer.userId });
      await waitFor(
        async () =>
          (await db()
            .collection('cycle_outcomes')
            .countDocuments({ subscriptionId: { $in: mine } })) === mine.length,
        { what: 'every attempt answered' },
      );
    };
    const measure = () =>
      countQueries(async () => {
        const response = await h.call(MY_SUBSCRIPTIONS, {}, customer);
        expect(response.errors).toBeUndefined();
        return response;
      });
    await make(2);
    const few = await measure();
    await make(10);
    const many = await measure();
    console.info(`mySubscriptions: 2 → ${few.count} queries, 12 → ${many.count} queries`);
    expect(many.count).toBe(few.count);
  });
});
