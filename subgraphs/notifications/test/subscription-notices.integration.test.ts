import { subscriptionChargeFailed, subscriptionCharged } from '@bloom/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type NotificationsHarness, startNotifications } from './notifications.harness.js';

let h: NotificationsHarness;
beforeAll(async () => {
  h = await startNotifications('subscription-notices');
});
afterAll(async () => h.close());

const customer = { userId: 'u-subscriber', roles: ['CUSTOMER' as const] };
const parties = {
  subscriptionId: 'sub-1',
  customerId: customer.userId,
  storeId: 's-1',
  sellerId: 'seller-1',
};
const inbox = async () =>
  (await h.call(`{ notices(first: 10) { nodes { kind title body } } }`, {}, customer)).data?.notices
    .nodes as { kind: string; title: string; body: string }[];

describe('subscription notices', () => {
  it('tells the customer about a charge, a failed charge and a suspension, once each', async () => {
    const charged = h.event(subscriptionCharged, {
      ...parties,
      cycle: 1,
      orderId: 'o-1',
      amount: 25_000,
      deliveryDate: '2026-05-10',
    });
    await h.server.consumer.handle(charged);
    await h.server.consumer.handle(charged);
    await h.server.consumer.handle(
      h.event(subscriptionChargeFailed, {
        ...parties,
        cycle: 2,
        attempt: 1,
        orderId: 'o-2',
        reason: 'PAYMENT_DECLINED',
        retryAt: '2026-05-15T06:00:00.000Z',
      }),
    );
    await h.server.consumer.handle(
      h.event(subscriptionChargeFailed, {
        ...parties,
        cycle: 2,
        attempt: 3,
        orderId: 'o-3',
        reason: 'PAYMENT_DECLINED',
        retryAt: null,
      }),
    );
    const notices = await inbox();
    expect(notices.map((n) => n.kind).sort()).toEqual([
      'SUBSCRIPTION_CHARGED',
      'SUBSCRIPTION_FAILED',
      'SUBSCRIPTION_FAILED',
    ]);
    expect(notices.find((n) => n.kind === 'SUBSCRIPTION_CHARGED')?.body).toContain('25,000원');
    expect(notices.map((n) => n.title)).toContain('정기구독이 일시 중지되었습니다');
  });
});
