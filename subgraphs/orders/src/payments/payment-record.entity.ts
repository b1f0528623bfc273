import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { type EntityManager, groupCommit, rawDb } from '@bloom/kernel';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum PaymentKind {
  CHARGE = 'CHARGE',
  REFUND = 'REFUND',
}
registerEnumType(PaymentKind, {
  name: 'PaymentKind',
  description: 'CHARGE: money taken (capture or billing-key charge); REFUND: voided or refunded.',
});

export enum PaymentRecordStatus {
  CAPTURED = 'CAPTURED',
  DECLINED = 'DECLINED',
  /** The provider refused the call itself (validation, wrong state). */
  FAILED = 'FAILED',
  /** No answer from the provider: reconciled later, which adds a record with the outcome. */
  UNKNOWN = 'UNKNOWN',
  /** Canceled before capture. */
  VOIDED = 'VOIDED',
  REFUNDED = 'REFUNDED',
  PARTIAL_REFUNDED = 'PARTIAL_REFUNDED',
}
registerEnumType(PaymentRecordStatus, { name: 'PaymentRecordStatus' });

/**
 * One answer of the payment provider to a call that moves money, append-only
 * (`_id` = `<orderId>:<kind>:<status>`): a retried call that gets the same answer records
 * nothing new, while an UNKNOWN capture later resolved keeps both records, in time order.
 */
@Entity({ collection: 'payment_records' })
@Index({ properties: ['orderId', 'at'] })
@ObjectType({ description: 'One payment attempt or refund of an order, as the provider answered.' })
export class PaymentRecord {
  @PrimaryKey()
  @Field(() => ID, { name: 'id' })
  _id!: string;

  @Property()
  orderId!: string;

  @Enum(() => PaymentKind)
  @Field(() => PaymentKind)
  kind!: PaymentKind;

  @Property()
  @Field(() => Int, { description: 'Whole won asked for (a refund: what it returned).' })
  amount!: number;

  @Enum(() => PaymentRecordStatus)
  @Field(() => PaymentRecordStatus)
  status!: PaymentRecordStatus;

  @Property()
  @Field()
  at!: Date;

  @Property({ nullable: true })
  @Field(() => String, { nullable: true, description: "The provider's payment key." })
  reference?: string;

  @Property({ nullable: true })
  @Field(() => String, { nullable: true, description: "The provider's reason for a refusal." })
  failureReason?: string;
}

export type PaymentRecordInput = Omit<PaymentRecord, '_id'>;

/** Appends what the provider answered; the same answer twice is one record. */
export async function recordPayment(em: EntityManager, record: PaymentRecordInput): Promise<void> {
  // Through the driver: written on every order's saga, and never read back by this unit of work.
  await groupCommit<{ _id: string }>(rawDb(em), 'payment_records').insertNew({
    ...record,
    _id: `${record.orderId}:${record.kind}:${record.status}`,
  });
}

/** An order's payment records, oldest first. */
export const paymentsOf = (em: EntityManager, orderId: string): Promise<PaymentRecord[]> =>
  em.find(PaymentRecord, { orderId }, { orderBy: { at: 'asc', _id: 'asc' } });
