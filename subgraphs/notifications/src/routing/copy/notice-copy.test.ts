import { describe, expect, it } from 'vitest';
import type { NoticeFacts } from '../route.types.js';
import { IDENTITY_COPY } from './identity.copy.js';
import { ORDERS_COPY } from './orders.copy.js';
import { PRODUCTS_COPY } from './products.copy.js';
import { STORES_COPY } from './stores.copy.js';
import { SUBSCRIPTIONS_COPY } from './subscriptions.copy.js';

// 2026-12-03 is a Thursday; 05:00Z is 14:00 in Seoul.
const PICKUP = '2026-12-03T05:00:00.000Z';
const NUMBER = '20261202-38E70B5C';
const parties = {
  orderId: 'o1',
  orderNumber: NUMBER,
  storeId: 's1',
  customerId: 'c1',
  sellerId: 'u1',
};
const known: NoticeFacts = {
  productName: '장미 꽃다발',
  storeName: '꽃길 플라워',
  order: { number: NUMBER, firstProductName: '장미 꽃다발', lineCount: 2, pickupAt: PICKUP },
};
const single: NoticeFacts = {
  storeName: '꽃길 플라워',
  order: { number: NUMBER, firstProductName: '해바라기 바구니', lineCount: 1 },
};
const unknown: NoticeFacts = {};
const sub = { subscriptionId: 'sub1', customerId: 'c1', storeId: 's1', sellerId: 'u1' };

describe('order notices', () => {
  it('name the items, the store, the order number and the pickup time', () => {
    expect(ORDERS_COPY.confirmed({}, known)).toEqual({
      title: '주문이 확정됐어요',
      body: `꽃길 플라워에서 장미 꽃다발 외 1건을 준비할게요. 12월 3일(목) 오후 2시에 찾아가세요. (주문번호 ${NUMBER})`,
    });
    expect(ORDERS_COPY.confirmed({}, single).body).toBe(
      `꽃길 플라워에서 해바라기 바구니를 준비할게요. (주문번호 ${NUMBER})`,
    );
    expect(ORDERS_COPY.shipping({ ...parties, trackingNumber: '123-456' }, single)).toEqual({
      title: '꽃이 출발했어요',
      body: `꽃길 플라워에서 해바라기 바구니를 보냈어요 (운송장 번호 123-456). (주문번호 ${NUMBER})`,
    });
    expect(ORDERS_COPY.delivered({ ...parties, deliveredAt: PICKUP }, known)).toEqual({
      title: '꽃이 도착했어요',
      body: `꽃길 플라워에서 보낸 장미 꽃다발 외 1건이 12월 3일(목) 오후 2시에 배송됐어요. (주문번호 ${NUMBER})`,
    });
    expect(ORDERS_COPY.readyForPickup({ ...parties, pickupSlotStart: PICKUP }, single)).toEqual({
      title: '픽업 준비가 끝났어요',
      body: `꽃길 플라워에서 해바라기 바구니를 12월 3일(목) 오후 2시에 찾아가시면 돼요. (주문번호 ${NUMBER})`,
    });
  });

  it('tell the seller what was ordered, for when, and the total', () => {
    const order = { ...parties, total: 45000 };
    expect(
      ORDERS_COPY.newOrder({ ...order, fulfilment: 'PICKUP', pickupSlotStart: PICKUP }, known),
    ).toEqual({
      title: '새 주문이 들어왔어요',
      body: `장미 꽃다발 외 1건 · 12월 3일(목) 오후 2시 픽업 · 45,000원 (주문번호 ${NUMBER})`,
    });
    expect(
      ORDERS_COPY.newOrder({ ...order, fulfilment: 'DELIVERY', deliveryDate: '2026-12-04' }, single)
        .body,
    ).toBe(`해바라기 바구니 · 12월 4일(금) 배송 · 45,000원 (주문번호 ${NUMBER})`);
  });

  it('say a failed order charged nothing, unless the payment went unanswered', () => {
    const failed = { orderId: 'o1', storeId: 's1', customerId: 'c1' };
    expect(ORDERS_COPY.failed({ ...failed, reason: 'OUT_OF_STOCK' }, known)).toEqual({
      title: '주문을 완료하지 못했어요',
      body: `꽃 재고가 부족해서 꽃길 플라워의 장미 꽃다발 외 1건 주문을 완료하지 못했어요. 결제되지 않았어요. (주문번호 ${NUMBER})`,
    });
    expect(ORDERS_COPY.failed({ ...failed, reason: 'PAYMENT_DECLINED' }, single).body).toContain(
      '결제가 거절돼서 꽃길 플라워의 해바라기 바구니 주문을 완료하지 못했어요. 결제되지 않았어요.',
    );
    expect(ORDERS_COPY.failed({ ...failed, reason: 'PAYMENT_TIMEOUT' }, single).body).toContain(
      '결제 응답이 늦어져서 꽃길 플라워의 해바라기 바구니 주문을 완료하지 못했어요. 결제가 승인됐다면 결제하신 금액은 자동으로 환불돼요.',
    );
    // Nothing projected and an unknown reason: still a sentence, no code, no "이(가)".
    expect(ORDERS_COPY.failed({ ...failed, reason: 'SOMETHING_NEW' }, unknown).body).toBe(
      '처리 중 문제가 생겨서 주문하신 꽃 주문을 완료하지 못했어요. 결제되지 않았어요.',
    );
  });

  it('choose the particle after the order number by how it is read', () => {
    const canceled = { orderId: 'o1', storeId: 's1', reason: '고객 변심' };
    expect(ORDERS_COPY.canceled({ ...canceled, canceledBy: 'CUSTOMER' }, known)).toEqual({
      title: '주문이 취소됐어요',
      body: `장미 꽃다발 외 1건 주문 ${NUMBER}가 취소됐어요. (고객 요청) 사유: 고객 변심`,
    });
    const endsInL: NoticeFacts = { order: { number: '20261202-38E70B5L' } };
    expect(ORDERS_COPY.canceled(canceled, endsInL).body).toBe(
      '주문하신 꽃 주문 20261202-38E70B5L이 취소됐어요. 사유: 고객 변심',
    );
  });
});

