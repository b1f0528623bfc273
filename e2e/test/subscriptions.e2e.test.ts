import {
  type PaymentsEmulator,
  loadPaymentsEmulatorConfig,
  startPaymentsEmulator,
} from '@bloom/payments-emulator';
import { waitFor } from '@bloom/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SubscriptionsServer } from '../../subgraphs/subscriptions/src/server.js';
import { createProductAs, customerToken, skyGardenSeller } from '../src/actors.js';
import { graphql } from '../src/generated/index.js';
import type { SubscribeInput } from '../src/generated/graphql.js';
import { present } from '../src/present.js';
import { type System, startSystem } from '../src/system.harness.js';

/*
 * A recurring delivery through the gateway: a seller's subscription product reaches
 * subscriptions as a products event, the customer subscribes with a card (a billing key at the
 * payment sandbox), the scheduler creates the first cycle on its charge day, orders runs the
 * saga for it (stores reserves, the billing key is charged) and the outcome comes back.
 */

let sys: System;
let pg: PaymentsEmulator;
let owner: { token: string; storeId: string };
let productId: string;

const DAY_MS = 86_400_000;
const day = (at: Date) => at.toISOString().slice(0, 10);
const scheduler = () => (sys.servers.subscriptions as SubscriptionsServer).scheduler;

/** Moves every clock to 10:00 in Seoul (01:00 UTC) on `date`. */
function goTo(date: string) {
  const target = new Date(`${date}T01:00:00Z`).getTime();
  const ms = target - sys.now().getTime();
  if (ms < 0) throw new Error(`${date} is in the past of the system clock`);
  sys.advance(ms);
}

const SUBSCRIBE = graphql(`
  mutation SubscriptionsSubscribe($i: SubscribeInput!) {
    subscribe(input: $i) {
      __typename
      ... on FlowerSubscription {
        id
        nextDeliveryDate
        nextBillingDate
        cardLast4
      }
      ... on UserError {
        code
        message
      }
    }
  }
`);
const VIEW = graphql(`
  query SubscriptionsView($id: ID!) {
    flowerSubscription(id: $id) {
      id
      status
      nextDeliveryDate
      endsAfterCycle
      suspendedReason
      cardLast4
      cycles {
        cycle
        kind
        deliveryDate
        order {
          id
          status
          total
        }
      }
    }
  }
`);
// What every change of a subscription answers.
graphql(`
  fragment SubscriptionsChanged on FlowerSubscription {
    id
    status
    nextDeliveryDate
    pause {
      from
      until
    }
    endsAfterCycle
    cardLast4
  }
`);
const CANCEL = graphql(`
  mutation SubscriptionsCancel($id: ID!) {
    cancelSubscription(id: $id) {
      __typename
      ...SubscriptionsChanged
      ... on UserError {
        code
        message
      }
    }
  }
`);
const SKIP_THIRD = graphql(`
  mutation SubscriptionsSkipThird($id: ID!) {
    skipNextSubscriptionCycle(id: $id, cycle: 3) {
      __typename
      ...SubscriptionsChanged
      ... on UserError {
        code
        message
      }
    }
  }
`);
const PAUSE = graphql(`
  mutation SubscriptionsPause($id: ID!, $from: String!, $until: String!) {
    pauseSubscription(id: $id, from: $from, until: $until) {
      __typename
      ...SubscriptionsChanged
      ... on UserError {
        code
        message
      }
    }
  }
`);
const RESUME = graphql(`
  mutation SubscriptionsResume($id: ID!) {
    resumeSubscription(id: $id) {
      __typename
      ...SubscriptionsChanged
      ... on UserError {
        code
        message
      }
    }
  }
`);
const CHANGE_CARD = graphql(`
  mutation SubscriptionsChangeCard($id: ID!, $card: CardInput!) {
    changeSubscriptionCard(id: $id, card: $card) {
      __typename
      ...SubscriptionsChanged
      ... on UserError {
        code
        message
      }
    }
  }
`);

