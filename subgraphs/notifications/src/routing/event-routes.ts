import {
  type EntityManager,
  type EventContract,
  type EventEnvelope,
  formatSeoulDateTime,
} from '@bloom/kernel';
import {
  OrderFailureReason,
  emailVerificationRequested,
  inventoryLow,
  orderCanceled,
  orderConfirmed,
  orderDelivered,
  orderFailed,
  orderNewOrder,
  orderPickedUp,
  orderPlaced,
  orderPreparing,
  orderReadyForPickup,
  orderShipping,
  productRestocked,
  questionAnswered,
  questionAsked,
  sellerApplied,
  sellerApproved,
  sellerRejected,
  storeOpened,
  storeUpdated,
  subscriptionCanceled,
  subscriptionChargeFailed,
  subscriptionCharged,
  subscriptionCreated,
  subscriptionCycleMissed,
  subscriptionSkipped,
  subscriptionSuspended,
  userRegistered,
} from '@bloom/schema';
import { NoticeKind } from '../notices/notice-kind.js';
import { FLOWER_NAMES } from './flower-names.js';
import type { NoticePlan } from '../notices/notice.dispatcher.js';

/** What a route may do with an event; implemented by the consumer for one handled event. */
export interface RouteActions {
  em: EntityManager;
  event: EventEnvelope;
  notify(plan: NoticePlan): Promise<void>;
  mail(userId: string, mail: { to: string; subject: string; text: string }): Promise<void>;
  /** Keeps the e-mail/name projection of a person up to date. */
  rememberContact(userId: string, fields: { email?: string; name?: string }): Promise<void>;
  /** Keeps storeId → owner, so store notices reach the store's seller. */
  rememberStoreOwner(storeId: string, ownerUserId: string, storeName?: string): Promise<void>;
  /** The seller who owns a store, if the store's opening was seen. */
  storeOwner(storeId: string): Promise<string | undefined>;
  /** Keeps orderId → customer and store, for order events that omit them. */
  rememberOrder(orderId: string, fields: { customerId?: string; storeId?: string }): Promise<void>;
  orderParties(orderId: string): Promise<{ customerId?: string; storeId?: string }>;
  /** Records the restock (once) and pushes it to `productRestocked` subscribers. */
  productRestocked(fact: { productId: string; storeId?: string }): Promise<void>;
  /** Records the change (once) and pushes it to `orderStatusChanged` subscribers. */
  orderStatusChanged(fact: {
    orderId: string;
    status: OrderStatus;
    reason?: string;
    customerId?: string;
    sellerUserId?: string;
  }): Promise<void>;
}

/** Order states as `orderStatusChanged` reports them. */
export type OrderStatus =
  | 'PLACED'
  | 'CONFIRMED'
  | 'FAILED'
  | 'CANCELED'
  | 'PREPARING'
  | 'SHIPPING'
  | 'DELIVERED'
  | 'READY_FOR_PICKUP'
  | 'PICKED_UP';

export interface EventRoute<T = unknown> {
  contract: EventContract<string, T>;
  handle(payload: T, actions: RouteActions): Promise<void>;
}

const route = <T>(r: EventRoute<T>) => r as EventRoute<unknown>;

// Notices are written in Korean, the users' first language (SPEC: Korean first).

/**
 * Why an order failed (`OrderFailureReason`, the orders contracts' list) in words a customer
 * understands; `satisfies` keeps the keys to known reasons, and an unknown one still reads.
 */