describe('product, store and seller notices', () => {
  it('restock names the product and the store', () => {
    const restock = { productId: 'p1', storeId: 's1', subscriberIds: ['c1'], availableQuantity: 3 };
    expect(PRODUCTS_COPY.productRestocked(restock, known)).toEqual({
      title: '재입고 알림',
      body: '꽃길 플라워의 장미 꽃다발을 다시 살 수 있어요. 지금 3개 남아 있어요.',
    });
    expect(PRODUCTS_COPY.productRestocked(restock, unknown).body).toBe(
      '알림을 신청하신 상품을 다시 살 수 있어요. 지금 3개 남아 있어요.',
    );
  });

  it('low stock names the flower with its particle', () => {
    const low = { ...sub, sellerId: 'u1', available: 3, threshold: 5, windowStart: PICKUP };
    expect(STORES_COPY.inventoryLow({ ...low, flowerId: 9 }, known)).toEqual({
      title: '꽃 재고가 얼마 안 남았어요',
      body: '꽃길 플라워에 수국이 3송이 남았어요 (알림 기준 5송이). 재고를 채워 주세요.',
    });
    expect(STORES_COPY.inventoryLow({ ...low, flowerId: 1 }, unknown).body).toBe(
      '빨간 장미가 3송이 남았어요 (알림 기준 5송이). 재고를 채워 주세요.',
    );
  });

  it('questions name the product and the store', () => {
    const question = { questionId: 'q1', productId: 'p1', storeId: 's1', sellerId: 'u1' };
    expect(STORES_COPY.questionAsked({ ...question, askerId: 'c1', secret: true }, known)).toEqual({
      title: '상품 문의가 들어왔어요',
      body: '장미 꽃다발에 비밀 문의가 들어왔어요. 답변을 남겨 주세요.',
    });
    expect(STORES_COPY.questionAnswered({ ...question, askerId: 'c1' }, known)).toEqual({
      title: '문의에 답변이 달렸어요',
      body: '꽃길 플라워에서 장미 꽃다발 문의에 답변했어요.',
    });
  });

  it('seller applications name the business with its particle', () => {
    const person = { userId: 'u1', email: 'kim@example.com', name: '김하늘' };
    expect(
      IDENTITY_COPY.sellerApplied({ ...person, businessName: '꽃길', resubmission: false }),
    ).toEqual({
      title: '새 판매자 신청',
      body: '꽃길이 판매자 입점을 신청했어요 (김하늘, kim@example.com).',
    });
    expect(
      IDENTITY_COPY.sellerApplied({ ...person, businessName: '하루 플라워', resubmission: true })
        .body,
    ).toBe('하루 플라워가 판매자 입점을 다시 신청했어요 (김하늘, kim@example.com).');
    expect(
      IDENTITY_COPY.sellerApproved({ ...person, businessName: '꽃길', approvedBy: 'a1' }),
    ).toEqual({
      title: '판매자 신청이 승인됐어요',
      body: '이제 꽃길 매장을 열 수 있어요. 판매자 기능을 쓰려면 다시 로그인해 주세요.',
    });
    expect(
      IDENTITY_COPY.sellerRejected({ ...person, reason: '사업자 정보 불일치', rejectedBy: 'a1' }),
    ).toEqual({
      title: '판매자 신청이 반려됐어요',
      body: '내용을 고쳐 다시 신청할 수 있어요. (사유: 사업자 정보 불일치)',
    });
  });

  it('the verification mail is Korean, with its expiry in Seoul time', () => {
    expect(
      IDENTITY_COPY.verificationMail({
        userId: 'u1',
        email: 'kim@example.com',
        name: '김하늘',
        code: '123456',
        expiresAt: PICKUP,
      }),
    ).toEqual({
      subject: '[Blooming Blooms] 이메일 인증 코드',
      text: '김하늘님, 이메일 인증 코드를 알려 드려요: 123456\n12월 3일(목) 오후 2시까지 입력해 주세요.',
    });
  });
});

