import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { type EntityManager, type GroupCommit, groupCommit, rawDb } from '@bloom/kernel';
import type { Collection } from 'mongodb';

/**
 * What the saga has achieved for an order, one insert-only document per step
 * (`_id` = `<orderId>:<step>`). Kept out of the order document on purpose: the steps are the
 * saga's history (the admin's view of an order's story reads them), and an inserted step is
 * decided once by its unique id, whoever races to record it.
 */
export enum Step {
  RESERVED = 'RESERVED',
  COUPON_REDEEMED = 'COUPON_REDEEMED',
  /** Written before the first provider call: money may be involved from here on. */
  PAYMENT_STARTED = 'PAYMENT_STARTED',
  /** The provider's payment key (and, for easy pay, its approval page), from ready(). */
  PAYMENT_READY = 'PAYMENT_READY',
  CAPTURED = 'CAPTURED',
  /** A capture whose outcome the provider did not report; resolved through findByOrder. */
  CAPTURE_UNKNOWN = 'CAPTURE_UNKNOWN',
  /** The payment of a failed or canceled order was voided or refunded. */
  PAYMENT_RELEASED = 'PAYMENT_RELEASED',
}

@Entity({ collection: 'saga_steps' })
@Index({ properties: ['orderId'] })
@Index({ properties: ['step', 'at'] })
export class SagaStep {
  @PrimaryKey()
  _id!: string;

  @Property()
  orderId!: string;

  @Property()
  step!: Step;

  @Property()
  at!: Date;

  @Property({ nullable: true })
  paymentKey?: string;

  /** Easy pay: the provider's page the customer approves on. */
  @Property({ nullable: true })
  approvalUrl?: string;
}

/** A recorded step as read back (the stored document). */
export type SagaStepRecord = Pick<
  SagaStep,
  '_id' | 'orderId' | 'step' | 'at' | 'paymentKey' | 'approvalUrl'
>;

/**
 * Reads and records the steps of orders, through the driver: the saga writes several per
 * order on its hot path and reads them back as plain records, so the ORM's unit of work would
 * only add cost.
 */
export class SagaSteps {
  private readonly collection: Collection<SagaStepRecord>;
  /** Steps of the orders handled meanwhile share a round trip. */
  private readonly writes: GroupCommit<SagaStepRecord>;

  constructor(private readonly em: EntityManager) {
    const db = rawDb(em);
    this.collection = db.collection<SagaStepRecord>('saga_steps');
    this.writes = groupCommit<SagaStepRecord>(db, 'saga_steps');
  }

  /** Records steps once; a second record (a retry, a duplicate event) is a no-op. */
  async mark(
    orderId: string,
    steps: Step | readonly Step[],
    at: Date,
    payment?: { paymentKey: string; approvalUrl?: string },
  ): Promise<void> {
    const list: readonly Step[] = typeof steps === 'string' ? [steps] : steps;
    await this.writes.insertAllNew(
      list.map((step) => ({
        _id: `${orderId}:${step}`,
        orderId,
        step,
        at,
        ...(payment?.paymentKey ? { paymentKey: payment.paymentKey } : {}),
        ...(payment?.approvalUrl ? { approvalUrl: payment.approvalUrl } : {}),
      })),
    );
  }

  async of(orderId: string): Promise<Map<Step, SagaStepRecord>> {
    const steps = await this.collection.find({ orderId }).toArray();
    return new Map(steps.map((s) => [s.step, s]));
  }

  /** Orders that started a payment and have not had it released. */
  async holdingPayment(orderIds: string[]): Promise<Set<string>> {
    if (orderIds.length === 0) return new Set();
    const steps = await this.em.find(
      SagaStep,
      { orderId: { $in: orderIds }, step: { $in: [Step.PAYMENT_STARTED, Step.PAYMENT_RELEASED] } },
      { refresh: true },
    );
    const released = new Set(
      steps.filter((s) => s.step === Step.PAYMENT_RELEASED).map((s) => s.orderId),
    );
    return new Set(
      steps
        .filter((s) => s.step === Step.PAYMENT_STARTED && !released.has(s.orderId))
        .map((s) => s.orderId),
    );
  }
}
