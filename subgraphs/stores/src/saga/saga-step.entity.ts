import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import type { EventEnvelope } from '@bloom/kernel';

export type SagaStepName =
  | 'intent'
  | 'reserve'
  | 'settle'
  | 'settled'
  | 'restocked'
  | 'coupon'
  | 'couponReturn'
  | 'couponReturned';

/**
 * What stores did, or decided, for one step of an order's saga, `_id = <orderId>:<step>`.
 * Written once (the first writer wins) and never changed, so a redelivered or duplicated
 * command finds the step done; outcome steps carry the answer event to orders (outbox).
 *
 * - intent: the flowers and slot a reservation is about to take (written before taking them)
 * - reserve: RESERVED or REJECTED, with the seat booked
 * - settle: the decision COMMIT or RELEASE (written before applying it)
 * - settled / restocked: the decision applied; restocked = a committed order canceled
 * - coupon: REDEEMED or REJECTED; couponReturn: the decision to give it back; couponReturned
 */
@Entity({ collection: 'saga_steps' })
@Index({ properties: ['storeId', 'at'] })
export class SagaStep {
  @PrimaryKey()
  _id!: string;

  @Property()
  orderId!: string;

  @Property()
  storeId!: string;

  @Property()
  step!: SagaStepName;

  @Property()
  outcome!: string;

  @Property({ type: 'json' })
  data: Record<string, unknown> = {};

  @Property()
  at!: Date;

  @Property({ type: 'json' })
  outbox: EventEnvelope[] = [];

  @Property()
  eventSequence: number = 0;
}
