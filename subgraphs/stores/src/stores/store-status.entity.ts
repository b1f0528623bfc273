import { Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import type { EventEnvelope } from '@bloom/kernel';
import type { ChainEntry } from '../shared/append-only.chain.js';
import { StoreStatus } from './store.entity.js';

/**
 * The store's status history, one insert per transition (`_id = <storeId>#<seq>`). Two
 * administrators acting at once cannot both move the store from the same state: only one
 * insert takes the next position. Each entry carries the event it emits (outbox).
 */
@Entity({ collection: 'store_status_log' })
@Unique({ properties: ['op'] })
@Index({ properties: ['storeId'] })
export class StoreStatusEntry implements ChainEntry {
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

  @Enum(() => StoreStatus)
  status!: StoreStatus;

  @Property({ nullable: true })
  reason?: string;

  @Property()
  actorId!: string;

  @Property({ type: 'json' })
  outbox: EventEnvelope[] = [];

  @Property()
  eventSequence: number = 0;
}
