import {
  type Consumption,
  type EventBus,
  type EventEnvelope,
  decodeEvent,
  insertNew,
  streamOf,
} from '@bloom/kernel';
import { apiKeyRevoked } from '@bloom/schema';
import type { MikroORM } from '@mikro-orm/mongodb';
import type { NotificationsDeps } from '../notifications.deps.js';
import { OrderParties, StoreOwner } from '../projections/projection.entities.js';
import {
  WEBHOOK_EVENT_TYPES,
  type WebhookEventType,
  webhookBodyOf,
  webhookEventType,
} from './webhook-events.js';
import type { WebhookDispatcher } from './webhook.dispatcher.js';
import { type WebhookDeliveryDoc, webhookCollections } from './webhook.entities.js';

/** The order's customer and seller, from the event or (for events that omit them) projections. */
interface OrderPartyIds {
  customerId?: string;
  sellerId?: string;
}

/** An order's parties are known once orders.order.placed was projected; until then, retry. */
class PartiesUnknownError extends Error {
  constructor(orderId: string) {
    super(`order ${orderId}: its parties are not projected yet`);
    this.name = 'PartiesUnknownError';
  }
}

/**
 * Turns events into webhook deliveries: one durable consumer per stream of the public event
 * types, and one for key revocations. Each event becomes one delivery per subscribed endpoint
 * allowed to see it (an order's events only for its customer's and its seller's endpoints),
 * inserted under `<endpointId>:<eventId>`, so a redelivered event adds nothing; the
 * dispatcher sends them at once.
 */
export class WebhookConsumer {
  private readonly consumptions: Consumption[] = [];

  constructor(
    private readonly orm: MikroORM,
    private readonly bus: EventBus,
    private readonly deps: NotificationsDeps,
    private readonly dispatcher: WebhookDispatcher,
  ) {}

  async start(): Promise<void> {
    const byStream = new Map<string, string[]>();
    for (const type of WEBHOOK_EVENT_TYPES) {
      const stream = streamOf(type.contract);
      byStream.set(stream, [...(byStream.get(stream) ?? []), type.contract.type]);
    }
    for (const [stream, types] of byStream) {
      this.consumptions.push(
        await this.bus.consume({
          durable: `notifications-webhooks-${stream.toLowerCase()}`,
          types,
          handle: async (event) => {
            await this.handle(event);
          },
        }),
      );
    }
    this.consumptions.push(
      await this.bus.consume({
        durable: 'notifications-webhook-keys',
        types: [apiKeyRevoked.type],
        handle: (event) => this.keyRevoked(event),
      }),
    );
  }

  async stop(): Promise<void> {
    await Promise.all(this.consumptions.map((c) => c.stop()));
  }

  /** Exposed for tests: the deliveries one event creates. */
  async handle(event: EventEnvelope): Promise<number> {
    const type = webhookEventType(event.type);
    if (!type) return 0;
    const em = this.orm.em.fork();
    const { endpoints, deliveries } = webhookCollections(em);
    const subscribed = await endpoints
      .find({ eventTypes: event.type, status: 'ENABLED' })
      .toArray();
    if (subscribed.length === 0) return 0;
    const audience = type.audience === 'order' ? await this.partiesOf(event, type) : undefined;
    const allowed = subscribed.filter((endpoint) =>
      audience
        ? endpoint.ownerId === audience.customerId || endpoint.ownerId === audience.sellerId
        : type.scopes.every((scope) => endpoint.scopes.includes(scope)),
    );
    if (allowed.length === 0) return 0;
    const body = webhookBodyOf(event, type);
    const now = this.deps.now();
    const docs: WebhookDeliveryDoc[] = allowed.map((endpoint) => ({
      _id: `${endpoint._id}:${event.id}`,
      endpointId: endpoint._id,
      ownerId: endpoint.ownerId,
      eventId: event.id,
      eventType: event.type,
      body,
      status: 'PENDING',
      attempts: [],
      attemptCount: 0,
      nextAttemptAt: now,
      retryUntil: new Date(now.getTime() + this.deps.config.WEBHOOK_RETRY_FOR_MS),
      createdAt: now,
    }));
    const created = await insertNew(deliveries, docs);
    this.dispatcher.kick();
    return created;
  }

  private async partiesOf(event: EventEnvelope, type: WebhookEventType): Promise<OrderPartyIds> {
    const payload = decodeEvent(type.contract, event).payload as {
      orderId: string;
      storeId?: string;
      customerId?: string;
      sellerId?: string | null;
    };
    const em = this.orm.em.fork();
    let { customerId, storeId } = payload;
    if (!customerId || !storeId) {
      const known = await em.findOne(OrderParties, { _id: payload.orderId });
      customerId ??= known?.customerId;
      storeId ??= known?.storeId;
    }
    if (!customerId || !storeId) throw new PartiesUnknownError(payload.orderId);
    const sellerId =
      payload.sellerId ?? (await em.findOne(StoreOwner, { _id: storeId }))?.ownerUserId;
    return { customerId, ...(sellerId ? { sellerId } : {}) };
  }

  /** A revoked key's endpoints stop at once: nothing is sent for a key that no longer holds. */
  private async keyRevoked(event: EventEnvelope): Promise<void> {
    const { apiKeyId } = decodeEvent(apiKeyRevoked, event).payload;
    const { endpoints } = webhookCollections(this.orm.em.fork());
    await endpoints.updateMany(
      { apiKeyId },
      {
        $set: { status: 'DISABLED', disabledReason: 'KEY_REVOKED', updatedAt: this.deps.now() },
        $inc: { revision: 1 },
      },
    );
  }
}
