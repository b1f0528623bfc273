import { createEvent } from '@bloom/kernel';
import { orderConfirmed, orderFailed } from '@bloom/schema';
import { dataOf, errorCode, expectUnion, waitFor } from '@bloom/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './generated/index.js';
import type { SubscribeInput } from './generated/graphql.js';
import {
  CANCEL,
  CARD,
  CHANGE_DATE,
  CUSTOMER,
  DECLINING_CARD,
  OTHER,
  OTHER_SELLER,
  PAUSE,
  RESUME,
  SELLER,
  SKIP_NEXT_CYCLE,
  type SubscriptionsHarness,
  type TestCaller,
  startSubscriptions,
} from './subscriptions.harness.js';

const STORE_CALENDAR = graphql(`
  query StoreSubscriptionCalendar($r: [_Any!]!) {
    _entities(representations: $r) {
      __typename
      ... on Store {
        subscriptionCalendar(from: "2026-03-01", days: 14) {
          subscriptionId
          deliveryDate
          billingDate
          ordered
        }
      }
    }
  }
`);
const STORE_CALENDAR_DEFAULT = graphql(`
  query StoreSubscriptionCalendarDefault($r: [_Any!]!) {
    _entities(representations: $r) {
      ... on Store {
        subscriptionCalendar {
          deliveryDate
        }
      }
    }
  }
`);

const STORE = 'store-1';
const PRODUCT = 'product-sub-1';
const PRICE = 30_000;

let h: SubscriptionsHarness;

beforeAll(async () => {
  h = await startSubscriptions('subscriptions', '2025-01-01T03:00:00Z');
  await h.seedStore(STORE, SELLER.userId, PRODUCT, PRICE);
});

afterAll(async () => {
  await h?.close();
});

// Each test's clock jumps months ahead; the scheduler runs over its own subscriptions only.
afterEach(() => h.setAside());

const subscribe = (overrides: Partial<SubscribeInput> = {}, caller: TestCaller = CUSTOMER) =>
  h.subscribe(PRODUCT, overrides, caller);
/** A `subscribe` that must succeed. */
const subscribed = (overrides: Partial<SubscribeInput> = {}, caller: TestCaller = CUSTOMER) =>
  h.subscribed(PRODUCT, overrides, caller);
const get = (id: string, caller: TestCaller = CUSTOMER) => h.get(id, caller);
const read = (id: string, caller: TestCaller = CUSTOMER) => h.read(id, caller);
const runDaily = (from: string, days: number) => h.runDaily(from, days);

const db = () => h.server.orm.em.getConnection().getDb();
const cyclesOf = (id: string) =>
  db().collection('subscription_cycles').countDocuments({ subscriptionId: id });
const attemptsOf = (id: string) =>
  db().collection('cycle_attempts').countDocuments({ subscriptionId: id });

describe('subscribing', () => {
  it('subscribes to a subscription product with a saved card', async () => {
    const subscription = await subscribe();
    expect(subscription).toMatchObject({
      __typename: 'FlowerSubscription',
      status: 'ACTIVE',
      cycle: 'MONTHLY',
      cardLast4: '1111',
      nextDeliveryDate: '2025-01-31',
      nextBillingDate: '2025-01-29',
    });
  });

  it('many concurrent subscribes with one key make one subscription and one billing key', async () => {
    const issued = h.billing.issued;
    const results = await Promise.all(
      Array.from({ length: 8 }, () => subscribed({ idempotencyKey: 'tap-1' }, OTHER)),
    );
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(
      await db().collection('subscriptions').countDocuments({ customerId: OTHER.userId }),
    ).toBe(1);
    // The PG replays a repeated key; the fake counts every call, the id is what matters.
    expect(h.billing.issued).toBeGreaterThan(issued);
  });

  it('refuses other products, past dates and refused cards', async () => {
    expect(await subscribe({ productId: 'nope' })).toMatchObject({
      code: 'PRODUCT_NOT_SUBSCRIBABLE',
    });
    expect(await subscribe({ firstDeliveryDate: '2025-01-02' })).toMatchObject({
      field: 'firstDeliveryDate',
    });
    expect(await subscribe({ card: { ...CARD, number: '4111111111110000' } })).toMatchObject({
      __typename: 'PaymentMethodRefusedError',
    });
  });
});

