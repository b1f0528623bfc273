import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { type EntityManager, isDuplicateKeyError } from '@bloom/kernel';

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

/** Reads and records the steps of orders. */
export class SagaSteps {
  constructor(private readonly em: EntityManager) {}

  /** Records a step once; a second record (a retry, a duplicate event) is a no-op. */
  async mark(
    orderId: string,
    step: Step,
    at: Date,
    payment?: { paymentKey: string; approvalUrl?: string },
  ): Promise<void> {
    try {
      await this.em.insert(SagaStep, { _id: `${orderId}:${step}`, orderId, step, at, ...payment });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }

  async of(orderId: string): Promise<Map<Step, SagaStep>> {
    const steps = await this.em.find(SagaStep, { orderId }, { refresh: true });
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