describe('subscription notices', () => {
  it('name the store and write dates in Korean', () => {
    expect(
      SUBSCRIPTIONS_COPY.charged.customer(
        { ...sub, orderId: 'o1', cycle: 2, amount: 25000, deliveryDate: '2026-12-03' },
        known,
      ),
    ).toEqual({
      title: '정기구독 결제 완료',
      body: '12월 3일(목)에 보내 드릴 꽃길 플라워 정기구독 꽃값 25,000원을 결제했어요.',
    });
    expect(
      SUBSCRIPTIONS_COPY.created.seller(
        {
          ...sub,
          productId: 'p1',
          quantity: 2,
          cycle: 'BIWEEKLY',
          firstDeliveryDate: '2026-12-03',
        },
        known,
      ).body,
    ).toBe('장미 꽃다발 정기구독 고객이 생겼어요: 격주 2개, 첫 배송일 12월 3일(목) (구독 sub1).');
  });

  it('a declined charge with a retry left says when it is retried', () => {
    const copy = SUBSCRIPTIONS_COPY.chargeFailed.customer(
      { ...sub, orderId: 'o1', cycle: 2, attempt: 1, reason: 'PAYMENT_DECLINED', retryAt: PICKUP },
      known,
      PICKUP,
    );
    expect(copy).toEqual({
      title: '정기구독 결제 실패',
      body: '결제가 거절돼서 등록된 카드로 꽃길 플라워 정기구독을 결제하지 못했어요. 12월 3일(목) 오후 2시에 다시 시도할게요. 카드 정보를 확인해 주세요.',
    });
  });

  it('suspension, a missed cycle and a cancellation read in 해요체 with particles', () => {
    expect(
      SUBSCRIPTIONS_COPY.suspended.customer(
        { ...sub, cycle: 3, reason: 'PAYMENT_DECLINED' },
        known,
      ),
    ).toEqual({
      title: '정기구독이 일시 중지됐어요',
      body: '등록된 카드 결제가 모든 시도에서 거절돼서 꽃길 플라워 정기구독이 일시 중지됐어요. 이번 회차는 결제되지 않았고 배송되지 않아요. 카드를 변경하면 정기구독을 다시 시작할 수 있어요.',
    });
    expect(
      SUBSCRIPTIONS_COPY.cycleMissed.customer(
        { ...sub, cycle: 3, reason: 'NOT_PROCESSED_IN_TIME', deliveryDate: '2026-12-03' },
        unknown,
      ).body,
    ).toBe(
      '배송일 전까지 주문을 처리하지 못해서 12월 3일(목) 정기구독 배송을 보내 드리지 못해요. 이번 회차는 결제되지 않았고, 정기구독은 다음 회차부터 이어져요.',
    );
    expect(
      SUBSCRIPTIONS_COPY.canceled.customer(
        { ...sub, canceledBy: 'SYSTEM', reason: 'STORE_CLOSED', effectiveAfterCycle: 0 },
        known,
      ).body,
    ).toBe(
      '매장이 영업을 종료해서 꽃길 플라워 정기구독이 해지됐어요. 남은 배송은 없어요. 이후로는 결제되지 않아요.',
    );
  });
});