describe('the cycle scheduler', () => {
  it('creates each monthly cycle once across month ends, and charges it once', async () => {
    h.setNow('2025-01-01T03:00:00Z');
    const { id } = await subscribed({ firstDeliveryDate: '2025-01-31' });
    await runDaily('2025-01-01', 125);
    // The same days again create nothing.
    expect(await runDaily('2025-01-01', 125)).toBe(0);
    const subscription = await read(id);
    expect(subscription.cycles.map((c) => c.deliveryDate)).toEqual([
      '2025-01-31',
      '2025-02-28',
      '2025-03-31',
      '2025-04-30',
    ]);
    expect(subscription.cycles.every((c) => c.kind === 'DELIVERY')).toBe(true);
    // Below the store's 50,000 free-delivery threshold: its 3,000 fee is charged too.
    expect(subscription.cycles[0]).toMatchObject({
      subtotal: PRICE,
      deliveryFee: 3_000,
      amount: PRICE + 3_000,
      deliveryWindow: '10:00-13:00',
    });
    const keys = [1, 2, 3, 4].map((cycle) => `${id}:${cycle}#1`);
    await waitFor(() => keys.every((key) => h.orders.charges.get(key) === 1), {
      what: 'four charges',
    });
    await h.events.waitForType('subscriptions.subscription.charged', 4);
    const charged = h.events
      .ofType('subscriptions.subscription.charged')
      .filter((e) => (e.payload as { subscriptionId: string }).subscriptionId === id);
    expect(charged).toHaveLength(4);
    expect(subscription.nextDeliveryDate).toBe('2025-05-31');
  });

  it('two concurrent scheduler processes create one cycle and one order per subscription', async () => {
    h.setNow('2025-06-01T03:00:00Z');
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      ids.push((await subscribed({ cycle: 'WEEKLY', firstDeliveryDate: '2025-06-10' })).id);
    }
    const twin = await h.startTwin();
    h.setNow('2025-06-08T01:00:00Z');
    await Promise.all([
      h.server.scheduler.runOnce(),
      twin.scheduler.runOnce(),
      h.server.scheduler.runOnce(),
      twin.scheduler.runOnce(),
    ]);
    for (const id of ids) {
      expect(await cyclesOf(id)).toBe(1);
      expect(await attemptsOf(id)).toBe(1);
    }
    await waitFor(() => ids.every((id) => h.orders.charges.get(`${id}:1#1`) === 1), {
      what: 'one charge each',
    });
    const orders = [...h.orders.orders.values()].filter((o) =>
      ids.some((id) => o.idempotencyKey.startsWith(`${id}:`)),
    );
    expect(orders).toHaveLength(5);
  });
});

describe('charge outcomes', () => {
  it('records an outcome once, however often and in whatever form orders repeats it', async () => {
    h.setNow('2025-06-20T03:00:00Z');
    const { id } = await subscribed({ cycle: 'WEEKLY', firstDeliveryDate: '2025-06-25' });
    h.setNow('2025-06-23T01:00:00Z');
    await h.server.scheduler.runOnce();
    const ofThis = (type: string) =>
      h.events
        .ofType(type)
        .filter((e) => (e.payload as { subscriptionId: string }).subscriptionId === id);
    await waitFor(() => ofThis('subscriptions.subscription.charged').length === 1, {
      what: 'charged',
    });
    const attempt = await db()
      .collection('cycle_attempts')
      .findOne<{ orderId: string }>({ subscriptionId: id });
    if (!attempt) throw new Error(`no cycle attempt for ${id}`);
    const { orderId } = attempt;
    const meta = { source: 'orders', subjectId: orderId, sequence: 1, traceId: 'dup' };
    const base = { orderId, storeId: STORE, customerId: CUSTOMER.userId };
    await Promise.all([
      ...Array.from({ length: 5 }, () =>
        h.server.bus.publish(createEvent(orderConfirmed, meta, base)),
      ),
      h.server.bus.publish(createEvent(orderFailed, meta, { ...base, reason: 'PAYMENT_DECLINED' })),
    ]);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(ofThis('subscriptions.subscription.charged')).toHaveLength(1);
    expect(ofThis('subscriptions.subscription.chargeFailed')).toHaveLength(0);
    expect(await db().collection('cycle_outcomes').countDocuments({ subscriptionId: id })).toBe(1);
  });
});

