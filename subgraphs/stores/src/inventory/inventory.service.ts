import { randomUUID } from 'node:crypto';
import {
  type EntityManager,
  InvalidInputError,
  type Page,
  findPage,
  isDuplicateKeyError,
  newestFirst,
  simpleError,
} from '@bloom/kernel';
import { inventoryAdjusted } from '@bloom/schema';
import type { FilterQuery } from '@mikro-orm/core';
import { storesEvent } from '../shared/outbox.js';
import { FLOWER_IDS, isFlowerId } from '../shared/reference.data.js';
import type { Store } from '../stores/store.entity.js';
import type { StoresDeps } from '../stores.deps.js';
import {
  type FlowerDeltaInput,
  type FlowerQuantityInput,
  InventoryItem,
  InventoryUpdate,
  type StockShortage,
} from './inventory.types.js';
import { InsufficientStockError } from './inventory.errors.js';
import { alertLowStock } from './low-stock.js';
import { StockAdjustment } from './stock-adjustment.entity.js';
import { StockEntry } from './stock-entry.entity.js';
import { type StockLedger, type StockLevel, stockKey } from './stock.ledger.js';

const MAX_STOCK = 1_000_000;

const NEWEST_FIRST = newestFirst<StockEntry>(
  'at',
  (entry) => entry.at,
  (entry) => entry._id,
  'string',
);

export const toInventoryItem = (level: StockLevel, threshold: number): InventoryItem =>
  Object.assign(new InventoryItem(), {
    flowerId: level.flowerId,
    available: level.available,
    reserved: level.reserved,
    onHand: level.available + level.reserved,
    low: level.available < threshold,
    updatedAt: level.updatedAt ?? undefined,
  });

const inventoryUpdate = (
  adjustmentId: string,
  changes: { flowerId: number; delta: number }[],
  items: InventoryItem[],
) => Object.assign(new InventoryUpdate(), { adjustmentId, changes, items });

/** Stock levels as events carry them: the figure and its ledger position. */
export const stockPayload = (levels: Iterable<StockLevel>) =>
  [...levels].map((l) => ({ flowerId: l.flowerId, available: l.available, seq: l.seq }));

function checkFlowers(ids: number[], field: string): InvalidInputError | null {
  if (ids.length === 0) return InvalidInputError.of(field, 'Name at least one flower.', 'EMPTY');
  if (ids.some((id) => !isFlowerId(id))) {
    return InvalidInputError.of(field, 'Flower ids are 1 to 22.', 'UNKNOWN_FLOWER');
  }
  if (new Set(ids).size !== ids.length) {
    return InvalidInputError.of(field, 'Name each flower once.', 'DUPLICATE_FLOWER');
  }
  return null;
}

/** The seller's side of flower stock: setting and adjusting quantities, and the ledger. */
export class InventoryService {
  constructor(
    private readonly em: EntityManager,
    private readonly deps: StoresDeps,
    private readonly ledger: StockLedger,
  ) {}

  async levels(store: Store): Promise<StockLevel[]> {
    const levels = await this.ledger.levels(
      FLOWER_IDS.map((flowerId) => ({ storeId: store.id, flowerId })),
    );
    return FLOWER_IDS.map((flowerId) => levels.get(stockKey(store.id, flowerId)) as StockLevel);
  }

  /** Sets sellable quantities; flowers already at the given quantity are left alone. */
  async setStock(
    store: Store,
    actorId: string,
    items: FlowerQuantityInput[],
    requestId: string | undefined,
    reason: string | undefined,
    traceId: string,
  ): Promise<InventoryUpdate | InvalidInputError> {
    const problem =
      checkFlowers(
        items.map((i) => i.flowerId),
        'items',
      ) ??
      (items.some(
        (i) => !Number.isInteger(i.available) || i.available < 0 || i.available > MAX_STOCK,
      )
        ? InvalidInputError.of('items', `Quantities are 0 to ${MAX_STOCK}.`, 'OUT_OF_RANGE')
        : null);
    if (problem) return problem;
    const adjustmentId = requestId ?? randomUUID();
    const done = await this.findAdjustment(store, adjustmentId);
    if (done) return done;

    const at = this.deps.now();
    const current = await this.ledger.levels(
      items.map((i) => ({ storeId: store.id, flowerId: i.flowerId })),
    );
    const entries = await Promise.all(
      items
        .filter((i) => current.get(stockKey(store.id, i.flowerId))?.available !== i.available)
        .map((i) =>
          this.ledger.set(
            { storeId: store.id, flowerId: i.flowerId },
            i.available,
            adjustmentId,
            actorId,
            at,
            reason,
          ),
        ),
    );
    const changes = entries
      .filter((e): e is StockEntry => e !== null)
      .map((e) => ({ flowerId: e.flowerId, delta: e.availableDelta }));
    return this.record(store, adjustmentId, actorId, reason, changes, traceId);
  }

