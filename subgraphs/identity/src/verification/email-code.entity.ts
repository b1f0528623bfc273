import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { ObjectId } from '@mikro-orm/mongodb';

/** An e-mail verification code; only the newest per user is accepted. */
@Entity({ collection: 'email_codes' })
@Index({ properties: ['userId', 'issuedAt'] })
export class EmailCode {
  @PrimaryKey()
  _id: ObjectId = new ObjectId();

  @Property()
  userId!: string;

  @Property()
  codeHash!: string;

  @Property()
  issuedAt: Date = new Date();

  @Property()
  expiresAt!: Date;
}

/** One document per failed attempt: the count limits guessing without read-modify-write. */
@Entity({ collection: 'email_code_attempts' })
@Unique({ properties: ['codeId', 'attempt'] })
export class EmailCodeAttempt {
  @PrimaryKey()
  _id: ObjectId = new ObjectId();

  @Property()
  codeId!: string;

  @Property()
  attempt!: number;
}
