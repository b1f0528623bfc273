import {
  type Consumption,
  type EventBus,
  type EventEnvelope,
  ProcessedEvents,
  decodeEvent,
  rawDb,
} from '@bloom/kernel';
import { SELLABLE_STOCK_EVENTS, orderLineCompleted, productUpdated } from '@bloom/schema';
import type { EntityManager, MikroORM } from '@mikro-orm/mongodb';
import type { ProductsDeps } from './products.deps.js';
import { RestockService } from './restock/restock.service.js';
import { CompletedLineService } from './reviews/completed-line.service.js';
import {
  STORE_LIFECYCLE_EVENTS,
  StoreProjectionService,
} from './stores/store-projection.service.js';

/**
 * The events products consumes, each handled in its own EntityManager fork. Handlers run once
 * per event (processed-event record) where an effect could repeat; all are idempotent as well.
 */
export async function startConsumers(
  bus: EventBus,
  orm: MikroORM,
  deps: ProductsDeps,
): Promise<Consumption[]> {
  const processed = new ProcessedEvents(rawDb(orm.em));
  const once =
    (durable: string, work: (em: EntityManager, event: EventEnvelope) => Promise<void>) =>
    async (event: EventEnvelope) => {
      await processed.once(durable, event.id, () => work(orm.em.fork(), event));
    };

  return Promise.all([
    // Store ownership, status and flower stock, in order (one at a time). No processed-event
    // claim (two writes on every order's stock events): each write keeps the newest version
    // (store sequence, ledger seq), ranks are recomputed from the stock as stored and a restock
    // is keyed by its event, so a redelivery changes nothing.
    bus.consume({
      durable: 'products-stores',
      types: [...STORE_LIFECYCLE_EVENTS, ...SELLABLE_STOCK_EVENTS].map((contract) => contract.type),
      // Stock events are per order, a product's rank and restock read the whole store's
      // stock: one writer only.
      concurrency: 1,
      handle: (event) => new StoreProjectionService(orm.em.fork(), deps).handle(event),
    }),
    // Completed order lines: review eligibility and sales counts.
    bus.consume({
      durable: 'products-order-lines',
      types: [orderLineCompleted.type],
      concurrency: 4,
      handle: once('products-order-lines', async (em, event) => {
        await new CompletedLineService(em).record(decodeEvent(orderLineCompleted, event).payload);
      }),
    }),
    // A seller put a product back on sale: notify who waits for it.
    bus.consume({
      durable: 'products-restock',
      types: [productUpdated.type],
      handle: once('products-restock', async (em, event) => {
        const { payload } = decodeEvent(productUpdated, event);
        if (payload.status !== 'ON_SALE' || payload.previousStatus === 'ON_SALE') {
          return;
        }
        await new RestockService(em, deps).fire(
          payload.productId,
          `${event.id}:${payload.productId}`,
          event.traceId,
        );
      }),
    }),
  ]);
}
