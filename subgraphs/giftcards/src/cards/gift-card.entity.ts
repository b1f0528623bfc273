import {
  Entity,
  Index,
  OptionalProps,
  PrimaryKey,
  Property,
  SerializedPrimaryKey,
  Unique,
} from '@mikro-orm/core';
import { ObjectId } from '@mikro-orm/mongodb';
import { type EventEnvelope, type OutboxCarrier, Revisioned } from '@bloom/kernel';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * The message card of one order line. The unique `orderLineId` is what makes "one card per
 * line" hold when two requests write at once; the document carries its unpublished events.
 */
@Entity({ collection: 'gift_cards' })
@Index({ properties: ['customerId', 'createdAt'] })
@ObjectType({ description: 'The message card that goes with one order line.' })
@Directive('@key(fields: "id")')
export class GiftCard extends Revisioned implements OutboxCarrier {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | 'outbox' | 'eventSequence';

  @PrimaryKey()
  _id: ObjectId = new ObjectId();

  @SerializedPrimaryKey()
  @Field(() => ID)
  id!: string;

  @Property()
  @Unique()
  @Field(() => ID)
  orderLineId!: string;

  @Property()
  @Field(() => ID)
  orderId!: string;

  @Property()
  customerId!: string;

  /** Resolved to a CardTemplate by the resolver. */
  @Property()
  templateKey!: string;

  @Property()
  @Field({ description: 'Plain text with line breaks; never HTML. Escape it when showing it.' })
  message!: string;

  @Property({ nullable: true })
  @Field({ nullable: true, description: 'How the sender signs the card.' })
  fromName?: string;

  /** SHA-256 of the share secret; the secret itself is shown to the sender only. */
  @Property({ hidden: true })
  secretHash!: string;

  @Property()
  @Field()
  createdAt: Date = new Date();

  @Property()
  @Field()
  updatedAt: Date = new Date();

  @Property({ type: 'json' })
  outbox: EventEnvelope[] = [];

  @Property()
  eventSequence: number = 0;
}
