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
