import type { EntityManager, EventContract, EventEnvelope } from '@bloom/kernel';
import {
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
  userRegistered,
} from '@bloom/schema';
import { NoticeKind } from '../notices/notice-kind.js';
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
  /** JetStream stream that carries the event (infra/nats/streams.json). */
  stream: 'IDENTITY' | 'STORES' | 'PRODUCTS' | 'ORDERS' | 'SUBSCRIPTIONS';
  handle(payload: T, actions: RouteActions): Promise<void>;
}

const route = <T>(r: EventRoute<T>) => r as EventRoute<unknown>;

/** Reasons from orders.order.failed, in words a customer understands. */
const FAILURE_TEXT: Record<string, string> = {
  OUT_OF_STOCK: 'the flowers ran out',
  SLOT_FULL: 'the pickup time is fully booked',
  SLOT_UNAVAILABLE: 'the pickup time is not available',
  COUPON_REJECTED: 'the coupon could not be used',
  PAYMENT_DECLINED: 'the payment was declined',
  TIMEOUT: 'it could not be completed in time',
};
const failureText = (reason: string) =>
  FAILURE_TEXT[reason] ?? reason.toLowerCase().replace(/_/g, ' ');

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

/** Wired routes: the event contract exists in schema/src/events and is consumed. */
export const EVENT_ROUTES: EventRoute[] = [
  route({
    contract: userRegistered,
    stream: 'IDENTITY',
    handle: (p, a) => a.rememberContact(p.userId, { email: p.email, name: p.name }),
  }),
  route({
    contract: emailVerificationRequested,
    stream: 'IDENTITY',
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
    stream: 'IDENTITY',
    handle: (p, a) =>
      a.notify({
        recipient: { audience: 'ADMINS' },
        kind: NoticeKind.SELLER_APPLICATION,
        title: p.resubmission ? 'Seller application resubmitted' : 'New seller application',
        body: `${p.businessName} (${p.name}, ${p.email}) applied to sell.`,
      }),
  }),
  route({
    contract: sellerApproved,
    stream: 'IDENTITY',
    handle: (p, a) =>
      a.notify({
        recipient: { userId: p.userId },
        kind: NoticeKind.SELLER_APPROVED,
        title: 'Your seller application was approved',
        body: `${p.businessName} can now open its store. Sign in again to use the seller tools.`,
      }),
  }),
  route({
    contract: sellerRejected,
    stream: 'IDENTITY',
    handle: (p, a) =>
      a.notify({
        recipient: { userId: p.userId },
        kind: NoticeKind.SELLER_REJECTED,
        title: 'Your seller application was not approved',
        body: p.reason,
      }),
  }),
  // stores
  route({
    contract: storeOpened,
    stream: 'STORES',
    handle: (p, a) => a.rememberStoreOwner(p.storeId, p.sellerId, p.name),
  }),
  route({
    contract: storeUpdated,
    stream: 'STORES',
    handle: (p, a) => a.rememberStoreOwner(p.storeId, p.sellerId, p.name),
  }),
  route({
    contract: inventoryLow,
    stream: 'STORES',
    handle: (p, a) =>
      a.notify({
        recipient: { userId: p.sellerId },
        kind: NoticeKind.STOCK_LOW,
        title: 'Flower stock is low',
        body: `Flower #${p.flowerId}: ${p.available} left (alert below ${p.threshold}).`,
        storeId: p.storeId,
      }),
  }),
  route({
    contract: questionAsked,
    stream: 'STORES',
    handle: (p, a) =>
      a.notify({
        recipient: { userId: p.sellerId },
        kind: NoticeKind.QUESTION_ASKED,
        title: 'New question about a product',
        body: p.secret ? 'A customer asked a private question.' : 'A customer asked a question.',
        productId: p.productId,
        storeId: p.storeId,
      }),
  }),
  route({
    contract: questionAnswered,
    stream: 'STORES',
    handle: (p, a) =>
      a.notify({
        recipient: { userId: p.askerId },
        kind: NoticeKind.QUESTION_ANSWERED,
        title: 'Your question was answered',
        body: 'The store answered your question.',
        productId: p.productId,
        storeId: p.storeId,
      }),
  }),
  // products
  route({
    contract: productRestocked,
    stream: 'PRODUCTS',
    handle: async (p, a) => {
      await a.productRestocked({ productId: p.productId, storeId: p.storeId });
      for (const userId of p.subscriberIds) {
        await a.notify({
          recipient: { userId },
          kind: NoticeKind.RESTOCK_AVAILABLE,
          title: 'Back in stock',
          body: 'A product you asked about is available again.',
          productId: p.productId,
          storeId: p.storeId,
        });
      }
    },
  }),
  // orders
  route({
    contract: orderPlaced,
    stream: 'ORDERS',
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
    stream: 'ORDERS',
    handle: async (p, a) => {
      const seller = p.sellerId ?? (await a.storeOwner(p.storeId));
      if (!seller) return;
      await a.notify({
        recipient: { userId: seller },
        kind: NoticeKind.NEW_ORDER,
        title: 'New order',
        body: `Order ${p.orderNumber}: ${p.total.toLocaleString('ko-KR')}원, ${p.fulfilment === 'PICKUP' ? 'pickup' : 'delivery'}.`,
        orderId: p.orderId,
        storeId: p.storeId,
      });
    },
  }),
  route({
    contract: orderPreparing,
    stream: 'ORDERS',
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
    stream: 'ORDERS',
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
        title: 'Your flowers are on their way',
        body: `Order ${p.orderNumber} is out for delivery${p.trackingNumber ? ` (tracking ${p.trackingNumber})` : ''}.`,
        orderId: p.orderId,
        storeId: p.storeId,
      });
    },
  }),
  route({
    contract: orderDelivered,
    stream: 'ORDERS',
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
        title: 'Delivered',
        body: `Order ${p.orderNumber} was delivered.`,
        orderId: p.orderId,
        storeId: p.storeId,
      });
    },
  }),
  route({
    contract: orderReadyForPickup,
    stream: 'ORDERS',
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
        title: 'Ready for pickup',
        body: `Order ${p.orderNumber} is ready at the store.`,
        orderId: p.orderId,
        storeId: p.storeId,
      });
    },
  }),
  route({
    contract: orderPickedUp,
    stream: 'ORDERS',
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
    stream: 'ORDERS',
    handle: async (p, a) => {
      const who = await parties(a, p);
      await a.orderStatusChanged({ orderId: p.orderId, status: 'CONFIRMED', ...who });
      if (!who.customerId) return;
      await a.notify({
        recipient: { userId: who.customerId },
        kind: NoticeKind.ORDER_CONFIRMED,
        title: 'Order confirmed',
        body: 'Your order is confirmed; the store is preparing it.',
        orderId: p.orderId,
        storeId: p.storeId,
      });
    },
  }),
  route({
    contract: orderFailed,
    stream: 'ORDERS',
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
        title: 'Order failed',
        body: `Your order could not be placed: ${failureText(p.reason)}. You were not charged.`,
        orderId: p.orderId,
        storeId: p.storeId,
      });
    },
  }),
  route({
    contract: orderCanceled,
    stream: 'ORDERS',
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
        title: 'Order canceled',
        body: `Order ${p.orderId} was canceled${p.canceledBy ? ` by ${p.canceledBy.toLowerCase()}` : ''}: ${p.reason}.`,
        orderId: p.orderId,
        storeId: p.storeId,
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
    kind: NoticeKind.SUBSCRIPTION_CHARGED,
    awaits: 'subscriptions.events.ts: charged',
    rule: 'notice → customer',
  },
  {
    kind: NoticeKind.SUBSCRIPTION_FAILED,
    awaits: 'subscriptions.events.ts: charge failed',
    rule: 'notice → customer',
  },
  {
    kind: NoticeKind.SETTLEMENT_READY,
    awaits: 'orders.events.ts: settlement ready',
    rule: 'notice → storeOwner(storeId)',
  },
];
