import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

export type OutgoingStatus = 'PENDING' | 'SENT' | 'FAILED';

/**
 * One SMS, `_id` = `<eventId>:<recipientKey>:SMS`: its insert is the exactly-once claim for the
 * channel, and the same id is the provider's idempotency key.
 */
@Entity({ collection: 'sms_messages' })
@Index({ properties: ['status', 'notBefore'] })
export class SmsMessage {
  @PrimaryKey()
  _id!: string;

  @Property()
  to!: string;

  @Property()
  text!: string;

  @Property()
  urgent!: boolean;

  @Property()
  status!: OutgoingStatus;

  /** Quiet hours or a retry backoff: not sent before this. */
  @Property()
  notBefore!: Date;

  @Property()
  attempts: number = 0;

  @Property({ nullable: true })
  sentAt?: Date;

  @Property({ nullable: true })
  providerId?: string;

  @Property({ nullable: true })
  lastError?: string;

  @Property()
  createdAt!: Date;
}

/** One e-mail, `_id` = `<eventId>:<recipientKey>:EMAIL`, deduplicated the same way. */
@Entity({ collection: 'mail_messages' })
@Index({ properties: ['status', 'notBefore'] })
export class MailMessage {
  @PrimaryKey()
  _id!: string;

  @Property()
  to!: string;

  @Property()
  subject!: string;

  @Property()
  text!: string;

  @Property()
  status!: OutgoingStatus;

  @Property()
  notBefore!: Date;

  @Property()
  attempts: number = 0;

  @Property({ nullable: true })
  sentAt?: Date;

  @Property({ nullable: true })
  lastError?: string;

  @Property()
  createdAt!: Date;
}

/**
 * Who is sending a message right now (`_id` = the message id). Taken by insert, so the
 * immediate send and sweepers on several replicas never call the provider at once; a claim
 * older than the lease belongs to a crashed process and is taken over.
 */
@Entity({ collection: 'send_claims' })
export class SendClaim {
  @PrimaryKey()
  _id!: string;

  @Property()
  claimedAt!: Date;
}
