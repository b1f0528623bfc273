import type { Db } from 'mongodb';
import { duplicateKeysOnly } from '../orm/insert-new.js';

/** One flower's sellable stems at a store and its position in the flower's stock ledger. */
export interface StockLevelFigure {
  flowerId: number;
  available: number;
  seq: number;
}

/** The `_id` of a store's flower in a stock projection. */
export const flowerStockId = (storeId: string, flowerId: number) => `${storeId}:${flowerId}`;

/**
 * Keeps each flower's newest level (highest ledger seq) in a stock projection, whatever order
 * the inventory events come in.
 */
export async function upsertStockLevels(
  db: Db,
  collectionName: string,
  storeId: string,
  levels: readonly StockLevelFigure[],
): Promise<void> {
  if (levels.length === 0) return;
  const stock = db.collection<{ _id: string }>(collectionName);
  try {
    // One round trip for all the flowers of the event.
    await stock.bulkWrite(
      levels.map((level) => ({
        updateOne: {
          filter: { _id: flowerStockId(storeId, level.flowerId), seq: { $lt: level.seq } },
          update: {
            $set: { storeId, flowerId: level.flowerId, available: level.available, seq: level.seq },
          },
          upsert: true,
        },
      })),
      { ordered: false },
    );
  } catch (error) {
    // A stored figure is newer: that upsert's insert collides with it, the others went on.
    if (duplicateKeysOnly(error) === null) throw error;
  }
}

/**
 * Units of a recipe the stock can make: the scarcest flower decides, min over lines of
 * ⌊available / count⌋. Unknown stock counts as none; an empty recipe makes 0.
 */
export function unitsAvailable(
  recipe: readonly { flowerId: number; count: number }[],
  stock: ReadonlyMap<number, number>,
): number {
  let units = Number.POSITIVE_INFINITY;
  for (const line of recipe) {
    units = Math.min(units, Math.floor((stock.get(line.flowerId) ?? 0) / line.count));
  }
  return Number.isFinite(units) ? units : 0;
}
