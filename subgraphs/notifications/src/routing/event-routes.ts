import type { EventContract, PayloadOf } from '@bloom/kernel';
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
  productCreated,
  productRestocked,
  productUpdated,
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
import type { NoticePlan } from '../notices/notice.dispatcher.js';
import { IDENTITY_COPY } from './copy/identity.copy.js';
import type { NoticeCopy } from './copy/notice-copy.types.js';
import { ORDERS_COPY } from './copy/orders.copy.js';
import { PRODUCTS_COPY } from './copy/products.copy.js';
import { STORES_COPY } from './copy/stores.copy.js';
import { SUBSCRIPTIONS_COPY } from './copy/subscriptions.copy.js';
import type { EventRoute, NoticeFacts, OrderStatus, RouteActions } from './route.types.js';

const route = <T>(r: EventRoute<T>) => r as EventRoute<unknown>;

type Recipient = NoticePlan['recipient'];
type Refs = Pick<NoticePlan, 'productId' | 'storeId' | 'orderId'>;

/**
 * One notice a route sends: its kind, its words (naming what the projections know of the
 * product, store and order it links to), its reader and what it links to.
 */
interface NoticeRule<T> {
  kind: NoticeKind;
  copy: (p: T, f: NoticeFacts) => NoticeCopy;
  to: (p: T) => Recipient;
  refs: (p: T) => Refs;
}

async function planOf<T>(rule: NoticeRule<T>, p: T, a: RouteActions): Promise<NoticePlan> {
  const refs = rule.refs(p);
  return { recipient: rule.to(p), kind: rule.kind, ...rule.copy(p, await a.facts(refs)), ...refs };
}

/** A route whose whole job is one notice. */
const noticeRoute = <T>(contract: EventContract<string, T>, rule: NoticeRule<T>) =>
  route<T>({ contract, handle: async (p, a) => a.notify(await planOf(rule, p, a)) });

const customer = (p: { customerId: string }): Recipient => ({ userId: p.customerId });
const noRefs = (): Refs => ({});
const storeRefs = (p: { storeId: string }): Refs => ({ storeId: p.storeId });
const orderRefs = (p: { orderId: string; storeId: string }): Refs => ({
  orderId: p.orderId,
  storeId: p.storeId,
});
const productRefs = (p: { productId: string; storeId: string }): Refs => ({
  productId: p.productId,
  storeId: p.storeId,
});

/** Both snapshots of a store carry its owner, so store notices reach the seller. */
const rememberStoreOwner = (p: PayloadOf<typeof storeOpened>, a: RouteActions) =>
  a.rememberStoreOwner(p.storeId, p.sellerId, p.name);

/** Both snapshots of a product carry its name, which notices show. */
const rememberProduct = (p: PayloadOf<typeof productCreated>, a: RouteActions) =>
  a.rememberProduct(p.productId, p.name);

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
 * orders' fulfilment progress: the new status for everyone watching the order (its seller from
 * the event, else the stores projection), then the customer's notice where there is one.
 */
function progressRoute<T extends PayloadOf<typeof orderPreparing>>(
  contract: EventContract<string, T>,
  status: OrderStatus,
  notice?: Pick<NoticeRule<T>, 'kind' | 'copy'>,
): EventRoute {
  return route<T>({
    contract,
    handle: async (p, a) => {
      await a.orderStatusChanged({
        orderId: p.orderId,
        status,
        customerId: p.customerId,
        sellerUserId: p.sellerId ?? (await a.storeOwner(p.storeId)),
      });
      if (notice) await a.notify(await planOf({ ...notice, to: customer, refs: orderRefs }, p, a));
    },
  });
}

/**
 * The checkout saga's outcome, whose events may omit the customer: the new status for watchers,
 * then a notice to one side of the order when that side is known.
 */
function outcomeRoute<T extends { orderId: string; storeId: string; customerId?: string }>(
  contract: EventContract<string, T>,
  status: OrderStatus,
  notice: Pick<NoticeRule<T>, 'kind' | 'copy'> & { to: 'customerId' | 'sellerUserId' },
): EventRoute {
  return route<T>({
    contract,
    handle: async (p, a) => {
      const who = await parties(a, p);
      // Only failures and cancellations carry a reason; a confirmation records none.
      const reason = 'reason' in p && typeof p.reason === 'string' ? { reason: p.reason } : {};
      await a.orderStatusChanged({ orderId: p.orderId, status, ...reason, ...who });
      const userId = who[notice.to];
      if (!userId) return;
      await a.notify(await planOf({ ...notice, to: () => ({ userId }), refs: orderRefs }, p, a));
    },
  });
}

