import { randomUUID } from 'node:crypto';
import {
  type BloomClient,
  type BloomEvent,
  BrowseProductsDocument,
  CheckoutDocument,
  CheckoutQuoteDocument,
  CreateWebhookEndpointDocument,
  type DeliveryInput,
  RotateWebhookSecretDocument,
  WebhookEndpointsDocument,
  unwrap,
} from '@bloom/sdk';

/** A product as the till shows it. */
export interface PosProduct {
  id: string;
  name: string;
  price: number;
  onSale: boolean;
  availableQuantity: number;
}

/** What the till knows of an order from its webhooks. */
export interface PosOrder {
  id: string;
  status: 'PLACED' | 'CONFIRMED' | 'FAILED' | 'CANCELED' | 'PREPARING' | 'SHIPPING' | 'DONE';
  events: string[];
}

/** The order events the till follows. */
export const ORDER_EVENT_TYPES = [
  'orders.order.placed',
  'orders.order.confirmed',
  'orders.order.failed',
  'orders.order.canceled',
  'orders.order.preparing',
  'orders.order.shipping',
  'orders.order.delivered',
  'orders.order.pickedUp',
] as const;

const STATUS_OF: Record<string, PosOrder['status']> = {
  'orders.order.placed': 'PLACED',
  'orders.order.confirmed': 'CONFIRMED',
  'orders.order.failed': 'FAILED',
  'orders.order.canceled': 'CANCELED',
  'orders.order.preparing': 'PREPARING',
  'orders.order.shipping': 'SHIPPING',
  'orders.order.delivered': 'DONE',
  'orders.order.pickedUp': 'DONE',
};

/**
 * A florist's point-of-sale kept in step with the platform: the catalogue pulled page by page,
 * phone orders placed through the API for the key's owner, and the orders' progress pushed by
 * webhooks.
 */
export class PosSync {
  readonly catalog = new Map<string, PosProduct>();
  readonly orders = new Map<string, PosOrder>();
  private secrets: string[] = [];

  constructor(private readonly client: BloomClient) {}

  /** The secrets deliveries are verified with (the receiver reads them per request). */
  readonly signingSecrets = (): readonly string[] => this.secrets;

  /** Pulls every product (of one store, when given) into the till's catalogue. */
  async syncCatalog(storeId?: string): Promise<number> {
    const seen = new Set<string>();
    const products = this.client.paginate(
      BrowseProductsDocument,
      { first: 50, ...(storeId ? { filter: { storeId } } : {}) },
      (data) => data.products,
    );
    for await (const product of products) {
      seen.add(product.id);
      this.catalog.set(product.id, {
        id: product.id,
        name: product.name,
        price: product.price,
        onSale: product.saleStatus === 'ON_SALE',
        availableQuantity: product.availableQuantity,
      });
    }
    for (const id of this.catalog.keys()) if (!seen.has(id)) this.catalog.delete(id);
    return this.catalog.size;
  }

  /**
   * Registers the till's webhook endpoint for order events, or, when one at this URL exists
   * (the till restarted and lost the secret, shown only once), rotates its secret without grace.
   */
  async connectWebhooks(url: string): Promise<string> {
    const { webhookEndpoints } = await this.client.request(WebhookEndpointsDocument);
    const existing = webhookEndpoints.find((endpoint) => endpoint.url === url);
    if (existing) {
      const rotated = unwrap(
        (await this.client.request(RotateWebhookSecretDocument, { id: existing.id, graceHours: 0 }))
          .rotateWebhookSecret,
        'WebhookSecretRotated',
      );
      this.secrets = [rotated.signingSecret];
      return existing.id;
    }
    const created = unwrap(
      (
        await this.client.request(CreateWebhookEndpointDocument, {
          input: { url, eventTypes: [...ORDER_EVENT_TYPES], description: 'POS sync' },
        })
      ).createWebhookEndpoint,
      'WebhookEndpointCreated',
    );
    this.secrets = [created.signingSecret];
    return created.endpoint.id;
  }

  /**
   * A phone order for delivery: priced by the server first (its total is what checkout must be
   * told), then placed under one idempotency key, so a retry never orders twice.
   */
  async placeDeliveryOrder(productId: string, quantity: number, delivery: DeliveryInput) {
    const buyNow = { productId, quantity };
    const quote = unwrap(
      (
        await this.client.request(CheckoutQuoteDocument, {
          input: { buyNow, fulfilment: 'DELIVERY', delivery },
        })
      ).checkoutQuote,
      'CheckoutQuote',
    );
    const placed = unwrap(
      (
        await this.client.request(CheckoutDocument, {
          input: {
            idempotencyKey: `pos-${randomUUID()}`,
            buyNow,
            fulfilment: 'DELIVERY',
            delivery,
            expectedTotal: quote.total,
          },
        })
      ).checkout,
      'CheckoutSuccess',
    );
    for (const order of placed.orders) this.track(order.id, 'PLACED', 'checkout');
    return placed.orders.map((order) => order.id);
  }

  /** A verified webhook: the order's status moves on; anything else is ignored. */
  readonly onEvent = (event: BloomEvent): void => {
    const status = STATUS_OF[event.type];
    const orderId = (event.payload as { orderId?: unknown }).orderId;
    if (!status || typeof orderId !== 'string') return;
    this.track(orderId, status, event.type);
  };

  private track(orderId: string, status: PosOrder['status'], source: string): void {
    const order = this.orders.get(orderId) ?? { id: orderId, status, events: [] };
    // A late `placed` never moves a confirmed order back.
    if (!(status === 'PLACED' && order.status !== 'PLACED')) order.status = status;
    order.events.push(source);
    this.orders.set(orderId, order);
  }
}
