import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import type { ChainEntry } from '../shared/append-only.chain.js';

export type StockEntryKind = 'SET' | 'ADJUST' | 'RESERVE' | 'RELEASE' | 'COMMIT' | 'RESTOCK';

/**
 * One movement in a flower's stock ledger at one store, `_id = <storeId>:<flowerId>#<seq>`.
 * Entries are never changed: the latest one holds the balances (`available` can be sold,
 * `reserved` is held for orders not yet confirmed). Each balance is computed from the previous
 * entry by the one writer that won the position, so stock never goes negative under any
 * concurrency, and `op` (unique) makes each operation — a reservation per order, a seller's
 * adjustment — happen once.
 */
@Entity({ collection: 'stock_entries' })
@Unique({ properties: ['op'] })
@Index({ properties: ['storeId', 'at'] })
@Index({ properties: ['orderId'] })
export class StockEntry implements ChainEntry {
  @PrimaryKey()
  _id!: string;

  @Property()
  chain!: string;

  @Property()
  seq!: number;

  @Property()
  op!: string;

  @Property()
  at!: Date;

  @Property()
  storeId!: string;

  @Property()
  flowerId!: number;

  @Property()
  kind!: StockEntryKind;

  @Property()
  availableDelta!: number;

  @Property()
  reservedDelta!: number;

  @Property()
  available!: number;

  @Property()
  reserved!: number;

  @Property({ nullable: true })
  orderId?: string;

  @Property({ nullable: true })
  adjustmentId?: string;

  @Property({ nullable: true })
  actorId?: string;

  @Property({ nullable: true })
  reason?: string;
}
