import {
  inventoryLow,
  orderFailed,
  orderNewOrder,
  orderPlaced,
  orderShipping,
  productRestocked,
  sellerApplied,
  storeOpened,
  userRegistered,
} from '@bloom/schema';
import { adminCaller, waitFor } from '@bloom/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { graphql } from './generated/index.js';
import {
  type NotificationsHarness,
  setPhone,
  startNotifications,
} from './notifications.harness.js';

let h: NotificationsHarness;
beforeAll(async () => {
  h = await startNotifications('delivery');
});
afterAll(async () => h.close());
beforeEach(() => {
  h.sms.reset();
  h.live.length = 0;
});

// 03:00Z = 12:00 KST (daytime); 13:00Z = 22:00 KST (quiet hours).
const NOON_KST = new Date('2026-05-01T03:00:00Z');
const TEN_PM_KST = new Date('2026-05-01T13:00:00Z');
const EIGHT_AM_KST_NEXT = new Date('2026-05-01T23:00:00Z');

const NOTICE_COUNT = graphql(`
  query NoticeCount {
    notices {
      totalCount
    }
  }
`);

const restock = (subscriberIds: string[]) =>
  h.event(productRestocked, {
    productId: 'p1',
    storeId: 's1',
    subscriberIds,
    availableQuantity: 5,
  });

describe('exactly once per (event, recipient, channel)', () => {
  it('many concurrent redeliveries of one event give one notice, one SMS and one live push per recipient', async () => {
    h.setNow(NOON_KST);
    await setPhone(h, 'u-c1', '010-1111-2222');
    await setPhone(h, 'u-c2', '010-3333-4444');
    const event = restock(['u-c1', 'u-c2']);
    await Promise.all(Array.from({ length: 12 }, () => h.server.consumer.handle(event)));

    expect(h.sms.messages.map((m) => m.to).sort()).toEqual(['010-1111-2222', '010-3333-4444']);
    const notices = h.live.filter((m) => m.subject === 'live.notice');
    expect(notices.map((m) => (m.data.recipient as { userId: string }).userId).sort()).toEqual([
      'u-c1',
      'u-c2',
    ]);
    await waitFor(() => h.live.some((m) => m.subject === 'live.restock'));
    expect(h.live.filter((m) => m.subject === 'live.restock')).toHaveLength(1);
    const inbox = await h.call(NOTICE_COUNT, {}, { userId: 'u-c1' });
    expect(inbox.data?.notices.totalCount).toBe(1);
  });

  it('an event redelivered through JetStream is handled once', async () => {
    h.setNow(NOON_KST);
    await setPhone(h, 'u-js', '010-5555-6666');
    const event = restock(['u-js']);
    await h.server.bus.publish(event);
    // Bypass the server-side dedupe: the same envelope under another msgID.
    await (
      h.server.bus as unknown as { js: { publish(s: string, d: string): Promise<unknown> } }
    ).js.publish(h.server.bus.subject(event.type), JSON.stringify(event));
    await waitFor(() => h.sms.messages.length >= 1);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(h.sms.messages).toHaveLength(1);
    const inbox = await h.call(NOTICE_COUNT, {}, { userId: 'u-js' });
    expect(inbox.data?.notices.totalCount).toBe(1);
  });
});

describe('SMS settings', () => {
  it('survive identity events about the same person handled at the same time', async () => {
    const registered = () =>
      h.event(userRegistered, {
        userId: 'u-race',
        email: 'race@bloom.test',
        name: 'Race',
        roles: ['CUSTOMER'],
        asSeller: false,
      });
    await Promise.all([
      setPhone(h, 'u-race', '010-4444-5555'),
      ...Array.from({ length: 10 }, () => h.server.consumer.handle(registered())),
    ]);
    const res = await h.call(
      graphql(`
        query SmsPhone {
          notificationSettings {
            smsPhone
          }
        }
      `),
      {},
      { userId: 'u-race' },
    );
    expect(res.data?.notificationSettings.smsPhone).toBe('010-4444-5555');
  });
});