const FAILURE_TEXT: Readonly<Record<string, string>> = {
  OUT_OF_STOCK: '꽃 재고가 부족하여',
  SLOT_FULL: '선택한 픽업 시간이 마감되어',
  SLOT_UNAVAILABLE: '선택한 픽업 시간을 이용할 수 없어',
  COUPON_REJECTED: '쿠폰을 사용할 수 없어',
  COUPON_TIMEOUT: '쿠폰 확인이 지연되어',
  PAYMENT_DECLINED: '결제가 거절되어',
  PAYMENT_FAILED: '결제를 완료하지 못해',
  PAYMENT_TIMEOUT: '결제 응답이 지연되어',
  RESERVATION_TIMEOUT: '매장이 제시간에 응답하지 않아',
  STORE_NOT_OPEN: '매장이 주문을 받지 않는 상태여서',
  STORE_NOT_FOUND: '매장 정보를 찾을 수 없어',
  TIMEOUT: '처리 시간이 초과되어',
  // subscriptions' fallback when an attempt failed without a reason
  CHARGE_FAILED: '결제를 완료하지 못해',
} satisfies Partial<Record<OrderFailureReason | 'TIMEOUT' | 'CHARGE_FAILED', string>>;
const failureText = (reason: string) => FAILURE_TEXT[reason] ?? `처리 중 문제가 생겨(${reason})`;

/** Failure codes that mean the card could not be charged (the rest: the order was not taken). */
const PAYMENT_REASONS = new Set<string>([
  OrderFailureReason.PAYMENT_DECLINED,
  OrderFailureReason.PAYMENT_FAILED,
  'CHARGE_FAILED',
]);

const CANCELED_BY: Record<string, string> = {
  CUSTOMER: '고객 요청',
  SELLER: '매장 사정',
  ADMIN: '관리자',
  SYSTEM: '자동 처리',
};

const SUBSCRIPTION_CYCLE: Record<string, string> = {
  WEEKLY: '매주',
  BIWEEKLY: '격주',
  FOUR_WEEKLY: '4주마다',
  MONTHLY: '매월',
};

/** Why a subscription cycle is not delivered (subscriptions.cycle.missed), in words. */
function missedText(p: { reason: string; orderReason?: string }): string {
  switch (p.reason) {
    case 'PRODUCT_UNAVAILABLE':
      return '구독 상품을 판매하지 않는 상태여서';
    case 'STORE_UNAVAILABLE':
      return '매장이 주문을 받을 수 없는 상태여서';
    case 'ORDER_FAILED':
      return p.orderReason ? failureText(p.orderReason) : '매장에서 주문을 처리하지 못해';
    case 'NOT_PROCESSED_IN_TIME':
      return '배송일 전까지 주문을 처리하지 못해';
    default:
      return failureText(p.reason);
  }
}

/** Why the platform ended a subscription (subscriptions.subscription.canceled). */
const CANCEL_REASON_TEXT: Record<string, string> = {
  PRODUCT_DELETED: '구독 상품이 더 이상 판매되지 않아',
  STORE_CLOSED: '매장이 영업을 종료하여',
};

const CANCEL_REASON_LABEL: Record<string, string> = {
  PRODUCT_DELETED: '상품 판매 종료',
  STORE_CLOSED: '매장 영업 종료',
};

/** The flower's Korean name from the reference catalog, for stock notices. */
const flowerName = (flowerId: number) => FLOWER_NAMES.get(flowerId) ?? `꽃 #${flowerId}`;

/** Customer and seller of an order, from the event or the orders projection. */
async function parties(
  a: RouteActions,
  p: { orderId: string; storeId: string; customerId?: string },
): Promise<{ customerId?: string; sellerUserId?: string }> {
  const known = p.customerId ? {} : await a.orderParties(p.orderId);
  return {
    customerId: p.customerId ?? known.customerId,
    sellerUserId: await a.storeOwner(p.storeId),
  };
}

/**
 * Tells the seller of a subscription's store (the event's `sellerId`, else the stores
 * projection's owner; nobody when neither is known) about a change to its delivery calendar.
 */
async function notifySubscriptionSeller(
  a: RouteActions,
  p: { storeId: string; sellerId: string | null },
  notice: { title: string; body: string; productId?: string },
): Promise<void> {
  const seller = p.sellerId ?? (await a.storeOwner(p.storeId));
  if (!seller) return;
  await a.notify({
    recipient: { userId: seller },
    kind: NoticeKind.SUBSCRIPTION_UPDATE,
    storeId: p.storeId,
    ...notice,
  });
}

