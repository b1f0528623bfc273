import {
  storeOpened,
  subscriptionCanceled,
  subscriptionChargeFailed,
  subscriptionCharged,
  subscriptionCreated,
  subscriptionCycleMissed,
  subscriptionSkipped,
  subscriptionSuspended,
} from '@bloom/schema';
import type { EventEnvelope } from '@bloom/kernel';
import { dataOf, sellerCaller, waitFor } from '@bloom/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { graphql } from './generated/index.js';
import {
  type NotificationsHarness,
  setPhone,
  startNotifications,
} from './notifications.harness.js';

let h: NotificationsHarness;
beforeAll(async () => {
  h = await startNotifications('subscription-notices');
});
afterAll(async () => h.close());
beforeEach(() => {
  h.sms.reset();
  h.setNow(NOON_KST);
});

// 03:00Z = 12:00 KST (daytime); 13:00Z = 22:00 KST (quiet hours).
const NOON_KST = new Date('2026-05-01T03:00:00Z');
const TEN_PM_KST = new Date('2026-05-01T13:00:00Z');
const EIGHT_AM_KST_NEXT = new Date('2026-05-01T23:00:00Z');

const INBOX = graphql(`
  query Inbox {
    notices(first: 50) {
      nodes {
        kind
        title
        body
        order {
          id
        }
        store {
          id
        }
        product {
          id
        }
      }
    }
  }
`);

/** Every notice of one person, newest first. */
async function inboxOf(userId: string) {
  const res = await h.call(INBOX, {}, sellerCaller(userId));
  expect(res.errors).toBeUndefined();
  return dataOf(res).notices.nodes;
}

interface Parties<S extends string | null> {
  subscriptionId: string;
  customerId: string;
  storeId: string;
  sellerId: S;
}

/** A subscription's parties; each test uses its own customer and seller (or none: `null`). */
function partiesOf(name: string): Parties<string>;
function partiesOf(name: string, sellerId: null): Parties<null>;
function partiesOf(name: string, sellerId: string | null = `u-seller-${name}`) {
  return {
    subscriptionId: `sub-${name}`,
    customerId: `u-customer-${name}`,
    storeId: `s-${name}`,
    sellerId,
  };
}

/** Handles each event twice, as a redelivery would. */
async function handleTwice(...events: EventEnvelope[]) {
  for (const event of events) {
    await h.server.consumer.handle(event);
    await h.server.consumer.handle(event);
  }
}

