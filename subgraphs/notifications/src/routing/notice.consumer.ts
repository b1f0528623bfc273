import {
  type Consumption,
  type EntityManager,
  type EventBus,
  type EventEnvelope,
  type Logger,
  ProcessedEvents,
  decodeEvent,
  isDuplicateKeyError,
  rawDb,
  streamOf,
} from '@bloom/kernel';
import type { MikroORM } from '@mikro-orm/mongodb';
import { LIVE_SUBJECTS, type LiveOrderStatus, type LiveRestock } from '@bloom/schema';
import { OrderStatusChangeRecord, ProductRestockRecord } from '../live/live.entities.js';
import type { NoticeDispatcher } from '../notices/notice.dispatcher.js';
import type { NotificationsDeps } from '../notifications.deps.js';
import {
  Contact,
  OrderParties,
  ProductName,
  StoreOwner,
} from '../projections/projection.entities.js';
import { EVENT_ROUTES } from './event-routes.js';
import type { EventRoute, RouteActions } from './route.types.js';
import { upsertFields } from '../shared/upsert.js';

const CONSUMER = 'notifications-notices';

/**
 * Consumes every routed event (one durable consumer per stream) and runs its route. The
 * processed-event record makes a redelivery a no-op; the routes' effects are keyed by
 * (event, recipient, channel) as well, so even a handler retried after a partial failure
 * delivers each notice once.
 */
export class NoticeConsumer {
  private readonly consumptions: Consumption[] = [];
  private readonly routes = new Map<string, EventRoute>(
    EVENT_ROUTES.map((route) => [route.contract.type, route]),
  );

  constructor(
    private readonly orm: MikroORM,
    private readonly bus: EventBus,
    private readonly deps: NotificationsDeps,
    private readonly dispatcher: NoticeDispatcher,
    private readonly logger: Logger,
  ) {}

  async start(): Promise<void> {
    const byStream = new Map<string, string[]>();
    for (const route of EVENT_ROUTES) {
      const stream = streamOf(route.contract);
      byStream.set(stream, [...(byStream.get(stream) ?? []), route.contract.type]);
    }
    const processed = new ProcessedEvents(rawDb(this.orm.em));
    for (const [stream, types] of byStream) {
      this.consumptions.push(
        await this.bus.consume({
          durable: `notifications-${stream.toLowerCase()}`,
          types,
          concurrency: 8,
          handle: async (event) => {
            await processed.once(CONSUMER, event.id, () => this.handle(event));
          },
        }),
      );
    }
  }

  async stop(): Promise<void> {
    await Promise.all(this.consumptions.map((c) => c.stop()));
  }

  /** Runs the route for one event in its own EntityManager fork (exposed for tests). */
  async handle(event: EventEnvelope): Promise<void> {
    const route = this.routes.get(event.type);
    if (!route) return;
    const { payload } = decodeEvent(route.contract, event);
    await route.handle(payload, this.actions(this.orm.em.fork(), event));
  }

  private actions(em: EntityManager, event: EventEnvelope): RouteActions {
    const now = () => this.deps.now();
    const live = this.deps.live;
    const insertOnce = async (work: () => Promise<unknown>): Promise<boolean> => {
      try {
        await work();
        return true;
      } catch (error) {
        if (isDuplicateKeyError(error)) return false;
        throw error;
      }
    };
    return {
      em,
      event,
      notify: async (plan) => {
        await this.dispatcher.dispatch(em, event, plan);
      },
      mail: async (userId, mail) => {
        await this.dispatcher.mail(em, event, userId, mail);
      },
      rememberContact: async (userId, fields) => {
        // Last writer wins: contact details are not an invariant.
        await upsertFields(em, Contact, userId, { ...fields, updatedAt: now() });
      },
      rememberStoreOwner: async (storeId, ownerUserId, storeName) => {
        await upsertFields(em, StoreOwner, storeId, { ownerUserId, storeName });
      },
      storeOwner: async (storeId) => (await em.findOne(StoreOwner, { _id: storeId }))?.ownerUserId,
      rememberOrder: async (orderId, fields) => {
        await upsertFields(em, OrderParties, orderId, fields);
      },
      orderParties: async (orderId) => {
        const found = await em.findOne(OrderParties, { _id: orderId });
        return { customerId: found?.customerId, storeId: found?.storeId };
      },
      rememberProduct: async (productId, name) => {
        await upsertFields(em, ProductName, productId, { name });
      },
      facts: async ({ productId, storeId, orderId }) => {
        const nameOf = async (id: string | undefined) =>
          id ? (await em.findOne(ProductName, { _id: id }))?.name : undefined;
        const [productName, store, order] = await Promise.all([
          nameOf(productId),
          storeId ? em.findOne(StoreOwner, { _id: storeId }) : null,
          orderId ? em.findOne(OrderParties, { _id: orderId }) : null,
        ]);
        return {
          productName,
          storeName: store?.storeName,
          order: order
            ? {
                number: order.orderNumber,
                firstProductName: await nameOf(order.firstProductId),
                lineCount: order.lineCount,
                pickupAt: order.pickupAt,
              }
            : undefined,
        };
      },
      productRestocked: async ({ productId, storeId }) => {
        const first = await insertOnce(() =>
          em.insert(ProductRestockRecord, {
            _id: event.id,
            productId,
            storeId,
            restockedAt: new Date(event.occurredAt),
          }),
        );
        if (!first) return;
        const message: LiveRestock = { restockId: event.id, productId, storeId };
        live.publishLive(LIVE_SUBJECTS.restock, message);
      },
      orderStatusChanged: async (fact) => {
        const first = await insertOnce(() =>
          em.insert(OrderStatusChangeRecord, {
            _id: event.id,
            ...fact,
            changedAt: new Date(event.occurredAt),
          }),
        );
        if (!first) return;
        const message: LiveOrderStatus = {
          changeId: event.id,
          orderId: fact.orderId,
          status: fact.status,
          customerId: fact.customerId,
          sellerUserId: fact.sellerUserId,
        };
        live.publishLive(LIVE_SUBJECTS.orderStatus, message);
      },
    };
  }
}
