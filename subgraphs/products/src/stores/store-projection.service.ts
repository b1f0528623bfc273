import {
  type EntityManager,
  type EventContract,
  type EventEnvelope,
  decodeEvent,
  isDuplicateKeyError,
  rawDb,
  retryOnConflict,
  unitsAvailable,
  upsertStockLevels,
} from '@bloom/kernel';
import {
  INVENTORY_STOCK_EVENTS,
  type StoreStockLevel,
  storeClosed,
  storeOpened,
  storeReopened,
  storeSuspended,
  storeUpdated,
} from '@bloom/schema';
import type { Filter, UpdateFilter } from 'mongodb';
import { Product, SaleStatus } from '../products/product.entity.js';
import { rankInputsOf } from '../products/product.repository.js';
import type { ProductsDeps } from '../products.deps.js';
import { RestockService } from '../restock/restock.service.js';
import { StoreDirectory, stockRankOf } from './store.directory.js';

interface StoreProjectionDoc {
  _id: string;
  ownerUserId: string;
  name: string;
  status: string;
  sequence: number;
  statusSequence: number;
  updatedAt: Date;
}

export const STORE_LIFECYCLE_EVENTS = [
  storeOpened,
  storeUpdated,
  storeSuspended,
  storeReopened,
  storeClosed,
] as const;

/**
 * Keeps products' view of the stores: who owns each store and whether it is open (from the
 * store lifecycle events; listings leave out products of stores that are not open), and each
 * store's flower stock (from the inventory events), from which products' in-stock rank and
 * restocks follow.
 */
export class StoreProjectionService {
  constructor(
    private readonly em: EntityManager,
    private readonly deps: ProductsDeps,
  ) {}

  async handle(event: EventEnvelope): Promise<void> {
    switch (event.type) {
      case storeOpened.type:
      case storeUpdated.type: {
        const { payload } = decodeEvent(
          event.type === storeOpened.type ? storeOpened : storeUpdated,
          event,
        );
        await this.setProfile(payload.storeId, payload.sellerId, payload.status, event.sequence, {
          name: payload.name,
        });
        return;
      }
      case storeSuspended.type: {
        const { payload } = decodeEvent(storeSuspended, event);
        return this.setStatus(payload.storeId, payload.sellerId, 'SUSPENDED', event.sequence);
      }
      case storeReopened.type: {
        const { payload } = decodeEvent(storeReopened, event);
        return this.setStatus(payload.storeId, payload.sellerId, 'OPEN', event.sequence);
      }
      case storeClosed.type: {
        const { payload } = decodeEvent(storeClosed, event);
        return this.setStatus(payload.storeId, payload.sellerId, 'CLOSED', event.sequence);
      }
      default: {
        const contract = INVENTORY_STOCK_EVENTS.find((candidate) => candidate.type === event.type);
        if (!contract) return;
        // Every inventory event carries the resulting stock levels of the flowers it touched.
        const stockContract = contract as EventContract<
          string,
          { storeId: string; stock: StoreStockLevel[] }
        >;
        const { payload } = decodeEvent(stockContract, event);
        await this.applyStock(payload.storeId, payload.stock, event);
      }
    }
  }

  /**
   * The store's profile (opened/updated snapshots), newest by the store document's sequence.
   * The snapshot's status only seeds a new projection: status changes come from the store's
   * status log, whose events are numbered by that log, so the two sequences are never compared.
   */
  private async setProfile(
    storeId: string,
    ownerUserId: string,
    status: string,
    sequence: number,
    profile: { name: string },
  ): Promise<void> {
    await this.upsertNewer(
      { _id: storeId, sequence: { $lt: sequence } },
      {
        $set: { ownerUserId, sequence, updatedAt: this.deps.now(), ...profile },
        $setOnInsert: { status, statusSequence: 0 },
      },
    );
  }

  /** Suspended, reopened or closed: newest by the status log's position. */
  private async setStatus(
    storeId: string,
    ownerUserId: string,
    status: string,
    statusSequence: number,
  ): Promise<void> {
    await this.upsertNewer(
      {
        _id: storeId,
        // Projections written before status had its own sequence have no statusSequence.
        $or: [{ statusSequence: { $lt: statusSequence } }, { statusSequence: { $exists: false } }],
      },
      {
        $set: { ownerUserId, status, statusSequence, updatedAt: this.deps.now() },
        $setOnInsert: { name: '', sequence: 0 },
      },
    );
  }

  private async upsertNewer(
    filter: Filter<StoreProjectionDoc>,
    update: UpdateFilter<StoreProjectionDoc>,
  ) {
    try {
      await rawDb(this.em)
        .collection<StoreProjectionDoc>('store_projections')
        .updateOne(filter, update, { upsert: true });
    } catch (error) {
      // The stored figure is newer: the upsert's insert collides with it.
      if (!isDuplicateKeyError(error)) throw error;
    }
  }

  /**
   * Stores the stock levels (highest ledger seq wins per flower), then re-ranks the store's
   * products that use those flowers. Restocks fire before the ranks are written, so a crash
   * in between is repaired by the redelivery, which sees the same transitions again.
   */
  private async applyStock(storeId: string, levels: StoreStockLevel[], event: EventEnvelope) {
    await upsertStockLevels(rawDb(this.em), 'flower_stock', storeId, levels);
    const flowerIds = [...new Set(levels.map((level) => level.flowerId))];
    if (flowerIds.length === 0) return;
    // Only what the rank needs, on every order's stock event: not the whole listing hydrated.
    const [products, levelsNow] = await Promise.all([
      rankInputsOf(this.em, storeId, flowerIds),
      new StoreDirectory(this.em).stockOf(storeId),
    ]);
    const changes = products
      .map((product) => ({
        product,
        rank: stockRankOf(unitsAvailable(product.recipe, levelsNow)),
      }))
      .filter(({ product, rank }) => product.stockRank !== rank);

    const restock = new RestockService(this.em, this.deps);
    for (const { product, rank } of changes) {
      if (rank === 0 && product.saleStatus === SaleStatus.ON_SALE) {
        const id = product._id.toHexString();
        await restock.fire(id, `${event.id}:${id}`, event.traceId);
      }
    }
    for (const { product } of changes) {
      // From a fresh copy, again if it loses to an edit: the seller may have changed the recipe.
      await retryOnConflict(this.em, async (em) => {
        const current = await em.findOne(Product, { _id: product._id });
        if (!current) return;
        current.stockRank = stockRankOf(unitsAvailable(current.recipe, levelsNow));
        await em.flush();
      });
    }
  }
}
