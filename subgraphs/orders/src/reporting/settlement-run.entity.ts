import type { EventEnvelope, OutboxCarrier } from '@bloom/kernel';
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * One administrator's run of a month's settlement: an insert-only record carrying the run's
 * audit event, so the request is recorded exactly when it is stored. The settlements it makes
 * are idempotent inserts of their own; a run that stopped half-way is completed by running again.
 */
@Entity({ collection: 'settlement_runs' })
@Index({ properties: ['month', 'at'] })
export class SettlementRun implements OutboxCarrier {
  @PrimaryKey()
  _id!: string;

  @Property()
  month!: string;

  @Property()
  adminId!: string;

  @Property()
  at!: Date;

  @Property({ type: 'json' })
  outbox: EventEnvelope[] = [];

  @Property()
  eventSequence: number = 0;
}
