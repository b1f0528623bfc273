import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '@bloom/kernel';
import {
  type AuditActionValue,
  storeClosed,
  storeReopened,
  storeSuspended,
  storesAdminActionRecorded,
} from '@bloom/schema';
import type { Db } from 'mongodb';
import { AppendOnlyChain, type ChainEntry } from '../shared/append-only.chain.js';
import { storesEvent } from '../shared/outbox.js';
import { StoreStatus } from './store.entity.js';

export interface StoreStatusDoc extends ChainEntry {
  storeId: string;
  status: StoreStatus;
  reason?: string;
  actorId: string;
  outbox: EventEnvelope[];
  eventSequence: number;
}

export interface CurrentStatus {
  status: StoreStatus;
  /** Position in the log; 0 = as created (OPEN). */
  version: number;
}

const AUDIT_ACTION: Record<
  StoreStatus.SUSPENDED | StoreStatus.OPEN | StoreStatus.CLOSED,
  AuditActionValue
> = {
  [StoreStatus.SUSPENDED]: 'STORE_SUSPENDED',
  [StoreStatus.OPEN]: 'STORE_REOPENED',
  [StoreStatus.CLOSED]: 'STORE_CLOSED',
};

export type StatusChange =
  | { to: StoreStatus.SUSPENDED; reason: string }
  | { to: StoreStatus.OPEN }
  | { to: StoreStatus.CLOSED };

/**
 * The authority on whether a store sells. Transitions are inserts at the next position of the
 * store's log, so concurrent transitions from the same state cannot both happen, and each
 * entry carries its event.
 */
export class StoreStatusLog {
  private readonly chain: AppendOnlyChain<StoreStatusDoc>;

  constructor(db: Db) {
    this.chain = new AppendOnlyChain<StoreStatusDoc>(db, 'status', 'store_status_log');
  }

  async current(storeId: string): Promise<CurrentStatus> {
    const head = await this.chain.head(storeId);
    return { status: head.entry?.status ?? StoreStatus.OPEN, version: head.seq };
  }

  async currentOf(storeIds: readonly string[]): Promise<Map<string, CurrentStatus>> {
    const heads = await this.chain.headsOf(storeIds);
    return new Map(
      [...heads].map(([id, head]) => [
        id,
        { status: head.entry?.status ?? StoreStatus.OPEN, version: head.seq },
      ]),
    );
  }

  /**
   * Moves the store if its current status is one of `from`; otherwise returns the current
   * status unchanged (someone else moved it first, or the move is not allowed). `opKey` makes
   * the move idempotent (e.g. the id of the event that caused it): a retry with the same key
   * returns the entry it appended the first time instead of moving the store again. Without
   * one every call is a new operation. With `byAdmin` the entry also carries the audit event
   * of the admin's action, so the move and its audit record are one insert.
   */
  async transition(
    store: { id: string; sellerId: string; name: string },
    change: StatusChange,
    from: readonly StoreStatus[],
    actorId: string,
    traceId: string,
    at: Date,
    opKey: string = randomUUID(),
    byAdmin = false,
  ): Promise<
    { changed: true; entry: StoreStatusDoc } | { changed: false; current: CurrentStatus }
  > {
    const result = await this.chain.append<CurrentStatus>(
      store.id,
      `${store.id}:${opKey}`,
      at,
      (head) => {
        const status = head.entry?.status ?? StoreStatus.OPEN;
        if (!from.includes(status)) return { refuse: { status, version: head.seq } };
        const meta = { subjectId: store.id, traceId, at, sequence: head.seq + 1 };
        const base = { storeId: store.id, sellerId: store.sellerId };
        const event =
          change.to === StoreStatus.SUSPENDED
            ? storesEvent(storeSuspended, meta, {
                ...base,
                reason: change.reason,
                suspendedBy: actorId,
              })
            : change.to === StoreStatus.OPEN
              ? storesEvent(storeReopened, meta, { ...base, reopenedBy: actorId })
              : storesEvent(storeClosed, meta, { ...base, closedBy: actorId });
        const reason = change.to === StoreStatus.SUSPENDED ? change.reason : undefined;
        const outbox: EventEnvelope[] = [event];
        if (byAdmin) {
          outbox.push(
            storesEvent(storesAdminActionRecorded, meta, {
              actorId,
              action: AUDIT_ACTION[change.to],
              targetKind: 'STORE',
              targetId: store.id,
              targetLabel: store.name,
              // Stored as null when present but undefined, which the contract refuses.
              ...(reason === undefined ? {} : { reason }),
            }),
          );
        }
        return {
          append: {
            storeId: store.id,
            status: change.to,
            reason,
            actorId,
            outbox,
            eventSequence: outbox.length,
          },
        };
      },
    );
    if (result.status === 'refused') return { changed: false, current: result.refusal };
    return { changed: true, entry: result.entry };
  }
}
