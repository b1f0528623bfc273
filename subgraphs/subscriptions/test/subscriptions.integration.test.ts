import { createEvent } from '@bloom/kernel';
import { orderConfirmed, orderFailed } from '@bloom/schema';
import { waitFor } from '@bloom/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  CARD,
  CUSTOMER,
  DECLINING_CARD,
  OTHER,
  OTHER_SELLER,
  SELLER,
  SUBSCRIPTION_FIELDS,
  type SubscriptionsHarness,
  type TestCaller,
  startSubscriptions,
} from './subscriptions.harness.js';

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

const subscribe = (overrides: Record<string, unknown> = {}, caller: TestCaller = CUSTOMER) =>
  h.subscribe(PRODUCT, overrides, caller);
const get = (id: string, caller: TestCaller = CUSTOMER) => h.get(id, caller);
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
      Array.from({ length: 8 }, () => subscribe({ idempotencyKey: 'tap-1' }, OTHER)),
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
    const { id } = await subscribe({ firstDeliveryDate: '2025-01-31' });
    await runDaily('2025-01-01', 125);
    // The same days again create nothing.
    expect(await runDaily('2025-01-01', 125)).toBe(0);
    const subscription = (await get(id)).data!.flowerSubscription;
    expect(subscription.cycles.map((c: { deliveryDate: string }) => c.deliveryDate)).toEqual([
      '2025-01-31',
      '2025-02-28',
      '2025-03-31',
      '2025-04-30',
    ]);
    expect(subscription.cycles.every((c: { kind: string }) => c.kind === 'DELIVERY')).toBe(true);
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
      ids.push((await subscribe({ cycle: 'WEEKLY', firstDeliveryDate: '2025-06-10' })).id);
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
    const { id } = await subscribe({ cycle: 'WEEKLY', firstDeliveryDate: '2025-06-25' });
    h.setNow('2025-06-23T01:00:00Z');
    await h.server.scheduler.runOnce();
    const ofThis = (type: string) =>
      h.events
        .ofType(type)
        .filter((e) => (e.payload as { subscriptionId: string }).subscriptionId === id);
    await waitFor(() => ofThis('subscriptions.subscription.charged').length === 1, {
      what: 'charged',
    });
    const attempt = await db().collection('cycle_attempts').findOne({ subscriptionId: id });
    const orderId = attempt!.orderId as string;
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
  const mutate = async (
    name: string,
    args: string,
    variables: Record<string, unknown>,
    caller: TestCaller = CUSTOMER,
  ) => {
    const response = await h.call(
      `mutation { ${name}(${args}) { ${SUBSCRIPTION_FIELDS} } }`,
      variables,
      caller as never,
    );
    return { response, result: response.data?.[name] as Record<string, any> | undefined };
  };

  it('skips the next cycle, refuses a skip of a charged one', async () => {
    h.setNow('2025-07-01T03:00:00Z');
    const { id } = await subscribe({ cycle: 'BIWEEKLY', firstDeliveryDate: '2025-07-10' });
    const skipped = await mutate('skipNextSubscriptionCycle', `id: "${id}"`, {});
    expect(skipped.result).toMatchObject({ nextDeliveryDate: '2025-07-24' });
    await runDaily('2025-07-01', 23);
    const after = (await get(id)).data!.flowerSubscription;
    expect(after.cycles.map((c: { kind: string }) => c.kind)).toEqual(['SKIPPED', 'DELIVERY']);
    // Cycle 3 (Aug 7) is not charged yet: skipping it works; cycle 2 was charged.
    expect((await mutate('skipNextSubscriptionCycle', `id: "${id}"`, {})).result).toMatchObject({
      nextDeliveryDate: '2025-08-21',
    });
  });

  it('many concurrent skips of one cycle skip it once', async () => {
    h.setNow('2025-07-01T03:00:00Z');
    const { id } = await subscribe({ cycle: 'WEEKLY', firstDeliveryDate: '2025-07-20' });
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        mutate('skipNextSubscriptionCycle', `id: "${id}", cycle: 1`, {}),
      ),
    );
    expect(results.every((r) => r.result?.__typename === 'FlowerSubscription')).toBe(true);
    expect(await cyclesOf(id)).toBe(1);
    expect((await get(id)).data!.flowerSubscription.nextDeliveryDate).toBe('2025-07-27');
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
    const { id } = await subscribe({ cycle: 'WEEKLY', firstDeliveryDate: '2025-07-20' });
    const results = await Promise.all(
      Array.from({ length: 3 }, () => mutate('skipNextSubscriptionCycle', `id: "${id}"`, {})),
    );
    expect(results.map((r) => r.result?.__typename)).toEqual(Array(3).fill('FlowerSubscription'));
    expect(await cyclesOf(id)).toBe(3);
    expect((await get(id)).data!.flowerSubscription.nextDeliveryDate).toBe('2025-08-10');
  });

  it('a skip racing the scheduler on the charge day either skips or charges, never both', async () => {
    h.setNow('2025-07-01T03:00:00Z');
    const ids: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      ids.push((await subscribe({ cycle: 'WEEKLY', firstDeliveryDate: '2025-07-05' })).id);
    }
    h.setNow('2025-07-03T01:00:00Z');
    const skips = ids.map((id) => mutate('skipNextSubscriptionCycle', `id: "${id}", cycle: 1`, {}));
    await Promise.all([h.server.scheduler.runOnce(), ...skips]);
    const outcome = await Promise.all(skips);
    for (const [i, id] of ids.entries()) {
      const cycles = (await get(id)).data!.flowerSubscription.cycles as { kind: string }[];
      expect(cycles).toHaveLength(1);
      const attempts = await attemptsOf(id);
      if (outcome[i]!.result?.__typename === 'FlowerSubscription') {
        expect(cycles[0]!.kind).toBe('SKIPPED');
        expect(attempts).toBe(0);
      } else {
        expect(outcome[i]!.result).toMatchObject({ code: 'ALREADY_CHARGED' });
        expect(cycles[0]!.kind).toBe('DELIVERY');
        expect(attempts).toBe(1);
      }
    }
  });

  it('pauses for up to three months after the charged cycles, and resumes', async () => {
    h.setNow('2025-09-01T03:00:00Z');
    const { id } = await subscribe({ cycle: 'WEEKLY', firstDeliveryDate: '2025-09-05' });
    await runDaily('2025-09-01', 3); // cycle 1 (Sep 5) charged on Sep 3
    const tooEarly = await mutate(
      'pauseSubscription',
      `id: "${id}", from: "2025-09-05", until: "2025-09-20"`,
      {},
    );
    expect(tooEarly.result).toMatchObject({ code: 'ALREADY_CHARGED' });
    const tooLong = await mutate(
      'pauseSubscription',
      `id: "${id}", from: "2025-09-10", until: "2025-12-11"`,
      {},
    );
    expect(tooLong.result).toMatchObject({ field: 'until' });
    const paused = await mutate(
      'pauseSubscription',
      `id: "${id}", from: "2025-09-10", until: "2025-10-01"`,
      {},
    );
    expect(paused.result).toMatchObject({ nextDeliveryDate: '2025-10-03' });
    await runDaily('2025-09-04', 28);
    const during = (await get(id)).data!.flowerSubscription;
    expect(during.cycles.map((c: { kind: string }) => c.kind)).toEqual([
      'DELIVERY',
      'PAUSED',
      'PAUSED',
      'PAUSED',
      'DELIVERY',
    ]);
    expect((await mutate('resumeSubscription', `id: "${id}"`, {})).result).toMatchObject({
      pause: null,
    });
    expect((await mutate('resumeSubscription', `id: "${id}"`, {})).result).toMatchObject({
      code: 'NOT_PAUSED',
    });
  });

  it('cancels after the charged cycle', async () => {
    h.setNow('2025-11-01T03:00:00Z');
    const { id } = await subscribe({ cycle: 'WEEKLY', firstDeliveryDate: '2025-11-05' });
    await runDaily('2025-11-01', 3);
    const canceled = await mutate('cancelSubscription', `id: "${id}"`, {});
    expect(canceled.result).toMatchObject({
      status: 'CANCELED',
      endsAfterCycle: 1,
      nextDeliveryDate: null,
    });
    await runDaily('2025-11-04', 30);
    expect(await cyclesOf(id)).toBe(1);
    expect((await mutate('cancelSubscription', `id: "${id}"`, {})).result).toMatchObject({
      code: 'CANCELED',
    });
    expect((await mutate('skipNextSubscriptionCycle', `id: "${id}"`, {})).result).toMatchObject({
      code: 'CANCELED',
    });
  });

  it('moves the date of the next uncharged cycle', async () => {
    h.setNow('2026-01-01T03:00:00Z');
    const { id } = await subscribe({ cycle: 'MONTHLY', firstDeliveryDate: '2026-01-10' });
    await runDaily('2026-01-01', 8);
    expect(
      (await mutate('changeSubscriptionDate', `id: "${id}", date: "2026-01-10"`, {})).result,
    ).toMatchObject({ code: 'ALREADY_CHARGED' });
    expect(
      (await mutate('changeSubscriptionDate', `id: "${id}", date: "2026-01-09"`, {})).result,
    ).toMatchObject({ field: 'date' });
    const moved = await mutate('changeSubscriptionDate', `id: "${id}", date: "2026-02-28"`, {});
    expect(moved.result).toMatchObject({ nextDeliveryDate: '2026-02-28' });
  });

  it('only the subscriber changes a subscription; its seller sees it, others do not', async () => {
    h.setNow('2026-03-01T03:00:00Z');
    const { id } = await subscribe({ cycle: 'WEEKLY', firstDeliveryDate: '2026-03-10' });
    const foreign = await mutate('cancelSubscription', `id: "${id}"`, {}, OTHER);
    expect(foreign.response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await get(id, SELLER)).data!.flowerSubscription.id).toBe(id);
    expect((await get(id, OTHER_SELLER)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await get(id, OTHER)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const calendar = await h.call(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Store { subscriptionCalendar(from: "2026-03-01", days: 14) { subscriptionId deliveryDate billingDate ordered } } } }`,
      { r: [{ __typename: 'Store', id: STORE }] },
      SELLER as never,
    );
    const deliveries = calendar.data!._entities[0].subscriptionCalendar as {
      subscriptionId: string;
    }[];
    expect(deliveries.filter((d) => d.subscriptionId === id)).toHaveLength(1);
    const refused = await h.call(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Store { subscriptionCalendar { deliveryDate } } } }`,
      { r: [{ __typename: 'Store', id: STORE }] },
      OTHER_SELLER as never,
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('failed charges', () => {
  it('retries a declined charge on schedule, then suspends and notifies', async () => {
    h.setNow('2026-05-01T03:00:00Z');
    const { id } = await subscribe({
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
    expect((failed()[2]!.payload as { retryAt: string | null }).retryAt).toBeNull();
    await waitFor(
      () =>
        h.events
          .ofType('subscriptions.subscription.suspended')
          .some((e) => (e.payload as { subscriptionId: string }).subscriptionId === id),
      { what: 'suspended' },
    );
    await waitFor(async () => (await get(id)).data!.flowerSubscription.status === 'SUSPENDED', {
      what: 'status SUSPENDED',
    });
    // The seller sees it suspended.
    expect((await get(id, SELLER)).data!.flowerSubscription.status).toBe('SUSPENDED');
    await runDaily('2026-05-10', 14);
    expect(await cyclesOf(id)).toBe(1);
  });
});