describe('changes', () => {
  // The changes, as the subscriber makes them: each returns its result union.
  const skip = async (id: string, cycle?: number) =>
    (await h.call(SKIP_NEXT_CYCLE, { id, cycle }, CUSTOMER)).data?.skipNextSubscriptionCycle;
  const pause = async (id: string, from: string, until: string) =>
    (await h.call(PAUSE, { id, from, until }, CUSTOMER)).data?.pauseSubscription;
  const resume = async (id: string) =>
    (await h.call(RESUME, { id }, CUSTOMER)).data?.resumeSubscription;
  const cancel = async (id: string) =>
    (await h.call(CANCEL, { id }, CUSTOMER)).data?.cancelSubscription;
  const changeDate = async (id: string, date: string) =>
    (await h.call(CHANGE_DATE, { id, date }, CUSTOMER)).data?.changeSubscriptionDate;

  it('skips the next cycle, refuses a skip of a charged one', async () => {
    h.setNow('2025-07-01T03:00:00Z');
    const { id } = await subscribed({ cycle: 'BIWEEKLY', firstDeliveryDate: '2025-07-10' });
    const skipped = await skip(id);
    expect(skipped).toMatchObject({ nextDeliveryDate: '2025-07-24' });
    await runDaily('2025-07-01', 23);
    const after = await read(id);
    expect(after.cycles.map((c) => c.kind)).toEqual(['SKIPPED', 'DELIVERY']);
    // Cycle 3 (Aug 7) is not charged yet: skipping it works; cycle 2 was charged.
    expect(await skip(id)).toMatchObject({
      nextDeliveryDate: '2025-08-21',
    });
  });

  it('many concurrent skips of one cycle skip it once', async () => {
    h.setNow('2025-07-01T03:00:00Z');
    const { id } = await subscribed({ cycle: 'WEEKLY', firstDeliveryDate: '2025-07-20' });
    const results = await Promise.all(Array.from({ length: 10 }, () => skip(id, 1)));
    expect(results.every((r) => r?.__typename === 'FlowerSubscription')).toBe(true);
    expect(await cyclesOf(id)).toBe(1);
    expect((await read(id)).nextDeliveryDate).toBe('2025-07-27');
    await waitFor(
      () =>
        h.events
          .ofType('subscriptions.subscription.skipped')
          .filter((e) => (e.payload as { subscriptionId: string }).subscriptionId === id).length ===
        1,
      { what: 'one skipped event' },
    );
  });

  it('concurrent skips without a cycle number each skip one more delivery', async () => {
    h.setNow('2025-07-01T03:00:00Z');
    const { id } = await subscribed({ cycle: 'WEEKLY', firstDeliveryDate: '2025-07-20' });
    const results = await Promise.all(Array.from({ length: 3 }, () => skip(id)));
    expect(results.map((r) => r?.__typename)).toEqual(Array(3).fill('FlowerSubscription'));
    expect(await cyclesOf(id)).toBe(3);
    expect((await read(id)).nextDeliveryDate).toBe('2025-08-10');
  });

  it('a skip racing the scheduler on the charge day either skips or charges, never both', async () => {
    h.setNow('2025-07-01T03:00:00Z');
    const ids: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      ids.push((await subscribed({ cycle: 'WEEKLY', firstDeliveryDate: '2025-07-05' })).id);
    }
    h.setNow('2025-07-03T01:00:00Z');
    const skips = ids.map((id) => skip(id, 1));
    await Promise.all([h.server.scheduler.runOnce(), ...skips]);
    const outcome = await Promise.all(skips);
    for (const [i, id] of ids.entries()) {
      const { cycles } = await read(id);
      expect(cycles).toHaveLength(1);
      const attempts = await attemptsOf(id);
      const result = outcome[i];
      if (result?.__typename === 'FlowerSubscription') {
        expect(cycles[0]?.kind).toBe('SKIPPED');
        expect(attempts).toBe(0);
      } else {
        expect(result).toMatchObject({ code: 'ALREADY_CHARGED' });
        expect(cycles[0]?.kind).toBe('DELIVERY');
        expect(attempts).toBe(1);
      }
    }
  });

  it('pauses for up to three months after the charged cycles, and resumes', async () => {
    h.setNow('2025-09-01T03:00:00Z');
    const { id } = await subscribed({ cycle: 'WEEKLY', firstDeliveryDate: '2025-09-05' });
    await runDaily('2025-09-01', 3); // cycle 1 (Sep 5) charged on Sep 3
    const tooEarly = await pause(id, '2025-09-05', '2025-09-20');
    expect(tooEarly).toMatchObject({ code: 'ALREADY_CHARGED' });
    const tooLong = await pause(id, '2025-09-10', '2025-12-11');
    expect(tooLong).toMatchObject({ field: 'until' });
    const paused = await pause(id, '2025-09-10', '2025-10-01');
    expect(paused).toMatchObject({ nextDeliveryDate: '2025-10-03' });
    await runDaily('2025-09-04', 28);
    const during = await read(id);
    expect(during.cycles.map((c) => c.kind)).toEqual([
      'DELIVERY',
      'PAUSED',
      'PAUSED',
      'PAUSED',
      'DELIVERY',
    ]);
    expect(await resume(id)).toMatchObject({
      pause: null,
    });
    expect(await resume(id)).toMatchObject({
      code: 'NOT_PAUSED',
    });
  });

  it('cancels after the charged cycle', async () => {
    h.setNow('2025-11-01T03:00:00Z');
    const { id } = await subscribed({ cycle: 'WEEKLY', firstDeliveryDate: '2025-11-05' });
    await runDaily('2025-11-01', 3);
    const canceled = await cancel(id);
    expect(canceled).toMatchObject({
      status: 'CANCELED',
      endsAfterCycle: 1,
      nextDeliveryDate: null,
    });
    await runDaily('2025-11-04', 30);
    expect(await cyclesOf(id)).toBe(1);
    expect(await cancel(id)).toMatchObject({
      code: 'CANCELED',
    });
    expect(await skip(id)).toMatchObject({
      code: 'CANCELED',
    });
  });

  it('moves the date of the next uncharged cycle', async () => {
    h.setNow('2026-01-01T03:00:00Z');
    const { id } = await subscribed({ cycle: 'MONTHLY', firstDeliveryDate: '2026-01-10' });
    await runDaily('2026-01-01', 8);
    expect(await changeDate(id, '2026-01-10')).toMatchObject({ code: 'ALREADY_CHARGED' });
    expect(await changeDate(id, '2026-01-09')).toMatchObject({ field: 'date' });
    const moved = await changeDate(id, '2026-02-28');
    expect(moved).toMatchObject({ nextDeliveryDate: '2026-02-28' });
  });

  it('only the subscriber changes a subscription; its seller sees it, others do not', async () => {
    h.setNow('2026-03-01T03:00:00Z');
    const { id } = await subscribed({ cycle: 'WEEKLY', firstDeliveryDate: '2026-03-10' });
    const foreign = await h.call(CANCEL, { id }, OTHER);
    expect(errorCode(foreign)).toBe('FORBIDDEN');
    expect((await read(id, SELLER)).id).toBe(id);
    expect(errorCode(await get(id, OTHER_SELLER))).toBe('FORBIDDEN');
    expect(errorCode(await get(id, OTHER))).toBe('FORBIDDEN');
    const calendar = await h.call(
      STORE_CALENDAR,
      { r: [{ __typename: 'Store', id: STORE }] },
      SELLER,
    );
    const deliveries = expectUnion(dataOf(calendar)._entities[0], 'Store').subscriptionCalendar;
    expect(deliveries.filter((d) => d.subscriptionId === id)).toHaveLength(1);
    const refused = await h.call(
      STORE_CALENDAR_DEFAULT,
      { r: [{ __typename: 'Store', id: STORE }] },
      OTHER_SELLER,
    );
    expect(errorCode(refused)).toBe('FORBIDDEN');
  });
});

