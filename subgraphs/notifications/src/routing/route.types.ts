import type { EntityManager, EventContract, EventEnvelope } from '@bloom/kernel';
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
  /** Keeps orderId → customer and store (for order events that omit them) and its summary. */
  rememberOrder(
    orderId: string,
    fields: { customerId?: string; storeId?: string } & Partial<OrderSummary>,
  ): Promise<void>;
  orderParties(orderId: string): Promise<{ customerId?: string; storeId?: string }>;
  /** Keeps productId → name, so notices can name the product. */
  rememberProduct(productId: string, name: string): Promise<void>;
  /** What the projections know of the product, store and order a notice is about. */
  facts(refs: { productId?: string; storeId?: string; orderId?: string }): Promise<NoticeFacts>;
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

/** An order as notices name it, from orders.order.placed. */
export interface OrderSummary {
  orderNumber: string;
  firstProductId: string;
  lineCount: number;
  /** ISO instant of the pickup slot; absent for a delivery. */
  pickupAt: string;
}

/**
 * The names a notice uses, from the projections; a field is absent when its source event was
 * not seen (the copy then words the notice without it).
 */
export interface NoticeFacts {
  productName?: string;
  storeName?: string;
  order?: {
    number?: string;
    firstProductName?: string;
    lineCount?: number;
    pickupAt?: string;
  };
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
