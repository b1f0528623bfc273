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
import type { EventEnvelope, OutboxCarrier } from '@bloom/kernel';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum ApiScope {
  CATALOG_READ = 'catalog:read',
  ORDERS_WRITE = 'orders:write',
  EVENTS_READ = 'events:read',
}
registerEnumType(ApiScope, {
  name: 'ApiScope',
  valuesConfig: {
    CATALOG_READ: { description: 'Read stores, products and the flower catalog.' },
    ORDERS_WRITE: { description: 'Place orders on behalf of a customer.' },
    EVENTS_READ: { description: 'Receive order and restock events.' },
  },
});

/**
 * An integrator's API key. Only a SHA-256 of the secret is stored: keys carry 256 bits of
 * randomness, so a slow KDF adds nothing but latency on every request.
 */
@Entity({ collection: 'api_keys' })
@Index({ properties: ['ownerUserId'] })
@ObjectType({ description: "An integrator's API key (its secret is shown only once)." })
export class ApiKey implements OutboxCarrier {
  [OptionalProps]?: 'outbox' | 'eventSequence';

  @PrimaryKey()
  _id: ObjectId = new ObjectId();

  @SerializedPrimaryKey()
  @Field(() => ID)
  id!: string;

  @Property()
  ownerUserId!: string;

  @Property()
  @Field()
  name!: string;

  /** Public lookup part of the key, shown in lists. */
  @Property()
  @Unique()
  @Field({ description: 'The public start of the key, to recognise it.' })
  prefix!: string;

  @Property({ hidden: true })
  secretHash!: string;

  @Property({ type: 'json' })
  @Field(() => [ApiScope])
  scopes: ApiScope[] = [];

  @Property()
  @Field()
  createdAt: Date = new Date();

  @Property({ nullable: true })
  @Field({ nullable: true })
  lastUsedAt?: Date;

  @Property({ nullable: true })
  @Field({ nullable: true })
  revokedAt?: Date;

  /** An admin's revocation is audited by an event stored with the revocation itself. */
  @Property({ type: 'json' })
  outbox: EventEnvelope[] = [];

  @Property()
  eventSequence: number = 0;
}
