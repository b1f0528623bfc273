import {
  orderConfirmed,
  orderFailed,
  orderNewOrder,
  orderPlaced,
  productCreated,
  storeOpened,
} from '@bloom/schema';
import { adminCaller, customerCaller, dataOf, sellerCaller, waitFor } from '@bloom/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './generated/index.js';
import {
  type NotificationsHarness,
  setPhone,
  startNotifications,
} from './notifications.harness.js';

let h: NotificationsHarness;
beforeAll(async () => {
  h = await startNotifications('order-notices');
});
afterAll(async () => h.close());

// 03:00Z = 12:00 KST: daytime, so SMS go out at once.
const NOON_KST = new Date('2026-05-01T03:00:00Z');

const ORDER_NOTICES = graphql(`
  query OrderNoticesOf($id: ID!) {
    orderNotices(orderId: $id) {
      id
      kind
      recipientRole
      recipientId
      channels
      deliveries {
        channel
        status
      }
      title
      sentAt
      read
    }
  }
`);

const READ_NOTICE = graphql(`
  mutation ReadOrderNotice($id: ID!) {
    markNoticeRead(id: $id) {
      __typename
    }
  }
`);

async function placeAndConfirm(orderId: string, customerId: string) {
  await h.server.consumer.handle(
    h.event(orderPlaced, {
      orderId,
      storeId: 's-admin',
      customerId,
      lines: [{ productId: 'p1', quantity: 1, flowers: [{ flowerId: 1, count: 3 }] }],
      fulfilment: { type: 'DELIVERY' },
      subtotal: 45000,
      placedAt: NOON_KST.toISOString(),
    }),
  );
  await h.server.consumer.handle(
    h.event(orderConfirmed, { orderId, storeId: 's-admin', customerId }),
  );
  h.setNow(new Date(h.now().getTime() + 1000));
  await h.server.consumer.handle(
    h.event(orderNewOrder, {
      orderId,
      orderNumber: `B-${orderId}`,
      storeId: 's-admin',
      customerId,
      sellerId: null,
      fulfilment: 'DELIVERY',
      total: 48000,
    }),
  );
}

describe('orderNotices', () => {
  it('lists the notices sent about one order, oldest first, with recipient, channels and read state', async () => {
    h.setNow(NOON_KST);
    await h.server.consumer.handle(
      h.event(storeOpened, {
        storeId: 's-admin',
        sellerId: 'u-admin-seller',
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
        pickup: { enabled: false, slotCapacity: 3 },
      }),
    );
    await setPhone(h, 'u-admin-buyer', '010-2468-1357');
    await placeAndConfirm('o-admin-1', 'u-admin-buyer');
    await placeAndConfirm('o-admin-2', 'u-other-buyer');
    await h.server.sender.sweep();
    await waitFor(
      async () =>
        (await h.db
          .collection('sms_messages')
          .countDocuments({ to: '010-2468-1357', status: 'SENT' })) === 1,
      { what: 'the SMS sent' },
    );

    const before = dataOf(await h.call(ORDER_NOTICES, { id: 'o-admin-1' }, adminCaller()));
    expect(
      before.orderNotices.map((n) => [n.kind, n.recipientRole, n.recipientId, n.channels, n.read]),
    ).toEqual([
      ['ORDER_CONFIRMED', 'CUSTOMER', 'u-admin-buyer', ['IN_APP', 'SMS'], false],
      ['NEW_ORDER', 'SELLER', 'u-admin-seller', ['IN_APP'], false],
    ]);
    expect(before.orderNotices[0]?.deliveries).toEqual([
      { channel: 'IN_APP', status: 'SENT' },
      { channel: 'SMS', status: 'SENT' },
    ]);

    const customerNotice = before.orderNotices[0]?.id ?? '';
    const read = await h.call(READ_NOTICE, { id: customerNotice }, customerCaller('u-admin-buyer'));
    expect(read.data?.markNoticeRead.__typename).toBe('Notice');
    const after = dataOf(await h.call(ORDER_NOTICES, { id: 'o-admin-1' }, adminCaller()));
    expect(after.orderNotices.map((n) => n.read)).toEqual([true, false]);

    const none = dataOf(await h.call(ORDER_NOTICES, { id: 'o-unknown' }, adminCaller()));
    expect(none.orderNotices).toEqual([]);
  });

  it('refuses customers and sellers', async () => {
    for (const caller of [customerCaller('u-admin-buyer'), sellerCaller('u-admin-seller')]) {
      const res = await h.call(ORDER_NOTICES, { id: 'o-admin-1' }, caller);
      expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });
});

describe('what order notices name', () => {
  const product = (productId: string, name: string) =>
    h.event(productCreated, {
      productId,
      storeId: 's-names',
      name,
      price: 45000,
      status: 'ON_SALE',
      isSubscription: false,
      category: 'BOUQUET',
      tags: [],
      recipe: [{ flowerId: 1, count: 3, representative: true }],
      representativeFlowerId: 1,
      updatedAt: NOON_KST.toISOString(),
    });
  const bodyOf = async (orderId: string, userId: string) =>
    (
      await h.db
        .collection<{ body: string }>('notices')
        .findOne({ orderId, recipient: `user:${userId}` })
    )?.body;

  it('the product, store, order number and pickup time come from the projections', async () => {
    h.setNow(NOON_KST);
    await h.server.consumer.handle(product('p-rose', '장미 꽃다발'));
    await h.server.consumer.handle(product('p-vase', '유리 화병'));
    await h.server.consumer.handle(
      h.event(storeOpened, {
        storeId: 's-names',
        sellerId: 'u-names-seller',
        name: '꽃길 플라워',
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
    const place = (orderId: string, orderNumber: string) =>
      h.server.consumer.handle(
        h.event(orderPlaced, {
          orderId,
          orderNumber,
          storeId: 's-names',
          customerId: 'u-names-buyer',
          lines: [
            { productId: 'p-rose', quantity: 1, flowers: [{ flowerId: 1, count: 3 }] },
            { productId: 'p-vase', quantity: 1, flowers: [{ flowerId: 18, count: 1 }] },
          ],
          // 05:00Z = 14:00 KST
          fulfilment: { type: 'PICKUP', slotStart: '2026-05-02T05:00:00.000Z' },
          subtotal: 60000,
          placedAt: NOON_KST.toISOString(),
        }),
      );
    await place('o-names-1', '20260501-38E70B5C');
    await h.server.consumer.handle(
      h.event(orderConfirmed, { orderId: 'o-names-1', storeId: 's-names' }),
    );
    expect(await bodyOf('o-names-1', 'u-names-buyer')).toBe(
      '꽃길 플라워에서 장미 꽃다발 외 1건을 준비할게요. 5월 2일(토) 오후 2시에 찾아가세요. (주문번호 20260501-38E70B5C)',
    );

    await place('o-names-2', '20260501-0000001L');
    await h.server.consumer.handle(
      h.event(orderFailed, { orderId: 'o-names-2', storeId: 's-names', reason: 'OUT_OF_STOCK' }),
    );
    expect(await bodyOf('o-names-2', 'u-names-buyer')).toBe(
      '꽃 재고가 부족해서 꽃길 플라워의 장미 꽃다발 외 1건 주문을 완료하지 못했어요. 결제되지 않았어요. (주문번호 20260501-0000001L)',
    );
  });
});
