import type { ApiScopeValue, EventContract } from '@bloom/kernel';
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
} from './orders.events.js';
import { productCreated, productDeleted, productUpdated } from './products.events.js';
import {
  storeClosed,
  storeOpened,
  storeReopened,
  storeSuspended,
  storeUpdated,
} from './stores.events.js';

/**
 * Who may receive an event type by webhook: `order` events go to the order's customer and the
 * store's seller (the endpoint's owner must be one of them); `catalog` events are public
 * listings and go to any endpoint whose key may read the catalogue.
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

/**
 * The events integrators can receive (notifications delivers them; @bloom/sdk types them):
 * part of the public API, versioned with it. Saga commands, inventory, coupons and events
 * naming other people (restock subscribers) stay internal.
 */
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

/**
 * The version of a webhook body's shape, `{ id, type, apiVersion, occurredAt, payload }`; a
 * breaking change gets a new one.
 */
export const WEBHOOK_API_VERSION = 1;