beforeAll(async () => {
  pg = await startPaymentsEmulator(loadPaymentsEmulatorConfig({ PORT: '0', LOG_LEVEL: 'silent' }));
  sys = await startSystem(
    ['identity', 'stores', 'products', 'orders', 'subscriptions', 'notifications'],
    { PAYMENTS_URL: pg.url, SUBSCRIPTION_SCHEDULER_INTERVAL_MS: '0' },
  );
  owner = await skyGardenSeller(sys);
  await sys.call(
    graphql(`
      mutation SubscriptionsSetFlowerStock($s: ID!) {
        setFlowerStock(storeId: $s, items: [{ flowerId: 1, available: 80 }]) {
          __typename
        }
      }
    `),
    { s: owner.storeId },
    owner.token,
  );
  productId = await createProductAs(sys, owner.token, {
    name: '매주 꽃 정기배송',
    summary: '계절 꽃',
    description: '매주 바뀌는 계절 꽃다발',
    price: 25000,
    isSubscription: true,
    recipe: [{ flowerId: 1, count: 3, representative: true }],
  });
}, 120_000);

afterAll(async () => {
  await sys?.close();
  await pg?.close();
});

/** Subscribes through the gateway, retrying until subscriptions has seen the product's event. */
async function subscribe(
  token: string,
  input: Pick<SubscribeInput, 'cycle' | 'firstDeliveryDate'>,
) {
  return waitFor(
    async () => {
      const result = await sys.call(
        SUBSCRIBE,
        {
          i: {
            productId,
            quantity: 1,
            address: {
              recipientName: '정민지',
              phone: '010-1234-5678',
              line1: '서울 마포구 1',
              // The input's defaults, spelled out: the generated type requires them.
              zipCode: '',
              line2: '',
            },
            card: { number: '4242424242424242', expiryYear: 2035, expiryMonth: 12 },
            ...input,
          },
        },
        token,
      );
      const value = result.data?.subscribe;
      return value?.__typename === 'FlowerSubscription' ? value : undefined;
    },
    { what: 'subscribed', timeoutMs: 15_000 },
  );
}

async function view(id: string, token: string) {
  return present(
    (await sys.call(VIEW, { id }, token)).data?.flowerSubscription,
    'the subscription',
  );
}

/** Waits until cycle `cycle`'s latest order reached `status` (the saga ran through stores). */
function orderOf(id: string, token: string, cycle: number, status: string) {
  return waitFor(
    async () => {
      const found = (await view(id, token)).cycles.find((c) => c.cycle === cycle);
      return found?.order?.status === status ? found : undefined;
    },
    { what: `cycle ${cycle} order ${status}`, timeoutMs: 30_000 },
  );
}

/** The last day of the month after the one `date` is in. */
function endOfNextMonth(date: string) {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return day(new Date(Date.UTC(y, m + 1, 0)));
}