describe('subscription notices to the customer', () => {
  it('a charge is told to the customer once, even when the event comes twice', async () => {
    const p = partiesOf('charged');
    await handleTwice(
      h.event(subscriptionCharged, {
        ...p,
        cycle: 1,
        orderId: 'o-charged-1',
        amount: 25_000,
        deliveryDate: '2026-05-10',
      }),
    );
    const notices = await inboxOf(p.customerId);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({
      kind: 'SUBSCRIPTION_CHARGED',
      order: { id: 'o-charged-1' },
      store: { id: p.storeId },
    });
    expect(notices[0]?.body).toContain('25,000원');
    expect(await inboxOf(p.sellerId)).toEqual([]);
  });

  it('a failed attempt with a retry left: one notice, card wording for payment reasons, order wording for the others', async () => {
    const p = partiesOf('retry');
    const failed = (attempt: number, reason: string) =>
      h.event(subscriptionChargeFailed, {
        ...p,
        cycle: 1,
        attempt,
        orderId: `o-retry-${attempt}`,
        reason,
        // 06:00Z = 15:00 KST
        retryAt: '2026-05-15T06:00:00.000Z',
      });
    const reasons = [
      'PAYMENT_DECLINED',
      'PAYMENT_FAILED',
      'OUT_OF_STOCK',
      'STORE_NOT_OPEN',
      'RESERVATION_TIMEOUT',
      'PAYMENT_TIMEOUT',
      'STORE_NOT_FOUND',
    ];
    for (const [i, reason] of reasons.entries()) {
      h.setNow(new Date(NOON_KST.getTime() + i * 1000));
      await handleTwice(failed(i + 1, reason));
    }
    // Newest first: reverse to the order they were sent.
    const notices = (await inboxOf(p.customerId)).reverse();
    expect(notices.map((n) => n.kind)).toEqual(reasons.map(() => 'SUBSCRIPTION_RETRYING'));
    expect(notices.map((n) => n.order?.id)).toEqual(reasons.map((_, i) => `o-retry-${i + 1}`));
    expect(notices.every((n) => n.store?.id === p.storeId)).toBe(true);
    expect(notices.map((n) => n.title)).toEqual([
      '정기구독 결제 실패',
      '정기구독 결제 실패',
      '정기구독 주문 처리 실패',
      '정기구독 주문 처리 실패',
      '정기구독 주문 처리 실패',
      '정기구독 주문 처리 실패',
      '정기구독 주문 처리 실패',
    ]);
    const [declined, paymentFailed, outOfStock, notOpen, reservation, paymentTimeout, notFound] =
      notices.map((n) => n.body);
    expect(declined).toContain('결제가 거절돼서 등록된 카드로 정기구독을 결제하지 못했어요');
    expect(paymentFailed).toContain('결제를 완료하지 못해');
    expect(outOfStock).toContain(
      '꽃 재고가 부족해서 이번 회차 정기구독 주문을 처리하지 못했어요. 결제되지 않았어요.',
    );
    expect(notOpen).toContain('매장이 지금 주문을 받지 않아서');
    expect(reservation).toContain('매장이 제시간에 응답하지 않아서');
    expect(paymentTimeout).toContain('결제 응답이 늦어져서');
    expect(notFound).toContain('매장 정보를 찾을 수 없어');
    // The retry time in Seoul.
    expect(declined).toContain('5월 15일(금) 오후 3시에 다시 시도할게요');
    // Every reason is a known one: none falls back to the generic wording.
    expect(notices.some((n) => n.body.includes('처리 중 문제가 생겨'))).toBe(false);
    expect(await inboxOf(p.sellerId)).toEqual([]);
  });

  it('the last failed attempt (retryAt null) gives no notice: the suspension that follows is the customer’s one notice and reaches the seller', async () => {
    const p = partiesOf('suspended');
    await handleTwice(
      h.event(subscriptionChargeFailed, {
        ...p,
        cycle: 3,
        attempt: 3,
        orderId: 'o-suspended-3',
        reason: 'PAYMENT_DECLINED',
        retryAt: null,
      }),
    );
    expect(await inboxOf(p.customerId)).toEqual([]);

    await handleTwice(
      h.event(subscriptionSuspended, { ...p, cycle: 3, reason: 'PAYMENT_DECLINED' }),
    );
    const customer = await inboxOf(p.customerId);
    expect(customer).toHaveLength(1);
    expect(customer[0]).toMatchObject({
      kind: 'SUBSCRIPTION_FAILED',
      title: '정기구독이 일시 중지됐어요',
      store: { id: p.storeId },
    });
    expect(customer[0]?.body).toContain('모든 시도에서 거절돼서');
    expect(customer[0]?.body).toContain('카드를 변경하면');
    const seller = await inboxOf(p.sellerId);
    expect(seller).toHaveLength(1);
    expect(seller[0]).toMatchObject({ kind: 'SUBSCRIPTION_UPDATE', store: { id: p.storeId } });
    expect(seller[0]?.body).toContain('sub-suspended');
  });

  it('a missed cycle: the customer hears why (the order’s reason for ORDER_FAILED) and that nothing was charged; the seller too', async () => {
    const p = partiesOf('missed');
    await handleTwice(
      h.event(subscriptionChargeFailed, {
        ...p,
        cycle: 2,
        attempt: 3,
        orderId: 'o-missed-2',
        reason: 'OUT_OF_STOCK',
        retryAt: null,
      }),
      h.event(subscriptionCycleMissed, {
        ...p,
        cycle: 2,
        deliveryDate: '2026-05-24',
        reason: 'ORDER_FAILED',
        orderReason: 'OUT_OF_STOCK',
      }),
    );
    h.setNow(new Date(NOON_KST.getTime() + 1000));
    await handleTwice(
      h.event(subscriptionCycleMissed, {
        ...p,
        cycle: 3,
        deliveryDate: '2026-05-31',
        reason: 'NOT_PROCESSED_IN_TIME',
      }),
    );
    const customer = await inboxOf(p.customerId);
    expect(customer.map((n) => n.kind)).toEqual(['SUBSCRIPTION_FAILED', 'SUBSCRIPTION_FAILED']);
    expect(customer.every((n) => n.store?.id === p.storeId)).toBe(true);
    const [late, outOfStock] = customer.map((n) => n.body);
    expect(outOfStock).toContain(
      '꽃 재고가 부족해서 5월 24일(일) 정기구독 배송을 보내 드리지 못해요',
    );
    expect(outOfStock).toContain('이번 회차는 결제되지 않았고');
    expect(late).toContain('배송일 전까지 주문을 처리하지 못해서 5월 31일(일)');
    const seller = await inboxOf(p.sellerId);
    expect(seller.map((n) => n.kind)).toEqual(['SUBSCRIPTION_UPDATE', 'SUBSCRIPTION_UPDATE']);
    expect(seller[1]?.body).toContain('5월 24일(일)');
  });

  it('a cancellation reaches the seller always, the customer only when the platform or an admin canceled', async () => {
    const byCustomer = partiesOf('cancel-customer');
    const bySystem = partiesOf('cancel-system');
    const byAdmin = partiesOf('cancel-admin');
    await handleTwice(
      h.event(subscriptionCanceled, {
        ...byCustomer,
        effectiveAfterCycle: 2,
        canceledBy: 'CUSTOMER',
      }),
      h.event(subscriptionCanceled, {
        ...bySystem,
        effectiveAfterCycle: 0,
        canceledBy: 'SYSTEM',
        reason: 'STORE_CLOSED',
      }),
      h.event(subscriptionCanceled, {
        ...byAdmin,
        effectiveAfterCycle: 1,
        canceledBy: 'SYSTEM',
        reason: 'PRODUCT_DELETED',
      }),
      h.event(subscriptionCanceled, {
        ...byAdmin,
        subscriptionId: 'sub-cancel-admin-2',
        effectiveAfterCycle: 0,
        canceledBy: 'ADMIN',
      }),
    );
    expect(await inboxOf(byCustomer.customerId)).toEqual([]);
    const sellerOfCustomerCancel = await inboxOf(byCustomer.sellerId);
    expect(sellerOfCustomerCancel).toHaveLength(1);
    expect(sellerOfCustomerCancel[0]).toMatchObject({
      kind: 'SUBSCRIPTION_UPDATE',
      title: '정기구독 해지',
      store: { id: byCustomer.storeId },
    });
    expect(sellerOfCustomerCancel[0]?.body).toContain('고객 요청');
    expect(sellerOfCustomerCancel[0]?.body).toContain('2회차 배송까지는 보내 드려요');

    const storeClosed = await inboxOf(bySystem.customerId);
    expect(storeClosed).toHaveLength(1);
    expect(storeClosed[0]).toMatchObject({
      kind: 'SUBSCRIPTION_CANCELED',
      store: { id: bySystem.storeId },
    });
    expect(storeClosed[0]?.body).toContain('매장이 영업을 종료해서');
    expect(await inboxOf(bySystem.sellerId)).toMatchObject([{ kind: 'SUBSCRIPTION_UPDATE' }]);

    const adminSide = await inboxOf(byAdmin.customerId);
    expect(adminSide.map((n) => n.kind)).toEqual([
      'SUBSCRIPTION_CANCELED',
      'SUBSCRIPTION_CANCELED',
    ]);
    expect(adminSide.map((n) => n.body).join('\n')).toContain(
      '구독 상품이 더 이상 판매되지 않아서',
    );
    expect(adminSide.map((n) => n.body).join('\n')).toContain('관리자 조치로');
    expect(await inboxOf(byAdmin.sellerId)).toHaveLength(2);
  });
});

