import type { AuditActionValue, AuditTargetKindValue } from '@bloom/schema';
import type { EventEnvelope, OutboxCarrier } from '@bloom/kernel';
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * One admin action, `_id` = the id of the event that reported it: the insert under the unique
 * `_id` is what makes a redelivered event record nothing twice. It carries its own outbox so
 * the entry and its `identity.auditEntry.recorded` announcement are one write.
 */
@Entity({ collection: 'audit_entries' })
@Index({ properties: ['at'] })
@Index({ properties: ['action', 'at'] })
@Index({ properties: ['targetKind', 'targetId', 'at'] })
@Index({ properties: ['actorId', 'at'] })
export class AuditEntryRecord implements OutboxCarrier {
  @PrimaryKey()
  _id!: string;

  @Property()
  at!: Date;

  @Property()
  actorId!: string;

  @Property()
  action!: AuditActionValue;

  @Property()
  targetKind!: AuditTargetKindValue;

  @Property()
  targetId!: string;

  @Property()
  targetLabel!: string;

  @Property({ nullable: true })
  reason?: string;

  /** The context that reported the action (the event's source). */
  @Property()
  source!: string;

  @Property()
  recordedAt: Date = new Date();

  @Property({ type: 'json' })
  outbox: EventEnvelope[] = [];

  @Property()
  eventSequence: number = 0;
}