describe('quiet hours (21:00–08:00 KST)', () => {
  it('defers a restock SMS to 08:00 KST; the sweeper sends it then, once', async () => {
    h.setNow(TEN_PM_KST);
    await setPhone(h, 'u-night', '010-7777-8888');
    await h.server.consumer.handle(restock(['u-night']));
    expect(h.sms.messages).toHaveLength(0);
    expect(await h.server.sender.sweep()).toBe(0);

    h.setNow(new Date(EIGHT_AM_KST_NEXT.getTime() - 1000));
    expect(await h.server.sender.sweep()).toBe(0);
    h.setNow(EIGHT_AM_KST_NEXT);
    await Promise.all([h.server.sender.sweep(), h.server.sender.sweep()]);
    expect(h.sms.messages).toMatchObject([{ to: '010-7777-8888' }]);
    expect(await h.server.sender.sweep()).toBe(0);
    expect(h.sms.messages).toHaveLength(1);
  });

  it('sends "delivery started" at night at once (urgent)', async () => {
    h.setNow(TEN_PM_KST);
    await setPhone(h, 'u-ship', '010-1234-1111');
    await h.server.consumer.handle(
      h.event(orderShipping, {
        orderId: 'o-ship',
        orderNumber: 'B-0100',
        storeId: 's-x',
        customerId: 'u-ship',
        sellerId: 'u-seller-x',
        trackingNumber: 'T-1',
      }),
    );
    expect(h.sms.messages).toMatchObject([{ to: '010-1234-1111' }]);
    expect(h.live.find((m) => m.subject === 'live.orderStatus')?.data).toMatchObject({
      orderId: 'o-ship',
      status: 'SHIPPING',
      customerId: 'u-ship',
      sellerUserId: 'u-seller-x',
    });
  });

  it('sends an urgent order result at night at once', async () => {
    h.setNow(TEN_PM_KST);
    await setPhone(h, 'u-order', '010-1234-0000');
    await h.server.consumer.handle(
      h.event(orderFailed, {
        orderId: 'o-1',
        storeId: 's-x',
        reason: 'PAYMENT_DECLINED',
        customerId: 'u-order',
      }),
    );
    expect(h.sms.messages).toHaveLength(1);
    expect(h.sms.messages[0]?.text).toContain('결제가 거절돼서');
    // A decline takes nothing, and the notice says so (the order page says the same).
    expect(h.sms.messages[0]?.text).toContain('결제되지 않았어요');
  });
});

describe('provider failures', () => {
  it('retries an SMS the provider could not take, from the sweeper', async () => {
    h.setNow(NOON_KST);
    await setPhone(h, 'u-retry', '010-9999-0000');
    await h.sms.close();
    await h.server.consumer.handle(restock(['u-retry']));
    // The emulator is back on the same port.
    const restarted = await (
      await import('@bloom/sms-emulator')
    ).startSmsEmulator({
      port: h.sms.port,
      host: '127.0.0.1',
      apiKey: 'test-sms-key-1234',
      print: () => undefined,
    });
    try {
      h.setNow(new Date(NOON_KST.getTime() + 60_000));
      expect(await h.server.sender.sweep()).toBe(1);
      expect(restarted.messages).toHaveLength(1);
    } finally {
      await restarted.close();
      h.sms = await (
        await import('@bloom/sms-emulator')
      ).startSmsEmulator({
        port: h.sms.port,
        host: '127.0.0.1',
        apiKey: 'test-sms-key-1234',
        print: () => undefined,
      });
    }
  });
});