describe('failed charges', () => {
  it('retries a declined charge on schedule, then suspends and notifies', async () => {
    h.setNow('2026-05-01T03:00:00Z');
    const { id } = await subscribed({
      cycle: 'WEEKLY',
      firstDeliveryDate: '2026-05-10',
      card: DECLINING_CARD,
    });
    h.setNow('2026-05-08T01:00:00Z');
    await h.server.scheduler.runOnce();
    const failed = () =>
      h.events
        .ofType('subscriptions.subscription.chargeFailed')
        .filter((e) => (e.payload as { subscriptionId: string }).subscriptionId === id);
    await waitFor(() => failed().length === 1, { what: 'first failure' });
    // Retry 1 after 6 h, retry 2 after 24 h more.
    h.setNow('2026-05-08T06:59:00Z');
    expect((await h.server.scheduler.runOnce()).attemptsRequested).toBe(0);
    h.setNow('2026-05-08T07:01:00Z');
    await h.server.scheduler.runOnce();
    await waitFor(() => failed().length === 2, { what: 'second failure' });
    h.setNow('2026-05-09T07:30:00Z');
    await h.server.scheduler.runOnce();
    await waitFor(() => failed().length === 3, { what: 'third failure' });
    expect((failed()[2]?.payload as { retryAt: string | null } | undefined)?.retryAt).toBeNull();
    await waitFor(
      () =>
        h.events
          .ofType('subscriptions.subscription.suspended')
          .some((e) => (e.payload as { subscriptionId: string }).subscriptionId === id),
      { what: 'suspended' },
    );
    await waitFor(async () => (await read(id)).status === 'SUSPENDED', {
      what: 'status SUSPENDED',
    });
    // The seller sees it suspended.
    expect((await read(id, SELLER)).status).toBe('SUSPENDED');
    await runDaily('2026-05-10', 14);
    expect(await cyclesOf(id)).toBe(1);
  });
});
