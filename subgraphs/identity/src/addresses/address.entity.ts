import { Entity, Index, PrimaryKey, Property, SerializedPrimaryKey, Unique } from '@mikro-orm/core';
import { ObjectId } from '@mikro-orm/mongodb';
import { Field, ID, ObjectType } from 'type-graphql';

/** Saved delivery addresses per customer. */
export const MAX_ADDRESSES = 10;

/**
 * A saved delivery address. Each occupies one of the customer's ten slots, unique per
 * (user, slot), so concurrent saves can never exceed the limit.
 */
@Entity({ collection: 'addresses' })
@Unique({ properties: ['userId', 'slot'] })
@Index({ properties: ['userId', 'lastUsedAt'] })
@ObjectType({ description: 'A saved delivery address.' })
export class Address {
  @PrimaryKey()
  _id: ObjectId = new ObjectId();

  @SerializedPrimaryKey()
  @Field(() => ID)
  id!: string;

  @Property()
  userId!: string;

  @Property()
  slot!: number;

  @Property()
  @Field({ description: 'A name for the address, e.g. 집, 회사.' })
  label!: string;

  @Property()
  @Field()
  recipientName!: string;

  @Property()
  @Field()
  phone!: string;

  @Property()
  @Field()
  zipCode!: string;

  @Property()
  @Field()
  street!: string;

  @Property()
  @Field()
  detail: string = '';

  @Property({ nullable: true })
  @Field({ nullable: true, description: 'Region code from the reference regions.' })
  regionCode?: string;

  @Property({ nullable: true })
  @Field({ nullable: true })
  districtCode?: string;

  @Property()
  @Field()
  lastUsedAt: Date = new Date();

  @Property()
  @Field()
  createdAt: Date = new Date();
}