/** Wired routes: the event contract exists in schema/src/events and is consumed. */
export const EVENT_ROUTES: EventRoute[] = [
  route({
    contract: userRegistered,
    handle: (p, a) => a.rememberContact(p.userId, { email: p.email, name: p.name }),
  }),
  route({
    contract: emailVerificationRequested,
    handle: async (p, a) => {
      await a.rememberContact(p.userId, { email: p.email, name: p.name });
      await a.mail(p.userId, {
        to: p.email,
        subject: 'Blooming Blooms e-mail verification code',
        text: `${p.name}, your verification code is ${p.code}. It expires at ${p.expiresAt}.`,
      });
    },
  }),
  route({
    contract: sellerApplied,
    handle: (p, a) =>
      a.notify({
        recipient: { audience: 'ADMINS' },
        kind: NoticeKind.SELLER_APPLICATION,
        title: p.resubmission ? '판매자 재신청' : '새 판매자 신청',
        body: `${p.businessName}(${p.name}, ${p.email})에서 판매자 입점을 신청했습니다.`,
      }),
  }),
  route({
    contract: sellerApproved,
    handle: (p, a) =>
      a.notify({
        recipient: { userId: p.userId },
        kind: NoticeKind.SELLER_APPROVED,
        title: '판매자 신청이 승인되었습니다',
        body: `이제 ${p.businessName} 매장을 열 수 있습니다. 판매자 기능을 쓰려면 다시 로그인해 주세요.`,
      }),
  }),
  route({
    contract: sellerRejected,
    handle: (p, a) =>
      a.notify({
        recipient: { userId: p.userId },
        kind: NoticeKind.SELLER_REJECTED,
        title: '판매자 신청이 반려되었습니다',
        body: p.reason,
      }),
  }),
  // stores
  route({
    contract: storeOpened,
    handle: (p, a) => a.rememberStoreOwner(p.storeId, p.sellerId, p.name),
  }),
  route({
    contract: storeUpdated,
    handle: (p, a) => a.rememberStoreOwner(p.storeId, p.sellerId, p.name),
  }),
  route({
    contract: inventoryLow,
    handle: (p, a) =>
      a.notify({
        recipient: { userId: p.sellerId },
        kind: NoticeKind.STOCK_LOW,
        title: '꽃 재고가 부족합니다',
        body: `${flowerName(p.flowerId)} 재고가 ${p.available}송이 남았습니다 (알림 기준 ${p.threshold}송이).`,
        storeId: p.storeId,
      }),
  }),
  route({
    contract: questionAsked,
    handle: (p, a) =>
      a.notify({
        recipient: { userId: p.sellerId },
        kind: NoticeKind.QUESTION_ASKED,
        title: '상품 문의가 들어왔습니다',
        body: p.secret ? '고객이 비밀 문의를 남겼습니다.' : '고객이 문의를 남겼습니다.',
        productId: p.productId,
        storeId: p.storeId,
      }),
  }),
  route({
    contract: questionAnswered,
    handle: (p, a) =>
      a.notify({
        recipient: { userId: p.askerId },
        kind: NoticeKind.QUESTION_ANSWERED,
        title: '문의에 답변이 등록되었습니다',
        body: '매장에서 문의에 답변했습니다.',
        productId: p.productId,
        storeId: p.storeId,
      }),
  }),
  // products
  route({
    contract: productRestocked,
    handle: async (p, a) => {
      await a.productRestocked({ productId: p.productId, storeId: p.storeId });
      for (const userId of p.subscriberIds) {
        await a.notify({
          recipient: { userId },
          kind: NoticeKind.RESTOCK_AVAILABLE,
          title: '재입고 알림',
          body: '알림을 신청하신 상품을 다시 구매할 수 있습니다.',
          productId: p.productId,
          storeId: p.storeId,
        });
      }
    },
  }),
  // orders
  route({
    contract: orderPlaced,
    // Not yet the seller's business (orders.order.newOrder follows confirmation); the customer
    // can already watch the order.
    handle: async (p, a) => {
      await a.rememberOrder(p.orderId, { customerId: p.customerId, storeId: p.storeId });
      await a.orderStatusChanged({
        orderId: p.orderId,
        status: 'PLACED',
        customerId: p.customerId,
        sellerUserId: await a.storeOwner(p.storeId),
      });
    },
  }),
  route({
    contract: orderNewOrder,
    handle: async (p, a) => {
      const seller = p.sellerId ?? (await a.storeOwner(p.storeId));
      if (!seller) return;
      await a.notify({
        recipient: { userId: seller },
        kind: NoticeKind.NEW_ORDER,
        title: '새 주문',
        body: `주문 ${p.orderNumber}: ${p.total.toLocaleString('ko-KR')}원, ${p.fulfilment === 'PICKUP' ? '픽업' : '배송'}.`,
        orderId: p.orderId,
        storeId: p.storeId,
      });
    },
  }),
  route({
    contract: orderPreparing,
    handle: async (p, a) =>
      a.orderStatusChanged({
        orderId: p.orderId,
        status: 'PREPARING',
        customerId: p.customerId,
        sellerUserId: p.sellerId ?? (await a.storeOwner(p.storeId)),
      }),
  }),
  route({
    contract: orderShipping,
    handle: async (p, a) => {
      await a.orderStatusChanged({
        orderId: p.orderId,
        status: 'SHIPPING',
        customerId: p.customerId,
        sellerUserId: p.sellerId ?? (await a.storeOwner(p.storeId)),
      });
      await a.notify({
        recipient: { userId: p.customerId },
        kind: NoticeKind.DELIVERY_STARTED,
        title: '꽃이 배송을 시작했습니다',
        body: `주문 ${p.orderNumber}이(가) 배송 중입니다${p.trackingNumber ? ` (운송장 ${p.trackingNumber})` : ''}.`,
        orderId: p.orderId,
        storeId: p.storeId,
      });
    },
  }),
  route({
    contract: orderDelivered,
    handle: async (p, a) => {
      await a.orderStatusChanged({
        orderId: p.orderId,
        status: 'DELIVERED',
        customerId: p.customerId,
        sellerUserId: p.sellerId ?? (await a.storeOwner(p.storeId)),
      });
      await a.notify({
        recipient: { userId: p.customerId },
        kind: NoticeKind.DELIVERED,
        title: '배송 완료',
        body: `주문 ${p.orderNumber}이(가) 배송되었습니다.`,
        orderId: p.orderId,
        storeId: p.storeId,
      });
    },
  }),
  route({
    contract: orderReadyForPickup,
    handle: async (p, a) => {
      await a.orderStatusChanged({
        orderId: p.orderId,
        status: 'READY_FOR_PICKUP',
        customerId: p.customerId,
        sellerUserId: p.sellerId ?? (await a.storeOwner(p.storeId)),
      });
      await a.notify({
        recipient: { userId: p.customerId },
        kind: NoticeKind.PICKUP_READY,
        title: '픽업 준비 완료',
        body: `주문 ${p.orderNumber}을(를) 매장에서 찾아가실 수 있습니다.`,
        orderId: p.orderId,
        storeId: p.storeId,
      });
    },
  }),
  route({
    contract: orderPickedUp,
    handle: async (p, a) =>
      a.orderStatusChanged({
        orderId: p.orderId,
        status: 'PICKED_UP',
        customerId: p.customerId,
        sellerUserId: p.sellerId ?? (await a.storeOwner(p.storeId)),
      }),
  }),
  route({
    contract: orderConfirmed,
    handle: async (p, a) => {
      const who = await parties(a, p);
      await a.orderStatusChanged({ orderId: p.orderId, status: 'CONFIRMED', ...who });
      if (!who.customerId) return;
      await a.notify({
        recipient: { userId: who.customerId },
        kind: NoticeKind.ORDER_CONFIRMED,
        title: '주문이 확정되었습니다',
        body: '매장에서 주문하신 꽃을 준비하고 있습니다.',
        orderId: p.orderId,
        storeId: p.storeId,
      });
    },
  }),
  route({
    contract: orderFailed,
    handle: async (p, a) => {
      const who = await parties(a, p);
      await a.orderStatusChanged({
        orderId: p.orderId,
        status: 'FAILED',
        reason: p.reason,
        ...who,
      });
      if (!who.customerId) return;
      await a.notify({
        recipient: { userId: who.customerId },
        kind: NoticeKind.ORDER_FAILED,
        title: '주문이 완료되지 않았습니다',
        body: `${failureText(p.reason)} 주문을 완료하지 못했습니다. 결제는 청구되지 않았습니다.`,
        orderId: p.orderId,
        storeId: p.storeId,
      });
    },
  }),
  route({
    contract: orderCanceled,
    handle: async (p, a) => {
      const who = await parties(a, p);
      await a.orderStatusChanged({
        orderId: p.orderId,
        status: 'CANCELED',
        reason: p.reason,
        ...who,
      });
      if (!who.sellerUserId) return;
      await a.notify({
        recipient: { userId: who.sellerUserId },
        kind: NoticeKind.ORDER_CANCELED,
        title: '주문이 취소되었습니다',
        body: `주문 ${p.orderId}이(가) 취소되었습니다${p.canceledBy ? ` (${CANCELED_BY[p.canceledBy] ?? p.canceledBy})` : ''}: ${p.reason}`,
        orderId: p.orderId,
        storeId: p.storeId,
      });
    },
  }),
  route({
    contract: subscriptionCharged,
    handle: (p, a) =>
      a.notify({
        recipient: { userId: p.customerId },
        kind: NoticeKind.SUBSCRIPTION_CHARGED,
        title: '정기구독 결제 완료',
        body: `${p.deliveryDate} 꽃 배송을 위해 ${p.amount.toLocaleString('ko-KR')}원이 결제되었습니다.`,
        orderId: p.orderId,
        storeId: p.storeId,
      }),
  }),
  // subscriptions: the customer hears about what concerns their flowers and card, the store's
  // seller about every change to its delivery calendar.
  route({
    contract: subscriptionCreated,
    handle: async (p, a) => {
      await notifySubscriptionSeller(a, p, {
        title: '새 정기구독',
        body: `새 정기구독 고객이 생겼습니다: ${SUBSCRIPTION_CYCLE[p.cycle] ?? p.cycle} ${p.quantity}개, 첫 배송일 ${p.firstDeliveryDate} (구독 ${p.subscriptionId}).`,
        productId: p.productId,
      });
    },
  }),
  route({
    // A failed attempt with a retry left; with none (`retryAt` null) the suspended or missed
    // event that follows is the customer's one notice about the cycle's outcome.
    contract: subscriptionChargeFailed,
    handle: async (p, a) => {
      if (!p.retryAt) return;
      const retry = `${formatSeoulDateTime(new Date(p.retryAt))}에 다시 시도합니다.`;
      const payment = PAYMENT_REASONS.has(p.reason);
      await a.notify({
        recipient: { userId: p.customerId },
        kind: NoticeKind.SUBSCRIPTION_RETRYING,
        title: payment ? '정기구독 결제 실패' : '정기구독 주문 처리 실패',
        body: payment
          ? `${failureText(p.reason)} 등록된 카드로 정기구독을 결제하지 못했습니다. ${retry} 카드 정보를 확인해 주세요.`
          : `${failureText(p.reason)} 이번 회차 정기구독 주문을 처리하지 못했습니다. 결제는 청구되지 않았습니다. ${retry}`,
        orderId: p.orderId,
        storeId: p.storeId,
      });
    },
  }),
  route({
    contract: subscriptionSuspended,
    handle: async (p, a) => {
      // Subscriptions suspends on declined payments; any other reason still reads correctly.
      const payment = PAYMENT_REASONS.has(p.reason);
      const cause =
        p.reason === OrderFailureReason.PAYMENT_DECLINED
          ? '등록된 카드 결제가 모든 시도에서 거절되어'
          : `여러 차례 시도했지만 ${failureText(p.reason)}`;
      const resume = payment
        ? '카드를 변경하면 정기구독을 다시 시작할 수 있습니다.'
        : '정기구독을 다시 시작하면 다음 회차부터 배송됩니다.';
      await a.notify({
        recipient: { userId: p.customerId },
        kind: NoticeKind.SUBSCRIPTION_FAILED,
        title: '정기구독이 일시 중지되었습니다',
        body: `${cause} 정기구독이 일시 중지되었습니다. 이번 회차는 결제되지 않았고 배송되지 않습니다. ${resume}`,
        storeId: p.storeId,
      });
      await notifySubscriptionSeller(a, p, {
        title: '정기구독 일시 중지',
        body: `${payment ? '고객의 카드 결제가 되지 않아' : cause} 정기구독(구독 ${p.subscriptionId})이 ${p.cycle}회차부터 중지되었습니다. 고객이 다시 시작할 때까지 배송은 없습니다.`,
      });
    },
  }),
  route({
    contract: subscriptionCycleMissed,
    handle: async (p, a) => {
      const why = missedText(p);
      await a.notify({
        recipient: { userId: p.customerId },
        kind: NoticeKind.SUBSCRIPTION_FAILED,
        title: '이번 정기구독 배송을 보내 드리지 못합니다',
        body: `${why} ${p.deliveryDate} 정기구독 배송을 보내 드리지 못합니다. 이번 회차 결제는 청구되지 않았으며, 정기구독은 다음 회차부터 이어집니다.`,
        storeId: p.storeId,
      });
      await notifySubscriptionSeller(a, p, {
        title: '정기구독 배송 취소',
        body: `${why} ${p.deliveryDate} 정기구독 배송(구독 ${p.subscriptionId}, ${p.cycle}회차)은 진행되지 않습니다.`,
      });
    },
  }),
  route({
    contract: subscriptionSkipped,
    handle: async (p, a) => {
      await notifySubscriptionSeller(a, p, {
        title: '정기구독 배송 건너뛰기',
        body: `고객이 ${p.deliveryDate} 정기구독 배송(구독 ${p.subscriptionId}, ${p.cycle}회차)을 건너뛰었습니다.`,
      });
    },
  }),
  route({
    contract: subscriptionCanceled,
    handle: async (p, a) => {
      const why = p.reason ? CANCEL_REASON_TEXT[p.reason] : undefined;
      const last =
        p.effectiveAfterCycle > 0
          ? `${p.effectiveAfterCycle}회차 배송까지 진행됩니다.`
          : '남은 배송은 없습니다.';
      // The customer canceled themselves: they know. The platform or an admin did: tell them.
      if (p.canceledBy !== 'CUSTOMER') {
        await a.notify({
          recipient: { userId: p.customerId },
          kind: NoticeKind.SUBSCRIPTION_CANCELED,
          title: '정기구독이 해지되었습니다',
          body: `${why ?? (p.canceledBy === 'ADMIN' ? '관리자 조치로' : '운영 정책에 따라')} 정기구독이 해지되었습니다. ${last} 이후로는 결제되지 않습니다.`,
          storeId: p.storeId,
        });
      }
      await notifySubscriptionSeller(a, p, {
        title: '정기구독 해지',
        body: `정기구독(구독 ${p.subscriptionId})이 해지되었습니다 (${CANCELED_BY[p.canceledBy] ?? p.canceledBy}${p.reason ? `: ${CANCEL_REASON_LABEL[p.reason]}` : ''}). ${last}`,
      });
    },
  }),
];

/**
 * Kinds whose source events do not exist yet. Each becomes a route above (with its contract
 * import) as soon as the owning context publishes the contract; the recipient rule is decided
 * here so the wiring is mechanical.
 */
export const PENDING_ROUTES: readonly { kind: NoticeKind; awaits: string; rule: string }[] = [
  {
    kind: NoticeKind.SETTLEMENT_READY,
    awaits: 'orders.events.ts: settlement ready',
    rule: 'notice → storeOwner(storeId)',
  },
];
