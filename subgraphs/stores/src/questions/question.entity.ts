import {
  Entity,
  Index,
  OptionalProps,
  PrimaryKey,
  Property,
  SerializedPrimaryKey,
} from '@mikro-orm/core';
import { ObjectId } from '@mikro-orm/mongodb';
import type { EventEnvelope, OutboxCarrier } from '@bloom/kernel';
import { Field, ID, ObjectType } from 'type-graphql';

/**
 * A customer's question about a product. Written once with its event; the answer and the read
 * marks are separate insert-only documents, so nothing ever rewrites a question.
 */
@Entity({ collection: 'questions' })
@Index({ properties: ['productId', 'storeId', 'createdAt'] })
@Index({ properties: ['storeId', 'createdAt'] })
@Index({ properties: ['askerId', 'createdAt'] })
@ObjectType({ description: 'A question about a product, answered by its store.' })
export class Question implements OutboxCarrier {
  [OptionalProps]?: 'createdAt' | 'outbox' | 'eventSequence';

  @PrimaryKey()
  _id: ObjectId = new ObjectId();

  @SerializedPrimaryKey()
  @Field(() => ID)
  id!: string;

  @Property()
  @Field(() => ID)
  productId!: string;

  @Property()
  @Field(() => ID)
  storeId!: string;

  /** The store's seller when the question was asked: who may answer and see it if secret. */
  @Property()
  sellerId!: string;

  @Property()
  askerId!: string;

  @Property()
  content!: string;

  @Property()
  @Field({ description: 'Only the asker and the store see a secret question.' })
  secret!: boolean;

  @Property()
  @Field({ name: 'askedAt' })
  createdAt: Date = new Date();

  @Property({ type: 'json' })
  outbox: EventEnvelope[] = [];

  @Property()
  eventSequence: number = 0;
}

/** The store's answer, `_id` = question id: one answer per question, decided by the insert. */
@Entity({ collection: 'question_answers' })
@ObjectType('QuestionAnswer', { description: "The store's answer." })
export class Answer implements OutboxCarrier {
  @PrimaryKey()
  _id!: string;

  @Property()
  storeId!: string;

  @Property()
  askerId!: string;

  @Property()
  @Field()
  content!: string;

  @Property()
  answeredBy!: string;

  @Property()
  @Field()
  answeredAt!: Date;

  @Property({ type: 'json' })
  outbox: EventEnvelope[] = [];

  @Property()
  eventSequence: number = 0;
}

export type ReadMark = 'SELLER' | 'ASKER';

/**
 * "Seen": `<questionId>:SELLER` once the seller read the question, `<questionId>:ASKER` once the
 * asker read the answer. Unread = no mark.
 */
@Entity({ collection: 'question_reads' })
export class QuestionRead {
  @PrimaryKey()
  _id!: string;

  @Property()
  at!: Date;
}