describe('subscriptions through the gateway', () => {
  it('subscribe → scheduler creates the cycle → orders confirms it → the seller sees it', async () => {
    const token = await customerToken(sys, 'sub@bloom.test');
    const firstDelivery = day(new Date(sys.now().getTime() + 5 * DAY_MS));
    const subscription = await subscribe(token, {
      cycle: 'WEEKLY',
      firstDeliveryDate: firstDelivery,
    });
    expect(subscription).toMatchObject({ nextDeliveryDate: firstDelivery, cardLast4: '4242' });

    // Three days later the first cycle's charge day has come: two scheduler runs at once
    // (two replicas) request one charge.
    sys.advance(3 * DAY_MS + 3_600_000);
    const runs = await Promise.all([scheduler().runOnce(), scheduler().runOnce()]);
    expect(runs.reduce((sum, run) => sum + run.attemptsRequested, 0)).toBe(1);
    await scheduler().runOnce();
    const MINE = graphql(`
      query SubscriptionsMine {
        mySubscriptions {
          id
          nextDeliveryDate
          cycles {
            cycle
            kind
            deliveryDate
            order {
              id
              status
              subtotal
              deliveryFee
              total
              delivery {
                window
              }
            }
          }
        }
      }
    `);
    const mine = await waitFor(
      async () => {
        const result = await sys.call(MINE, {}, token);
        const first = result.data?.mySubscriptions[0];
        return first?.cycles?.[0]?.order?.status === 'CONFIRMED' ? first : undefined;
      },
      { what: 'cycle order confirmed', timeoutMs: 20_000 },
    );
    expect(mine.cycles).toHaveLength(1);
    expect(mine.cycles[0]).toMatchObject({
      cycle: 1,
      kind: 'DELIVERY',
      deliveryDate: firstDelivery,
    });
    // The store's delivery fee applies below its free-delivery threshold, in its window.
    expect(mine.cycles[0]?.order).toMatchObject({
      subtotal: 25000,
      deliveryFee: 3000,
      total: 28000,
      delivery: { window: '10:00-13:00' },
    });
    await sys.events.waitForType('subscriptions.subscription.charged');
    // One order and one captured charge for the cycle, however many runs.
    const { payments } = (await (await fetch(`${pg.url}/__emulator/payments`)).json()) as {
      payments: { orderId: string; status: string }[];
    };
    expect(payments.filter((p) => p.orderId === mine.cycles[0]?.order?.id)).toHaveLength(1);

    const calendar = await sys.call(
      graphql(`
        query SubscriptionsCalendar {
          me {
            store {
              subscriptionCalendar(days: 14) {
                subscriptionId
                deliveryDate
                ordered
              }
            }
          }
        }
      `),
      {},
      owner.token,
    );
    expect(calendar.data?.me?.store?.subscriptionCalendar, JSON.stringify(calendar)).toContainEqual(
      {
        subscriptionId: subscription.id,
        deliveryDate: firstDelivery,
        ordered: true,
      },
    );
  }, 90_000);

  it('over simulated months: month ends, skip, pause, resume and cancel; only the subscriber changes it', async () => {
    const token = await customerToken(sys, 'monthly@bloom.test');
    const stranger = await customerToken(sys, 'stranger@bloom.test');
    // The first 31st at least five days ahead whose next month is shorter (Jan 31 → Feb 28).
    let first = day(new Date(sys.now().getTime() + 5 * DAY_MS));
    while (!first.endsWith('-31') || endOfNextMonth(first).endsWith('-31')) {
      first = day(new Date(new Date(`${first}T00:00:00Z`).getTime() + DAY_MS));
    }
    const second = endOfNextMonth(first);
    // Anchored on a 31st, every delivery falls on its month's last day.
    const third = endOfNextMonth(second);
    const fourth = endOfNextMonth(third);
    const fifth = endOfNextMonth(fourth);
    const { id } = await subscribe(token, { cycle: 'MONTHLY', firstDeliveryDate: first });

    const shift = (date: string, days: number) =>
      day(new Date(new Date(`${date}T00:00:00Z`).getTime() + days * DAY_MS));
    goTo(shift(first, -2));
    await scheduler().runOnce();
    await orderOf(id, token, 1, 'CONFIRMED');
    goTo(shift(second, -2));
    await scheduler().runOnce();
    await orderOf(id, token, 2, 'CONFIRMED');
    expect((await view(id, token)).cycles.map((c) => c.deliveryDate)).toEqual([first, second]);

    // Others can neither see nor change it; its seller sees it.
    const peek = await sys.call(VIEW, { id }, stranger);
    expect(peek.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await sys.call(CANCEL, { id }, stranger)).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect((await view(id, owner.token)).status).toBe('ACTIVE');

    // Skip the third delivery; pause over the fourth.
    const skipped = await sys.call(SKIP_THIRD, { id }, token);
    expect(skipped.data?.skipNextSubscriptionCycle).toMatchObject({
      status: 'ACTIVE',
      nextDeliveryDate: fourth,
    });
    const paused = await sys.call(
      PAUSE,
      { id, from: shift(fourth, -3), until: shift(fourth, 10) },
      token,
    );
    expect(paused.data?.pauseSubscription).toMatchObject({ nextDeliveryDate: fifth });
    goTo(fourth);
    await scheduler().runOnce();
    expect((await view(id, token)).cycles.map((c) => [c.kind, c.deliveryDate])).toEqual([
      ['DELIVERY', first],
      ['DELIVERY', second],
      ['SKIPPED', third],
      ['PAUSED', fourth],
    ]);
    // Back early: the pause ends now, the fifth delivery is charged on its day.
    expect((await sys.call(RESUME, { id }, token)).data?.resumeSubscription).toMatchObject({
      pause: null,
      nextDeliveryDate: fifth,
    });
    goTo(shift(fifth, -2));
    await scheduler().runOnce();
    await orderOf(id, token, 5, 'CONFIRMED');

    // Cancel: nothing after the fifth.
    expect((await sys.call(CANCEL, { id }, token)).data?.cancelSubscription).toMatchObject({
      status: 'CANCELED',
      endsAfterCycle: 5,
      nextDeliveryDate: null,
    });
    goTo(shift(fifth, 40));
    await scheduler().runOnce();
    expect((await view(id, token)).cycles).toHaveLength(5);
    // Three charges: the cycles delivered (the charged events follow orders' confirmations).
    const charged = () =>
      sys.events
        .ofType('subscriptions.subscription.charged')
        .filter((e) => (e.payload as { subscriptionId: string }).subscriptionId === id)
        .map((e) => (e.payload as { cycle: number }).cycle);
    await waitFor(() => charged().length >= 3, { what: 'three charges' });
    expect(charged().sort()).toEqual([1, 2, 5]);
  }, 150_000);

  it('a declining card retries, suspends (the seller is told), and a new card charges the delivery', async () => {
    const token = await customerToken(sys, 'declined@bloom.test');
    const me = present(
      (
        await sys.call(
          graphql(`
            query SubscriptionsMeId {
              me {
                id
              }
            }
          `),
          {},
          token,
        )
      ).data?.me,
      'me',
    ).id;
    const rule = (await (
      await fetch(`${pg.url}/__emulator/scenarios`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ match: { customerKey: me }, scenario: 'decline' }),
      })
    ).json()) as { id: string };
    const firstDelivery = day(new Date(sys.now().getTime() + 5 * DAY_MS));
    const { id } = await subscribe(token, { cycle: 'WEEKLY', firstDeliveryDate: firstDelivery });
    const failures = () =>
      sys.events
        .ofType('subscriptions.subscription.chargeFailed')
        .filter((e) => (e.payload as { subscriptionId: string }).subscriptionId === id);

    const chargeDay = day(new Date(new Date(`${firstDelivery}T00:00:00Z`).getTime() - 2 * DAY_MS));
    goTo(chargeDay);
    await scheduler().runOnce();
    await waitFor(() => failures().length === 1, { what: 'first decline', timeoutMs: 30_000 });
    sys.advance(6 * 3_600_000 + 60_000);
    await scheduler().runOnce();
    await waitFor(() => failures().length === 2, { what: 'second decline', timeoutMs: 30_000 });
    sys.advance(24 * 3_600_000 + 60_000);
    await scheduler().runOnce();
    await waitFor(async () => (await view(id, token)).status === 'SUSPENDED', {
      what: 'suspended',
      timeoutMs: 30_000,
    });
    await waitFor(() => failures().length === 3, { what: 'third decline announced' });
    expect(failures().map((f) => (f.payload as { reason: string }).reason)).toEqual([
      'PAYMENT_DECLINED',
      'PAYMENT_DECLINED',
      'PAYMENT_DECLINED',
    ]);
    expect((await view(id, owner.token)).status).toBe('SUSPENDED');
    await waitFor(
      async () => {
        const inbox = await sys.call(
          graphql(`
            query SubscriptionsNotices {
              notices(first: 20) {
                nodes {
                  kind
                }
              }
            }
          `),
          {},
          owner.token,
        );
        return inbox.data?.notices.nodes.some((n) => n.kind === 'SUBSCRIPTION_UPDATE');
      },
      { what: 'seller notice' },
    );

    // A new card (the issuer stops declining) resumes it and charges the failed delivery.
    await fetch(`${pg.url}/__emulator/scenarios/${rule.id}`, { method: 'DELETE' });
    const changed = await sys.call(
      CHANGE_CARD,
      { id, card: { number: '5105105105105100', expiryYear: 2034, expiryMonth: 6 } },
      token,
    );
    expect(changed.data?.changeSubscriptionCard).toMatchObject({
      status: 'ACTIVE',
      cardLast4: '5100',
    });
    await scheduler().runOnce();
    const cycle = await orderOf(id, token, 1, 'CONFIRMED');
    expect(cycle.deliveryDate).toBe(firstDelivery);
  }, 150_000);
});
