import type { Db } from 'mongodb';
import { AppendOnlyChain, type ChainHead } from '../shared/append-only.chain.js';
import type { StockEntry, StockEntryKind } from './stock-entry.entity.js';

export interface StockLevel {
  flowerId: number;
  available: number;
  reserved: number;
  /** Ledger position of this figure; 0 before any movement. */
  seq: number;
  updatedAt: Date | null;
}

export interface StockKey {
  storeId: string;
  flowerId: number;
}

export const stockKey = (storeId: string, flowerId: number) => `${storeId}:${flowerId}`;

const levelOf = (flowerId: number, head: ChainHead<StockEntry>): StockLevel => ({
  flowerId,
  available: head.entry?.available ?? 0,
  reserved: head.entry?.reserved ?? 0,
  seq: head.seq,
  updatedAt: head.entry?.at ?? null,
});

/** The stock level a ledger entry leaves behind. */
export const levelAfter = (entry: StockEntry): StockLevel =>
  levelOf(entry.flowerId, { seq: entry.seq, entry });

type Movement = Pick<
  StockEntry,
  | 'storeId'
  | 'flowerId'
  | 'kind'
  | 'availableDelta'
  | 'reservedDelta'
  | 'available'
  | 'reserved'
  | 'orderId'
  | 'adjustmentId'
  | 'actorId'
  | 'reason'
>;

function movement(
  key: StockKey,
  head: ChainHead<StockEntry>,
  kind: StockEntryKind,
  availableDelta: number,
  reservedDelta: number,
  refs: Pick<StockEntry, 'orderId' | 'adjustmentId' | 'actorId' | 'reason'> = {},
): { append: Movement } {
  return {
    append: {
      storeId: key.storeId,
      flowerId: key.flowerId,
      kind,
      availableDelta,
      reservedDelta,
      available: (head.entry?.available ?? 0) + availableDelta,
      reserved: (head.entry?.reserved ?? 0) + reservedDelta,
      ...refs,
    },
  };
}

export type ReserveOutcome =
  { ok: true; entry: StockEntry; created: boolean } | { ok: false; available: number };

/**
 * Flower stock per store as an append-only ledger (see AppendOnlyChain). Operations on an
 * order are keyed by the order id, so a redelivered command never moves stock twice, and a
 * commit and a release of the same reservation share one key: only one of them can happen.
 */
export class StockLedger {
  private readonly chain: AppendOnlyChain<StockEntry>;

  constructor(db: Db) {
    this.chain = new AppendOnlyChain<StockEntry>(db, 'stock', 'stock_entries');
  }

  /** Ledger positions this instance lost to other writers (contention gauge). */
  get conflicts(): number {
    return this.chain.conflicts;
  }

  async level(storeId: string, flowerId: number): Promise<StockLevel> {
    return levelOf(flowerId, await this.chain.head(stockKey(storeId, flowerId)));
  }

  async levels(keys: readonly StockKey[]): Promise<Map<string, StockLevel>> {
    const heads = await this.chain.headsOf(keys.map((k) => stockKey(k.storeId, k.flowerId)));
    return new Map(
      keys.map((k) => {
        const id = stockKey(k.storeId, k.flowerId);
        return [id, levelOf(k.flowerId, heads.get(id) ?? { seq: 0, entry: null })];
      }),
    );
  }

  /** Holds `quantity` stems for an order, or reports what is available. */
  async reserve(
    key: StockKey,
    orderId: string,
    quantity: number,
    at: Date,
    /** First attempt for this order: no earlier reservation can exist. */
    fresh = false,
  ): Promise<ReserveOutcome> {
    const id = stockKey(key.storeId, key.flowerId);
    const result = await this.chain.append<number>(
      id,
      `${id}:RESERVE:${orderId}`,
      at,
      (head) => {
        const available = head.entry?.available ?? 0;
        return available >= quantity
          ? movement(key, head, 'RESERVE', -quantity, quantity, { orderId })
          : { refuse: available };
      },
      fresh,
    );
    if (result.status === 'refused') return { ok: false, available: result.refusal };
    return { ok: true, entry: result.entry, created: result.status === 'appended' };
  }