describe('recipients', () => {
  it('a new order goes to the store’s seller (from stores.store.opened); low stock too', async () => {
    h.setNow(NOON_KST);
    await h.server.consumer.handle(
      h.event(storeOpened, {
        storeId: 's-spring',
        sellerId: 'u-seller',
        name: '봄날 꽃집',
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
        pickup: { enabled: true, slotCapacity: 3 },
      }),
    );
    await h.server.consumer.handle(
      h.event(orderPlaced, {
        orderId: 'o-77',
        storeId: 's-spring',
        customerId: 'u-buyer',
        lines: [{ productId: 'p1', quantity: 1, flowers: [{ flowerId: 1, count: 3 }] }],
        fulfilment: { type: 'DELIVERY' },
        subtotal: 45000,
        placedAt: NOON_KST.toISOString(),
      }),
    );
    // The seller's notice comes with the confirmed order; sellerId unknown → the projection.
    await h.server.consumer.handle(
      h.event(orderNewOrder, {
        orderId: 'o-77',
        orderNumber: 'B-0077',
        storeId: 's-spring',
        customerId: 'u-buyer',
        sellerId: null,
        fulfilment: 'DELIVERY',
        total: 48000,
      }),
    );
    // Later, so the inbox order (newest first) is fixed.
    h.setNow(new Date(NOON_KST.getTime() + 1000));
    await h.server.consumer.handle(
      h.event(inventoryLow, {
        storeId: 's-spring',
        sellerId: 'u-seller',
        flowerId: 2,
        available: 3,
        threshold: 10,
        windowStart: NOON_KST.toISOString(),
      }),
    );
    const seller = await h.call(
      graphql(`
        query NoticeSubjects {
          notices {
            nodes {
              kind
              order {
                id
              }
              store {
                id
              }
            }
          }
        }
      `),
      {},
      { userId: 'u-seller', roles: ['SELLER'] },
    );
    expect(seller.data?.notices.nodes).toEqual([
      { kind: 'STOCK_LOW', order: null, store: { id: 's-spring' } },
      { kind: 'NEW_ORDER', order: { id: 'o-77' }, store: { id: 's-spring' } },
    ]);
    const buyer = await h.call(NOTICE_COUNT, {}, { userId: 'u-buyer' });
    expect(buyer.data?.notices.totalCount).toBe(0);
    expect(h.live.filter((m) => m.subject === 'live.orderStatus')).toMatchObject([
      {
        data: {
          orderId: 'o-77',
          status: 'PLACED',
          customerId: 'u-buyer',
          sellerUserId: 'u-seller',
        },
      },
    ]);

    // The change the live push points to: visible to the order's parties and admins only.
    const changeId = h.live.find((m) => m.subject === 'live.orderStatus')?.data.changeId;
    if (typeof changeId !== 'string') throw new Error(`no changeId in ${JSON.stringify(h.live)}`);
    const CHANGE = graphql(`
      query OrderStatusChangeSeen($id: ID!) {
        orderStatusChange(id: $id) {
          orderId
          status
          order {
            id
          }
        }
      }
    `);
    for (const caller of [
      { userId: 'u-buyer' },
      { userId: 'u-seller', roles: ['SELLER' as const] },
      { userId: 'u-admin', roles: ['ADMIN' as const] },
    ]) {
      const seen = await h.call(CHANGE, { id: changeId }, caller);
      expect(seen.data?.orderStatusChange).toEqual({
        orderId: 'o-77',
        status: 'PLACED',
        order: { id: 'o-77' },
      });
    }
    const stranger = await h.call(CHANGE, { id: changeId }, { userId: 'u-stranger' });
    expect(stranger.data?.orderStatusChange).toBeNull();
  });

  it('admin notices are addressed to the ADMINS audience: every admin sees them, nobody else', async () => {
    await h.server.consumer.handle(
      h.event(sellerApplied, {
        userId: 'u-applicant',
        email: 'a@bloom.test',
        name: 'A',
        businessName: '가게',
        resubmission: false,
      }),
    );
    for (const admin of ['u-admin1', 'u-admin2']) {
      const res = await h.call(
        graphql(`
          query AdminNotices {
            notices(first: 5) {
              nodes {
                kind
                forAdmins
              }
            }
          }
        `),
        {},
        adminCaller(admin),
      );
      expect(res.data?.notices.nodes).toContainEqual({
        kind: 'SELLER_APPLICATION',
        forAdmins: true,
      });
    }
    const applicant = await h.call(NOTICE_COUNT, {}, { userId: 'u-applicant' });
    expect(applicant.data?.notices.totalCount).toBe(0);
  });
});