describe('subscription notices to the seller', () => {
  it('a new subscriber and a skipped delivery reach the seller only, once each', async () => {
    const p = partiesOf('calendar');
    await handleTwice(
      h.event(subscriptionCreated, {
        ...p,
        productId: 'p-sub',
        quantity: 2,
        cycle: 'BIWEEKLY',
        firstDeliveryDate: '2026-05-12',
      }),
    );
    h.setNow(new Date(NOON_KST.getTime() + 1000));
    await handleTwice(h.event(subscriptionSkipped, { ...p, cycle: 2, deliveryDate: '2026-05-26' }));
    const seller = await inboxOf(p.sellerId);
    expect(seller).toMatchObject([
      { kind: 'SUBSCRIPTION_UPDATE', title: '정기구독 배송 건너뛰기', store: { id: p.storeId } },
      {
        kind: 'SUBSCRIPTION_UPDATE',
        title: '새 정기구독',
        store: { id: p.storeId },
        product: { id: 'p-sub' },
      },
    ]);
    expect(seller[1]?.body).toContain('격주 2개, 첫 배송일 5월 12일(화)');
    expect(seller[0]?.body).toContain('5월 26일(화)');
    expect(await inboxOf(p.customerId)).toEqual([]);
  });

  it('without a sellerId the store owner from stores.store.opened is notified', async () => {
    const p = partiesOf('owner', null);
    await h.server.consumer.handle(
      h.event(storeOpened, {
        storeId: p.storeId,
        sellerId: 'u-owner-of-store',
        name: '사계절 꽃집',
        status: 'OPEN',
        regionCode: '11',
        districtCode: '11680',
        latitude: 37.5,
        longitude: 127.0,
        deliveryPolicy: {
          fee: 3000,
          freeDeliveryThreshold: null,
          sameDayCutoff: '14:00',
          windows: [],
        },
        pickup: { enabled: false, slotCapacity: 1 },
      }),
    );
    await handleTwice(
      h.event(subscriptionCreated, {
        ...p,
        productId: 'p-owner',
        quantity: 1,
        cycle: 'MONTHLY',
        firstDeliveryDate: '2026-06-01',
      }),
      h.event(subscriptionSuspended, { ...p, cycle: 1, reason: 'PAYMENT_DECLINED' }),
    );
    const owner = await inboxOf('u-owner-of-store');
    expect(owner.map((n) => n.kind)).toEqual(['SUBSCRIPTION_UPDATE', 'SUBSCRIPTION_UPDATE']);
    expect(owner.map((n) => n.body).join('\n')).toContain('매월 1개');
    expect(await inboxOf(p.customerId)).toMatchObject([{ kind: 'SUBSCRIPTION_FAILED' }]);
  });

  it('a missed cycle published twice through JetStream gives one notice per recipient', async () => {
    const p = partiesOf('jetstream');
    const event = h.event(subscriptionCycleMissed, {
      ...p,
      cycle: 4,
      deliveryDate: '2026-06-07',
      reason: 'STORE_UNAVAILABLE',
    });
    await h.server.bus.publish(event);
    await h.server.bus.publish(event);
    // Bypass the server-side dedupe: the same envelope under another msgID.
    await (
      h.server.bus as unknown as { js: { publish(s: string, d: string): Promise<unknown> } }
    ).js.publish(h.server.bus.subject(event.type), JSON.stringify(event));
    await waitFor(async () => (await inboxOf(p.sellerId)).length >= 1);
    await waitFor(async () => (await inboxOf(p.customerId)).length >= 1);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await inboxOf(p.customerId)).toMatchObject([
      { kind: 'SUBSCRIPTION_FAILED', store: { id: p.storeId } },
    ]);
    expect(await inboxOf(p.sellerId)).toMatchObject([
      { kind: 'SUBSCRIPTION_UPDATE', store: { id: p.storeId } },
    ]);
  });
});