/**
 * Tells the seller of a subscription's store (the event's `sellerId`, else the stores
 * projection's owner; nobody when neither is known) about a change to its delivery calendar.
 */
async function notifySubscriptionSeller(
  a: RouteActions,
  p: { storeId: string; sellerId: string | null },
  notice: NoticeCopy & Refs,
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

/**
 * A change to a subscription: the customer's notice, when there is one for it (and `when`
 * holds), then the seller's.
 */
function subscriptionRoute<
  T extends { customerId: string; storeId: string; sellerId: string | null },
>(
  contract: EventContract<string, T>,
  news: {
    customer?: Pick<NoticeRule<T>, 'kind' | 'copy'> & { when?: (p: T) => boolean };
    seller: Pick<NoticeRule<T>, 'copy'> & { refs?: (p: T) => Refs };
  },
): EventRoute {
  return route<T>({
    contract,
    handle: async (p, a) => {
      const told = news.customer;
      if (told && (told.when?.(p) ?? true)) {
        await a.notify(await planOf({ ...told, to: customer, refs: storeRefs }, p, a));
      }
      const refs = news.seller.refs?.(p) ?? {};
      const facts = await a.facts({ storeId: p.storeId, ...refs });
      await notifySubscriptionSeller(a, p, { ...news.seller.copy(p, facts), ...refs });
    },
  });
}

/** Wired routes: the event contract exists in schema/src/events and is consumed. */
export const EVENT_ROUTES: EventRoute[] = [
  // identity
  route({
    contract: userRegistered,
    handle: (p, a) => a.rememberContact(p.userId, { email: p.email, name: p.name }),
  }),
  route({
    contract: emailVerificationRequested,
    handle: async (p, a) => {
      await a.rememberContact(p.userId, { email: p.email, name: p.name });
      await a.mail(p.userId, { to: p.email, ...IDENTITY_COPY.verificationMail(p) });
    },
  }),
  noticeRoute(sellerApplied, {
    kind: NoticeKind.SELLER_APPLICATION,
    copy: IDENTITY_COPY.sellerApplied,
    to: () => ({ audience: 'ADMINS' }),
    refs: noRefs,
  }),
  noticeRoute(sellerApproved, {
    kind: NoticeKind.SELLER_APPROVED,
    copy: IDENTITY_COPY.sellerApproved,
    to: (p) => ({ userId: p.userId }),
    refs: noRefs,
  }),
  noticeRoute(sellerRejected, {
    kind: NoticeKind.SELLER_REJECTED,
    copy: IDENTITY_COPY.sellerRejected,
    to: (p) => ({ userId: p.userId }),
    refs: noRefs,
  }),
  // stores
  route({ contract: storeOpened, handle: rememberStoreOwner }),
  route({ contract: storeUpdated, handle: rememberStoreOwner }),
  route({ contract: productCreated, handle: rememberProduct }),
  route({ contract: productUpdated, handle: rememberProduct }),
  noticeRoute(inventoryLow, {
    kind: NoticeKind.STOCK_LOW,
    copy: STORES_COPY.inventoryLow,
    to: (p) => ({ userId: p.sellerId }),
    refs: storeRefs,
  }),
  noticeRoute(questionAsked, {
    kind: NoticeKind.QUESTION_ASKED,
    copy: STORES_COPY.questionAsked,
    to: (p) => ({ userId: p.sellerId }),
    refs: productRefs,
  }),
  noticeRoute(questionAnswered, {
    kind: NoticeKind.QUESTION_ANSWERED,
    copy: STORES_COPY.questionAnswered,
    to: (p) => ({ userId: p.askerId }),
    refs: productRefs,
  }),
  // products
  route({
    contract: productRestocked,
    handle: async (p, a) => {
      await a.productRestocked({ productId: p.productId, storeId: p.storeId });
      // One notice, many readers: its words are looked up once, not once per subscriber.
      const refs = productRefs(p);
      const copy = PRODUCTS_COPY.productRestocked(p, await a.facts(refs));
      for (const userId of p.subscriberIds) {
        await a.notify({
          recipient: { userId },
          kind: NoticeKind.RESTOCK_AVAILABLE,
          ...copy,
          ...refs,
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
      await a.rememberOrder(p.orderId, {
        customerId: p.customerId,
        storeId: p.storeId,
        orderNumber: p.orderNumber,
        firstProductId: p.lines[0]?.productId,
        lineCount: p.lines.length,
        pickupAt: p.fulfilment.type === 'PICKUP' ? p.fulfilment.slotStart : undefined,
      });
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
      const rule = { kind: NoticeKind.NEW_ORDER, copy: ORDERS_COPY.newOrder, refs: orderRefs };
      await a.notify(await planOf({ ...rule, to: () => ({ userId: seller }) }, p, a));
    },
  }),
  progressRoute(orderPreparing, 'PREPARING'),
  progressRoute(orderShipping, 'SHIPPING', {
    kind: NoticeKind.DELIVERY_STARTED,
    copy: ORDERS_COPY.shipping,
  }),
  progressRoute(orderDelivered, 'DELIVERED', {
    kind: NoticeKind.DELIVERED,
    copy: ORDERS_COPY.delivered,
  }),
  progressRoute(orderReadyForPickup, 'READY_FOR_PICKUP', {
    kind: NoticeKind.PICKUP_READY,
    copy: ORDERS_COPY.readyForPickup,
  }),
  progressRoute(orderPickedUp, 'PICKED_UP'),
  outcomeRoute(orderConfirmed, 'CONFIRMED', {
    to: 'customerId',
    kind: NoticeKind.ORDER_CONFIRMED,
    copy: ORDERS_COPY.confirmed,
  }),
  outcomeRoute(orderFailed, 'FAILED', {
    to: 'customerId',
    kind: NoticeKind.ORDER_FAILED,
    copy: ORDERS_COPY.failed,
  }),
  outcomeRoute(orderCanceled, 'CANCELED', {
    to: 'sellerUserId',
    kind: NoticeKind.ORDER_CANCELED,
    copy: ORDERS_COPY.canceled,
  }),
  // subscriptions: the customer hears about what concerns their flowers and card, the store's
  // seller about every change to its delivery calendar.
  noticeRoute(subscriptionCharged, {
    kind: NoticeKind.SUBSCRIPTION_CHARGED,
    copy: SUBSCRIPTIONS_COPY.charged.customer,
    to: customer,
    refs: orderRefs,
  }),
  subscriptionRoute(subscriptionCreated, {
    seller: { copy: SUBSCRIPTIONS_COPY.created.seller, refs: (p) => ({ productId: p.productId }) },
  }),
  route({
    // A failed attempt with a retry left; with none (`retryAt` null) the suspended or missed
    // event that follows is the customer's one notice about the cycle's outcome.
    contract: subscriptionChargeFailed,
    handle: async (p, a) => {
      const { retryAt } = p;
      if (!retryAt) return;
      const rule = {
        kind: NoticeKind.SUBSCRIPTION_RETRYING,
        copy: (q: typeof p, f: NoticeFacts) =>
          SUBSCRIPTIONS_COPY.chargeFailed.customer(q, f, retryAt),
        to: customer,
        refs: orderRefs,
      };
      await a.notify(await planOf(rule, p, a));
    },
  }),
  subscriptionRoute(subscriptionSuspended, {
    customer: { kind: NoticeKind.SUBSCRIPTION_FAILED, copy: SUBSCRIPTIONS_COPY.suspended.customer },
    seller: { copy: SUBSCRIPTIONS_COPY.suspended.seller },
  }),
  subscriptionRoute(subscriptionCycleMissed, {
    customer: {
      kind: NoticeKind.SUBSCRIPTION_FAILED,
      copy: SUBSCRIPTIONS_COPY.cycleMissed.customer,
    },
    seller: { copy: SUBSCRIPTIONS_COPY.cycleMissed.seller },
  }),
  subscriptionRoute(subscriptionSkipped, { seller: { copy: SUBSCRIPTIONS_COPY.skipped.seller } }),
  subscriptionRoute(subscriptionCanceled, {
    customer: {
      kind: NoticeKind.SUBSCRIPTION_CANCELED,
      copy: SUBSCRIPTIONS_COPY.canceled.customer,
      // The customer canceled themselves: they know. The platform or an admin did: tell them.
      when: (p) => p.canceledBy !== 'CUSTOMER',
    },
    seller: { copy: SUBSCRIPTIONS_COPY.canceled.seller },
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
