import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { StoreRef } from '../federation/entity-refs.js';

/**
 * One store's settlement for one month, `_id` = `<YYYY-MM>:<storeId>`: the insert is the
 * settlement, so running the job twice (or on two replicas) settles nothing twice.
 */
@Entity({ collection: 'settlements' })
@Index({ properties: ['month', 'regionCode'] })
@Index({ properties: ['storeId', 'month'] })
@ObjectType({ description: "A store's monthly settlement: completed sales minus commission." })
export class Settlement {
  [OptionalProps]?: 'store' | 'createdAt';

  @PrimaryKey()
  @Field(() => ID, { name: 'id' })
  _id!: string;

  @Property()
  @Field({ description: 'YYYY-MM (Asia/Seoul).' })
  month!: string;

  @Property()
  storeId!: string;

  @Field(() => StoreRef)
  get store(): StoreRef {
    return Object.assign(new StoreRef(), { id: this.storeId });
  }

  @Property({ nullable: true })
  @Field({ nullable: true })
  regionCode?: string;

  @Property()
  @Field(() => Int)
  orderCount!: number;

  @Property()
  @Field(() => Int, { description: 'Totals of the orders completed in the month.' })
  gross!: number;

  @Property()
  @Field(() => Int)
  commissionPercent!: number;

  @Property()
  @Field(() => Int)
  commission!: number;

  @Property()
  @Field(() => Int)
  payout!: number;

  @Property()
  @Field()
  createdAt: Date = new Date();
}