  /** The order's reservation of this flower, if it was ever made. */
  reservation(key: StockKey, orderId: string): Promise<StockEntry | null> {
    const id = stockKey(key.storeId, key.flowerId);
    return this.chain.applied(`${id}:RESERVE:${orderId}`);
  }

  /**
   * Ends a reservation: COMMIT consumes the held stems (the order is confirmed), RELEASE puts
   * them back on sale. Returns the settling entry, or null when nothing was reserved.
   */
  async settle(
    key: StockKey,
    orderId: string,
    kind: 'COMMIT' | 'RELEASE',
    at: Date,
    reason?: string,
    /** The caller's decision was just taken: no earlier settlement can exist. */
    fresh = false,
  ): Promise<StockEntry | null> {
    const reservation = await this.reservation(key, orderId);
    if (!reservation) return null;
    const quantity = reservation.reservedDelta;
    const id = stockKey(key.storeId, key.flowerId);
    const result = await this.chain.append<never>(
      id,
      `${id}:SETTLE:${orderId}`,
      at,
      (head) =>
        movement(key, head, kind, kind === 'RELEASE' ? quantity : 0, -quantity, {
          orderId,
          reason,
        }),
      fresh,
    );
    return result.status === 'refused' ? null : result.entry;
  }

  /** The entry that settled the order's reservation of this flower, if any. */
  settlement(key: StockKey, orderId: string): Promise<StockEntry | null> {
    const id = stockKey(key.storeId, key.flowerId);
    return this.chain.applied(`${id}:SETTLE:${orderId}`);
  }

  /** A confirmed order was canceled: its committed stems go back on sale. */
  async restock(key: StockKey, orderId: string, at: Date, reason?: string) {
    const committed = await this.settlement(key, orderId);
    if (!committed || committed.kind !== 'COMMIT') return null;
    const quantity = -committed.reservedDelta;
    const id = stockKey(key.storeId, key.flowerId);
    const result = await this.chain.append<never>(id, `${id}:RESTOCK:${orderId}`, at, (head) =>
      movement(key, head, 'RESTOCK', quantity, 0, { orderId, reason }),
    );
    return result.status === 'refused' ? null : result.entry;
  }

  /** Seller: set the sellable quantity; returns null when it already was that. */
  async set(
    key: StockKey,
    available: number,
    adjustmentId: string,
    actorId: string,
    at: Date,
    reason?: string,
  ): Promise<StockEntry | null> {
    const id = stockKey(key.storeId, key.flowerId);
    const result = await this.chain.append<true>(id, `${id}:ADJUST:${adjustmentId}`, at, (head) => {
      const delta = available - (head.entry?.available ?? 0);
      return delta === 0
        ? { refuse: true }
        : movement(key, head, 'SET', delta, 0, { adjustmentId, actorId, reason });
    });
    return result.status === 'refused' ? null : result.entry;
  }

  /** Seller: add or remove stems; refuses to go below zero. */
  async adjust(
    key: StockKey,
    delta: number,
    adjustmentId: string,
    actorId: string,
    at: Date,
    reason?: string,
  ): Promise<ReserveOutcome> {
    const id = stockKey(key.storeId, key.flowerId);
    const result = await this.chain.append<number>(
      id,
      `${id}:ADJUST:${adjustmentId}`,
      at,
      (head) => {
        const available = head.entry?.available ?? 0;
        return available + delta < 0
          ? { refuse: available }
          : movement(key, head, 'ADJUST', delta, 0, { adjustmentId, actorId, reason });
      },
    );
    if (result.status === 'refused') return { ok: false, available: result.refusal };
    return { ok: true, entry: result.entry, created: result.status === 'appended' };
  }
}
