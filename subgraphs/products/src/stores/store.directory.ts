import { rawDb } from '@bloom/kernel';
import type { EntityManager } from '@mikro-orm/mongodb';
import { type FlowerStock, StoreProjection } from './store-projection.entities.js';

/** Read access to the store projection and the projected flower stock. */
export class StoreDirectory {
  constructor(private readonly em: EntityManager) {}

  byId(storeId: string): Promise<StoreProjection | null> {
    return this.em.findOne(StoreProjection, { _id: storeId });
  }

  /** The store a seller owns (one approved seller owns at most one store). */
  ownedBy(userId: string): Promise<StoreProjection | null> {
    return this.em.findOne(
      StoreProjection,
      { ownerUserId: userId },
      { orderBy: { updatedAt: 'desc' } },
    );
  }

  /** Stores whose products are not shown: suspended or closed (few, so one small query). */
  async hiddenStoreIds(): Promise<string[]> {
    const hidden = await this.em.find(
      StoreProjection,
      { status: { $ne: 'OPEN' } },
      { fields: ['_id'] },
    );
    return hidden.map((store) => store._id);
  }

  async isOpen(storeId: string): Promise<boolean> {
    return (await this.byId(storeId))?.status === 'OPEN';
  }

  /** flowerId → sellable stems at the store, as far as the projection knows. */
  async stockOf(storeId: string): Promise<Map<number, number>> {
    // Straight from the driver: read on every order's stock events, no entities needed.
    const rows = await rawDb(this.em)
      .collection<Pick<FlowerStock, 'storeId' | 'flowerId' | 'available'>>('flower_stock')
      .find({ storeId }, { projection: { _id: 0, flowerId: 1, available: 1 } })
      .toArray();
    return new Map(rows.map((row) => [row.flowerId, row.available]));
  }
}

export const stockRankOf = (units: number) => (units > 0 ? 0 : 1);
