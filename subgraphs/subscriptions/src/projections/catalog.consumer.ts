import {
  type Consumption,
  type EventEnvelope,
  decodeEvent,
  rawDb,
  upsertProjection,
} from '@bloom/kernel';
import {
  productCreated,
  productDeleted,
  productUpdated,
  storeClosed,
  storeOpened,
  storeReopened,
  storeSuspended,
  storeUpdated,
} from '@bloom/schema';
import type { EntityManager, MikroORM } from '@mikro-orm/mongodb';
import { endSubscriptionsForGood } from '../subscriptions/subscription-lifecycle.js';
import type { SubscriptionsDeps } from '../subscriptions.deps.js';

/**
 * Applies one products or stores event to the projections subscribing reads. A deleted product
 * or a closed store also ends its subscriptions (the customers and seller are told).
 */
export async function applyCatalogEvent(
  em: EntityManager,
  deps: SubscriptionsDeps,
  event: EventEnvelope,
): Promise<void> {
  const db = rawDb(em);
  switch (event.type) {
    case productCreated.type:
    case productUpdated.type:
    case productDeleted.type: {
      const p = decodeEvent(productCreated, { ...event, type: productCreated.type }).payload;
      await upsertProjection(db, 'product_projections', p.productId, event, {
        storeId: p.storeId,
        name: p.name,
        price: p.price,
        status: event.type === productDeleted.type ? 'DELETED' : p.status,
        isSubscription: p.isSubscription,
      });
      if (event.type === productDeleted.type && p.isSubscription) {
        const of = { productId: p.productId };
        await endSubscriptionsForGood(em, deps, of, 'PRODUCT_DELETED', event.traceId);
      }
      return;
    }
    case storeOpened.type:
    case storeUpdated.type: {
      const s = decodeEvent(storeOpened, { ...event, type: storeOpened.type }).payload;
      await upsertProjection(db, 'store_projections', s.storeId, event, {
        sellerId: s.sellerId,
        name: s.name,
        status: s.status,
        deliveryFee: s.deliveryPolicy.fee,
        freeDeliveryThreshold: s.deliveryPolicy.freeDeliveryThreshold,
        windows: s.deliveryPolicy.windows.map((w) => `${w.start}-${w.end}`),
      });
      return;
    }
    case storeSuspended.type:
    case storeReopened.type:
    case storeClosed.type: {
      const { storeId, sellerId } = event.payload as { storeId: string; sellerId: string };
      const status =
        event.type === storeSuspended.type
          ? 'SUSPENDED'
          : event.type === storeClosed.type
            ? 'CLOSED'
            : 'OPEN';
      await upsertProjection(db, 'store_projections', storeId, event, { sellerId, status });
      if (status === 'CLOSED') {
        await endSubscriptionsForGood(em, deps, { storeId }, 'STORE_CLOSED', event.traceId);
      }
      return;
    }
    default:
      return;
  }
}

export function startCatalogConsumers(
  orm: MikroORM,
  deps: SubscriptionsDeps,
): Promise<Consumption[]> {
  const run = (durable: string) => (event: EventEnvelope) =>
    deps.processed
      .once(durable, event.id, () => applyCatalogEvent(orm.em.fork(), deps, event))
      .then(() => undefined);
  return Promise.all([
    deps.bus.consume({
      durable: 'subscriptions-products-projection',
      types: [productCreated.type, productUpdated.type, productDeleted.type],
      handle: run('subscriptions-products-projection'),
    }),
    deps.bus.consume({
      durable: 'subscriptions-stores-projection',
      types: [
        storeOpened.type,
        storeUpdated.type,
        storeSuspended.type,
        storeReopened.type,
        storeClosed.type,
      ],
      handle: run('subscriptions-stores-projection'),
    }),
  ]);
}
