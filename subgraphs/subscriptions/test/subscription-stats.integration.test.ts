import { adminCaller, dataOf, waitFor } from '@bloom/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './generated/index.js';
import {
  CANCEL,
  CUSTOMER,
  DECLINING_CARD,
  SELLER,
  type SubscriptionsHarness,
  startSubscriptions,
} from './subscriptions.harness.js';

const PRODUCT = 'product-stats';
let h: SubscriptionsHarness;

beforeAll(async () => {
  h = await startSubscriptions('subscription-stats', '2027-07-01T03:00:00Z');
  await h.seedStore('store-stats', 'seller-1', PRODUCT, 30_000);
});
afterAll(async () => {
  await h?.close();
});

const STATS = graphql(`
  query PlatformSubscriptionStatsOf($days: Int!) {
    platformSubscriptionStats(days: $days) {
      started
      suspended
      canceled
    }
  }
`);

const stats = async (days: number) =>
  dataOf(await h.call(STATS, { days }, adminCaller())).platformSubscriptionStats;

describe('platformSubscriptionStats', () => {
  it('counts subscriptions started, suspended and canceled within the last N Seoul days', async () => {
    await h.subscribed(PRODUCT, { cycle: 'WEEKLY', firstDeliveryDate: '2027-07-10' });
    const canceled = await h.subscribed(PRODUCT, {
      cycle: 'WEEKLY',
      firstDeliveryDate: '2027-07-10',
    });
    const cancel = await h.call(CANCEL, { id: canceled.id }, CUSTOMER);
    expect(cancel.data?.cancelSubscription.__typename).toBe('FlowerSubscription');
    const declined = await h.subscribed(PRODUCT, {
      cycle: 'WEEKLY',
      firstDeliveryDate: '2027-07-10',
      card: DECLINING_CARD,
    });
    // A failure the evening before delivery is final: the subscription is suspended.
    h.setNow('2027-07-09T10:00:00Z');
    await h.server.scheduler.runOnce();
    await waitFor(async () => (await h.read(declined.id)).status === 'SUSPENDED', {
      what: 'suspended',
    });

    expect(await stats(30)).toEqual({ started: 3, suspended: 1, canceled: 1 });
    // 2027-07-09 in Seoul: one day back covers only the suspension; nine days cover everything.
    expect(await stats(1)).toEqual({ started: 0, suspended: 1, canceled: 0 });
    expect(await stats(9)).toEqual({ started: 3, suspended: 1, canceled: 1 });
    h.setNow('2027-09-01T03:00:00Z');
    expect(await stats(30)).toEqual({ started: 0, suspended: 0, canceled: 0 });
  });

  it('refuses a period outside 1–366 days, and callers who are not admins', async () => {
    for (const days of [0, 367]) {
      const res = await h.call(STATS, { days }, adminCaller());
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.message).toContain('1 to 366');
    }
    for (const caller of [CUSTOMER, SELLER]) {
      const res = await h.call(STATS, { days: 30 }, caller);
      expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });
});
