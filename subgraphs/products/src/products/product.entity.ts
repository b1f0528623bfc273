import {
  Entity,
  Enum,
  Index,
  OptionalProps,
  PrimaryKey,
  Property,
  SerializedPrimaryKey,
} from '@mikro-orm/core';
import { ObjectId } from '@mikro-orm/mongodb';
import { type EventEnvelope, type OutboxCarrier, Revisioned } from '@bloom/kernel';
import { Directive, Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { CategoryKey, TagKey } from '../catalog/catalog.types.js';

export enum SaleStatus {
  ON_SALE = 'ON_SALE',
  SOLD_OUT = 'SOLD_OUT',
  DISCONTINUED = 'DISCONTINUED',
  /** Soft deletion: kept for orders and reviews, never listed. */
  DELETED = 'DELETED',
}
registerEnumType(SaleStatus, { name: 'SaleStatus' });

/** Statuses that appear in public listings. */
export const LISTED_STATUSES: readonly SaleStatus[] = [SaleStatus.ON_SALE, SaleStatus.SOLD_OUT];

@ObjectType({ description: 'One flower of a recipe: stems per unit of the product.' })
@Directive('@shareable')
export class RecipeLine {
  @Field(() => Int)
  flowerId!: number;

  @Field(() => Int, { description: 'Stems of this flower in one unit of the product.' })
  count!: number;

  @Field({ description: 'Exactly one line is the representative flower.' })
  representative!: boolean;
}

/**
 * A product document. Sellers compose products freely, so it is schemaless in spirit; the
 * denormalised fields below (ranks, flowerIds, searchText) exist only for listing and search.
 * Edits are compare-and-set on `revision` (Revisioned); counters derived from other documents
 * (rating, sales) are written by conditional updates that only move them forward.
 */
@Entity({ collection: 'products' })
@Index({ properties: ['storeId', 'createdAt'] })
@Index({ properties: ['category'] })
@Index({ properties: ['tags'] })
@Index({ properties: ['flowerIds'] })
@ObjectType({ description: 'A product a store sells.' })
@Directive('@key(fields: "id")')
export class Product extends Revisioned implements OutboxCarrier {
  [OptionalProps]?:
    | 'images'
    | 'tags'
    | 'saleStatus'
    | 'isSubscription'
    | 'ratingAverage'
    | 'ratingSum'
    | 'ratingCount'
    | 'salesCount'
    | 'saleRank'
    | 'stockRank'
    | 'listed'
    | 'createdAt'
    | 'updatedAt'
    | 'outbox'
    | 'eventSequence';

  @PrimaryKey()
  _id: ObjectId = new ObjectId();

  @SerializedPrimaryKey()
  @Field(() => ID)
  id!: string;

  @Property()
  @Field(() => ID, { description: 'The store that sells it.' })
  storeId!: string;

  @Property()
  @Field()
  name!: string;

  @Property()
  @Field({ description: 'One line shown in listings.' })
  summary!: string;

  @Property()
  @Field()
  description!: string;

  /** Image keys in the image storage; the URLs are resolved per request. */
  @Property({ type: 'json' })
  images: string[] = [];

  @Property()
  @Field(() => Int, { description: 'KRW.' })
  price!: number;

  @Enum({ items: () => CategoryKey, nullable: true })
  @Field(() => CategoryKey, { nullable: true, description: 'None for subscription products.' })
  category?: CategoryKey;

  @Property({ type: 'json' })
  @Field(() => [TagKey])
  tags: TagKey[] = [];

  @Property({ type: 'json' })
  @Field(() => [RecipeLine])
  recipe!: RecipeLine[];

  @Property()
  representativeFlowerId!: number;

  /** Every flower in the recipe, for flower and colour search. */
  @Property({ type: 'json' })
  flowerIds!: number[];

  @Enum(() => SaleStatus)
  @Field(() => SaleStatus)
  saleStatus: SaleStatus = SaleStatus.ON_SALE;

  @Property()
  @Field({ description: 'A recurring subscription product (one per store).' })
  isSubscription: boolean = false;

  @Property()
  @Field(() => Float, { description: 'Mean rating, two decimals; 0 without reviews.' })
  ratingAverage: number = 0;

  @Property()
  ratingSum: number = 0;

  @Property()
  @Field(() => Int)
  ratingCount: number = 0;

  @Property()
  @Field(() => Int, { description: 'Units sold in completed order lines.' })
  salesCount: number = 0;

  /** Listing order puts what can be bought first: 0 when ON_SALE, 1 otherwise. */
  @Property()
  saleRank: number = 0;

  /** 0 when the store's flower stock (projected from stores events) covers one unit, else 1. */
  @Property()
  stockRank: number = 1;

  /** ON_SALE or SOLD_OUT: shown in public listings. */
  @Property()
  listed: boolean = true;

  /** Normalised name and summary for keyword search ($regex). */
  @Property()
  searchText!: string;

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

/** Ranks and flags that follow from a status. */
export function statusFields(status: SaleStatus): { saleRank: number; listed: boolean } {
  return {
    saleRank: status === SaleStatus.ON_SALE ? 0 : 1,
    listed: LISTED_STATUSES.includes(status),
  };
}
