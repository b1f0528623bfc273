import {
  type EntityManager,
  type EventEnvelope,
  type Page,
  findPage,
  isDuplicateKeyError,
  newestFirst,
  recordEvent,
} from '@bloom/kernel';
import { type AdminActionPayload, auditEntryRecorded } from '@bloom/schema';
import type { FilterQuery } from '@mikro-orm/core';
import { type IdentityDeps, SOURCE } from '../identity.deps.js';
import { AuditEntryRecord } from './audit.entity.js';
import type { AuditLogFilter } from './audit.types.js';

const NEWEST_FIRST = newestFirst<AuditEntryRecord>(
  'at',
  (entry) => entry.at,
  (entry) => entry._id,
  'string',
);

export class AuditService {
  constructor(
    private readonly em: EntityManager,
    private readonly deps: IdentityDeps,
  ) {}

  /**
   * Stores the entry an admin-action event reports; returns false when it was already stored
   * (a redelivery), which the unique `_id` decides atomically.
   */
  async record(event: EventEnvelope<AdminActionPayload>): Promise<boolean> {
    const { payload } = event;
    const entry = Object.assign(new AuditEntryRecord(), {
      _id: event.id,
      at: new Date(event.occurredAt),
      actorId: payload.actorId,
      action: payload.action,
      targetKind: payload.targetKind,
      targetId: payload.targetId,
      targetLabel: payload.targetLabel,
      reason: payload.reason,
      source: event.source,
      recordedAt: this.deps.now(),
    });
    recordEvent(
      entry,
      auditEntryRecorded,
      // Derived from the entry, so the announcement is as unique as the entry itself.
      { source: SOURCE, subjectId: event.id, traceId: event.traceId, id: `audit:${event.id}` },
      {
        entryId: event.id,
        actorId: payload.actorId,
        action: payload.action,
        targetKind: payload.targetKind,
        targetId: payload.targetId,
      },
    );
    try {
      await this.em.insert(AuditEntryRecord, entry);
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
    this.deps.relay.kick(entry);
    return true;
  }

  /** Newest first, cursor after (at, id). */
  list(filter: AuditLogFilter, first: number, after?: string): Promise<Page<AuditEntryRecord>> {
    const where: FilterQuery<AuditEntryRecord>[] = [];
    if (filter.action) where.push({ action: filter.action });
    if (filter.targetKind) where.push({ targetKind: filter.targetKind });
    if (filter.targetId) where.push({ targetId: filter.targetId });
    if (filter.actorId) where.push({ actorId: filter.actorId });
    if (filter.from) where.push({ at: { $gte: filter.from } });
    if (filter.to) where.push({ at: { $lt: filter.to } });
    const base: FilterQuery<AuditEntryRecord> = where.length > 0 ? { $and: where } : {};
    return findPage(this.em, AuditEntryRecord, base, NEWEST_FIRST, first, after);
  }

  findByIds(ids: readonly string[]): Promise<AuditEntryRecord[]> {
    return this.em.find(AuditEntryRecord, { _id: { $in: [...ids] } });
  }
}
