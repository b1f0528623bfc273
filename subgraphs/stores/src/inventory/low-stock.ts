import { type EntityManager, isDuplicateKeyError, windowStart } from '@bloom/kernel';
import { inventoryLow } from '@bloom/schema';
import { storesEvent } from '../shared/outbox.js';
import type { StoresDeps } from '../stores.deps.js';
import { LowStockAlert } from './low-stock-alert.entity.js';
import type { StockLevel } from './stock.ledger.js';

/**
 * After stock went down: tells the seller about each flower now below the store's threshold,
 * once per window however many writers see it at the same time.
 */
export async function alertLowStock(
  em: EntityManager,
  deps: StoresDeps,
  store: { id: string; sellerId: string; lowStockThreshold: number },
  levels: readonly StockLevel[],
  traceId: string,
): Promise<void> {
  const now = deps.now();
  const start = windowStart(now, deps.config.LOW_STOCK_WINDOW_HOURS);
  let emitted = false;
  for (const level of levels) {
    if (level.available >= store.lowStockThreshold) continue;
    const event = storesEvent(
      inventoryLow,
      { subjectId: store.id, traceId, at: now },
      {
        storeId: store.id,
        sellerId: store.sellerId,
        flowerId: level.flowerId,
        available: level.available,
        threshold: store.lowStockThreshold,
        windowStart: start.toISOString(),
      },
    );
    try {
      await em.insert(LowStockAlert, {
        _id: `${store.id}:${level.flowerId}:${start.toISOString()}`,
        storeId: store.id,
        flowerId: level.flowerId,
        available: level.available,
        threshold: store.lowStockThreshold,
        windowStart: start,
        at: now,
        outbox: [event],
        eventSequence: 1,
      });
      emitted = true;
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }
  if (emitted) deps.relay.kick();
}
