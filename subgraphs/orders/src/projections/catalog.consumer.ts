import {
  type Consumption,
  type EventContract,
  type EventEnvelope,
  decodeEvent,
  rawDb,
  upsertProjection,
  upsertStockLevels,
} from '@bloom/kernel';
import {
  couponCreated,
  couponDeleted,
  couponUpdated,
  INVENTORY_STOCK_EVENTS,
  SELLABLE_STOCK_EVENTS,
  productCreated,
  productDeleted,
  productUpdated,
  storeClosed,
  storeOpened,
  storeReopened,
  storeSuspended,
  storeUpdated,
  type StoreStockLevel,
} from '@bloom/schema';
import type { EntityManager, MikroORM } from '@mikro-orm/mongodb';
import type { OrdersDeps } from '../orders.deps.js';

/** Applies one products or stores event to the projections orders prices checkouts from. */
export async function applyCatalogEvent(em: EntityManager, event: EventEnvelope): Promise<void> {
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
        recipe: p.recipe.map((r) => ({ flowerId: r.flowerId, count: r.count })),
      });
      return;
    }
    case storeOpened.type:
    case storeUpdated.type: {
      const s = decodeEvent(storeOpened, { ...event, type: storeOpened.type }).payload;
      await upsertProjection(db, 'store_projections', s.storeId, event, {
        ownerId: s.sellerId,
        name: s.name,
        regionCode: s.regionCode,
        status: s.status,
        deliveryFee: s.deliveryPolicy.fee,
        freeDeliveryThreshold: s.deliveryPolicy.freeDeliveryThreshold,
        sameDayCutoff: s.deliveryPolicy.sameDayCutoff,
        deliveryWindows: s.deliveryPolicy.windows.map((w) => ({ start: w.start, end: w.end })),
        closedWeekdays: s.businessHours?.closedWeekdays,
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
      await upsertProjection(db, 'store_projections', storeId, event, {
        ownerId: sellerId,
        status,
      });
      return;
    }
    case couponCreated.type:
    case couponUpdated.type: {
      const c = decodeEvent(couponCreated, { ...event, type: couponCreated.type }).payload;
      await upsertProjection(db, 'coupon_projections', c.couponId, event, {
        storeId: c.storeId,
        discountAmount: c.discountAmount,
        minOrderAmount: c.minOrderAmount,
        startsAt: new Date(c.startsAt),
        endsAt: new Date(c.endsAt),
        // An event from before coupons had the restriction lifts none: it had none.
        onlyFor: c.onlyFor ?? null,
      });
      return;
    }
    case couponDeleted.type: {
      const c = decodeEvent(couponDeleted, event).payload;
      await upsertProjection(db, 'coupon_projections', c.couponId, event, {
        storeId: c.storeId,
        discountAmount: 0,
        endsAt: new Date(0),
      });
      return;
    }
    default: {
      const contract = INVENTORY_STOCK_EVENTS.find((candidate) => candidate.type === event.type);
      if (!contract) return;
      // Every inventory event carries the resulting stock levels of the flowers it touched.
      const { payload } = decodeEvent(
        contract as EventContract<string, { storeId: string; stock: StoreStockLevel[] }>,
        event,
      );
      await upsertStockLevels(db, 'flower_stock_projections', payload.storeId, payload.stock);
    }
  }
}

export function startCatalogConsumers(orm: MikroORM, deps: OrdersDeps): Promise<Consumption[]> {
  // No processed-event claim: every projection write keeps the newest version (event version,
  // stock ledger seq), so a redelivered or late event changes nothing.
  const handle = (event: EventEnvelope) => applyCatalogEvent(orm.em.fork(), event);
  return Promise.all([
    deps.bus.consume({
      durable: 'orders-products-projection',
      types: [productCreated.type, productUpdated.type, productDeleted.type],
      handle,
    }),
    deps.bus.consume({
      durable: 'orders-stores-projection',
      types: [
        storeOpened.type,
        storeUpdated.type,
        storeSuspended.type,
        storeReopened.type,
        storeClosed.type,
        couponCreated.type,
        couponUpdated.type,
        couponDeleted.type,
      ],
      handle,
    }),
    deps.bus.consume({
      durable: 'orders-stock-projection',
      types: SELLABLE_STOCK_EVENTS.map((contract) => contract.type),
      handle,
    }),
  ]);
}
