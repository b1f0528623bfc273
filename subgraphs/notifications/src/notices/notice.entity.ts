import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { NoticeKind } from './notice-kind.js';

/** `user:<id>` or `audience:ADMINS`: the key inbox queries and dedupe keys use. */
export type RecipientKey = `user:${string}` | 'audience:ADMINS';
export const ADMINS_KEY: RecipientKey = 'audience:ADMINS';
export const userKey = (userId: string): RecipientKey => `user:${userId}`;

/**
 * One in-app notice. `_id` is `<eventId>:<recipientKey>`, so inserting it is the exactly-once
 * claim for the in-app channel (and for the live push that follows the first insert).
 */
@Entity({ collection: 'notices' })
@Index({ properties: ['recipient', 'createdAt'] })
@Index({ properties: ['orderId', 'createdAt'] })
export class Notice {
  @PrimaryKey()
  _id!: string;

  @Property()
  recipient!: RecipientKey;

  @Enum(() => NoticeKind)
  kind!: NoticeKind;

  @Property()
  title!: string;

  @Property()
  body!: string;

  @Property()
  eventId!: string;

  @Property({ nullable: true })
  productId?: string;

  @Property({ nullable: true })
  storeId?: string;

  @Property({ nullable: true })
  orderId?: string;

  @Property()
  createdAt!: Date;
}

/** A notice read by one person (`_id` = `<noticeId>:<userId>`); an admin notice has one per admin. */
@Entity({ collection: 'notice_reads' })
@Index({ properties: ['userId', 'noticeCreatedAt'] })
export class NoticeRead {
  @PrimaryKey()
  _id!: string;

  @Property()
  userId!: string;

  @Property()
  noticeId!: string;

  /** Copied from the notice so the unread count needs no join. */
  @Property()
  noticeCreatedAt!: Date;

  @Property()
  readAt!: Date;
}

/**
 * "Mark all read" as a watermark: notices created at or before `readUpTo` count as read.
 * Notices that arrive while the request runs are newer and stay unread; nothing is lost.
 */
@Entity({ collection: 'inbox_watermarks' })
export class InboxWatermark {
  @PrimaryKey()
  _id!: string;

  @Property()
  readUpTo!: Date;
}
