import type { ApiScopeValue, EventContract, EventEnvelope } from '@bloom/kernel';
import {
  orderCanceled,
  orderConfirmed,
  orderDelivered,
  orderFailed,
  orderPickedUp,
  orderPlaced,
  orderPreparing,
  orderReadyForPickup,
  orderShipping,
  productCreated,
  productDeleted,
  productUpdated,
  storeClosed,
  storeOpened,
  storeReopened,
  storeSuspended,
  storeUpdated,
} from '@bloom/schema';

/**
 * Who may receive an event type: `order` events go to the order's customer and the store's
 * seller (the endpoint's owner must be one of them); `catalog` events are public listings and
 * go to any endpoint whose key may read the catalogue.
 */
export type WebhookAudience = 'order' | 'catalog';

export interface WebhookEventType {
  contract: EventContract;
  audience: WebhookAudience;
  /** Scopes the registering key needs besides EVENTS_READ. */
  scopes: readonly ApiScopeValue[];
  description: string;
}

const order = (contract: EventContract, description: string): WebhookEventType => ({
  contract,
  audience: 'order',
  scopes: [],
  description,
});
const catalog = (contract: EventContract, description: string): WebhookEventType => ({
  contract,
  audience: 'catalog',
  scopes: ['catalog:read'],
  description,
});

/** The event types an endpoint can subscribe to: part of the public API, versioned with it. */
export const WEBHOOK_EVENT_TYPES: readonly WebhookEventType[] = [
  order(orderPlaced, 'An order was placed (PENDING): the saga reserves and charges next.'),
  order(orderConfirmed, 'The order was paid and confirmed.'),
  order(orderFailed, 'The order could not be completed; nothing was charged or it was refunded.'),
  order(orderCanceled, 'The order was canceled by the customer, the seller or an administrator.'),
  order(orderPreparing, 'The seller started preparing the order.'),
  order(orderShipping, 'The order left the shop for delivery (with a tracking number if any).'),
  order(orderReadyForPickup, 'The pickup order is ready at the shop.'),
  order(orderDelivered, 'The order was delivered.'),
  order(orderPickedUp, 'The customer picked the order up.'),
  catalog(productCreated, 'A product was listed.'),
  catalog(productUpdated, 'A product changed (price, status, recipe...).'),
  catalog(productDeleted, 'A product was removed from sale for good.'),
  catalog(storeOpened, 'A store opened on the platform.'),
  catalog(storeUpdated, 'A store changed its profile, delivery policy or pickup settings.'),
  catalog(storeSuspended, 'An administrator suspended a store.'),
  catalog(storeReopened, 'A suspended store reopened.'),
  catalog(storeClosed, 'A store closed for good.'),
];

const byType = new Map(WEBHOOK_EVENT_TYPES.map((t) => [t.contract.type, t]));

export const webhookEventType = (type: string): WebhookEventType | undefined => byType.get(type);

/** The version of the delivery body's shape; a breaking change gets a new one. */
export const WEBHOOK_API_VERSION = 1;

/** What a delivery's body carries: the event, in the public envelope, as JSON. */
export interface WebhookBody {
  id: string;
  type: string;
  apiVersion: typeof WEBHOOK_API_VERSION;
  occurredAt: string;
  payload: unknown;
}

/**
 * The public body of an event. Only the contract's payload travels (no trace id, source or
 * internal sequence), parsed through the contract so fields outside it never leak.
 */
export function webhookBodyOf(event: EventEnvelope, type: WebhookEventType): string {
  const body: WebhookBody = {
    id: event.id,
    type: event.type,
    apiVersion: WEBHOOK_API_VERSION,
    occurredAt: event.occurredAt,
    payload: type.contract.payload.parse(event.payload),
  };
  return JSON.stringify(body);
}