describe('subscription SMS', () => {
  it('the cycle’s outcome and a platform cancellation are texted to the customer; retries and seller news are not', async () => {
    const p = partiesOf('sms');
    await setPhone(h, p.customerId, '010-2000-0001');
    await setPhone(h, p.sellerId, '010-2000-0002');
    await handleTwice(
      h.event(subscriptionCreated, {
        ...p,
        productId: 'p-sms',
        quantity: 1,
        cycle: 'WEEKLY',
        firstDeliveryDate: '2026-05-05',
      }),
      h.event(subscriptionCharged, {
        ...p,
        cycle: 1,
        orderId: 'o-sms-1',
        amount: 30_000,
        deliveryDate: '2026-05-05',
      }),
      h.event(subscriptionChargeFailed, {
        ...p,
        cycle: 2,
        attempt: 1,
        orderId: 'o-sms-2',
        reason: 'OUT_OF_STOCK',
        retryAt: '2026-05-08T09:00:00.000Z',
      }),
    );
    expect(h.sms.messages).toEqual([]);

    await handleTwice(
      h.event(subscriptionCycleMissed, {
        ...p,
        cycle: 2,
        deliveryDate: '2026-05-12',
        reason: 'PRODUCT_UNAVAILABLE',
      }),
      h.event(subscriptionCanceled, {
        ...p,
        effectiveAfterCycle: 1,
        canceledBy: 'SYSTEM',
        reason: 'PRODUCT_DELETED',
      }),
    );
    expect(h.sms.messages.map((m) => m.to)).toEqual(['010-2000-0001', '010-2000-0001']);
    expect(h.sms.messages[0]?.text).toContain('5월 12일(화)');
    expect(h.sms.messages[1]?.text).toContain('정기구독이 해지됐어요');
  });

  it('a suspension at night is texted at 08:00 KST, once', async () => {
    const p = partiesOf('sms-night');
    await setPhone(h, p.customerId, '010-2000-0003');
    h.setNow(TEN_PM_KST);
    await handleTwice(
      h.event(subscriptionSuspended, { ...p, cycle: 5, reason: 'PAYMENT_DECLINED' }),
    );
    expect(h.sms.messages).toEqual([]);
    h.setNow(EIGHT_AM_KST_NEXT);
    await Promise.all([h.server.sender.sweep(), h.server.sender.sweep()]);
    expect(h.sms.messages).toMatchObject([{ to: '010-2000-0003' }]);
    expect(h.sms.messages[0]?.text).toContain('정기구독이 일시 중지됐어요');
    expect(await h.server.sender.sweep()).toBe(0);
    expect(h.sms.messages).toHaveLength(1);
  });
});