  /**
   * Adds or removes stems, all or nothing: removals go first (only they can fail) and are put
   * back if one of them would take a flower below zero; additions cannot fail.
   */
  async adjustStock(
    store: Store,
    actorId: string,
    items: FlowerDeltaInput[],
    requestId: string | undefined,
    reason: string | undefined,
    traceId: string,
  ): Promise<InventoryUpdate | InvalidInputError | InsufficientStockError> {
    const problem =
      checkFlowers(
        items.map((i) => i.flowerId),
        'items',
      ) ??
      (items.some(
        (i) => !Number.isInteger(i.delta) || i.delta === 0 || Math.abs(i.delta) > MAX_STOCK,
      )
        ? InvalidInputError.of('items', `Deltas are non-zero, up to ${MAX_STOCK}.`, 'OUT_OF_RANGE')
        : null);
    if (problem) return problem;
    const adjustmentId = requestId ?? randomUUID();
    const done = await this.findAdjustment(store, adjustmentId);
    if (done) return done;

    const at = this.deps.now();
    const ordered = [...items].sort((a, b) => a.delta - b.delta);
    const applied: StockEntry[] = [];
    for (const item of ordered) {
      const key = { storeId: store.id, flowerId: item.flowerId };
      const outcome = await this.ledger.adjust(key, item.delta, adjustmentId, actorId, at, reason);
      if (outcome.ok) {
        applied.push(outcome.entry);
        continue;
      }
      const shortage: StockShortage = {
        flowerId: item.flowerId,
        requested: -item.delta,
        available: outcome.available,
      };
      for (const entry of applied) {
        // Undoing a removal adds stems back, which cannot fail.
        await this.ledger.adjust(
          { storeId: store.id, flowerId: entry.flowerId },
          -entry.availableDelta,
          `${adjustmentId}:undo`,
          actorId,
          at,
          'undo',
        );
      }
      return Object.assign(
        simpleError(
          InsufficientStockError,
          'INSUFFICIENT_STOCK',
          'Not enough stock to remove that many stems; nothing changed.',
        ),
        { shortages: [shortage] },
      );
    }
    const changes = applied.map((e) => ({ flowerId: e.flowerId, delta: e.availableDelta }));
    return this.record(store, adjustmentId, actorId, reason, changes, traceId);
  }

  /** Movements newest first, optionally of one flower. */
  history(
    store: Store,
    flowerId: number | undefined,
    first: number,
    after?: string,
  ): Promise<Page<StockEntry>> {
    const where: FilterQuery<StockEntry>[] = [{ storeId: store.id }];
    if (flowerId !== undefined) where.push({ flowerId });
    return findPage(this.em, StockEntry, { $and: where }, NEWEST_FIRST, first, after);
  }

  private async findAdjustment(
    store: Store,
    adjustmentId: string,
  ): Promise<InventoryUpdate | null> {
    const found = await this.em.findOne(StockAdjustment, { _id: `${store.id}:${adjustmentId}` });
    if (!found) return null;
    return this.update(store, adjustmentId, found.changes);
  }

  private async update(
    store: Store,
    adjustmentId: string,
    changes: { flowerId: number; delta: number }[],
  ): Promise<InventoryUpdate> {
    const levels = await this.ledger.levels(
      changes.map((c) => ({ storeId: store.id, flowerId: c.flowerId })),
    );
    return inventoryUpdate(
      adjustmentId,
      changes,
      [...levels.values()].map((l) => toInventoryItem(l, store.lowStockThreshold)),
    );
  }

  /** Stores the adjustment with its event once every ledger entry is in. */
  private async record(
    store: Store,
    adjustmentId: string,
    actorId: string,
    reason: string | undefined,
    changes: { flowerId: number; delta: number }[],
    traceId: string,
  ): Promise<InventoryUpdate> {
    if (changes.length === 0) return inventoryUpdate(adjustmentId, changes, []);
    const at = this.deps.now();
    const levels = await this.ledger.levels(
      changes.map((c) => ({ storeId: store.id, flowerId: c.flowerId })),
    );
    const result = inventoryUpdate(
      adjustmentId,
      changes,
      [...levels.values()].map((l) => toInventoryItem(l, store.lowStockThreshold)),
    );
    const event = storesEvent(
      inventoryAdjusted,
      { subjectId: store.id, traceId, at },
      {
        storeId: store.id,
        adjustmentId,
        actorId,
        reason: reason ?? null,
        changes,
        stock: stockPayload(levels.values()),
      },
    );
    try {
      await this.em.insert(StockAdjustment, {
        _id: `${store.id}:${adjustmentId}`,
        storeId: store.id,
        adjustmentId,
        actorId,
        reason,
        changes,
        at,
        outbox: [event],
        eventSequence: 1,
      });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
    this.deps.relay.kick('stock_adjustments', `${store.id}:${adjustmentId}`);
    const decreased = [...levels.values()].filter((l) =>
      changes.some((c) => c.flowerId === l.flowerId && c.delta < 0),
    );
    await alertLowStock(this.em, this.deps, store, decreased, traceId);
    return result;
  }
}
