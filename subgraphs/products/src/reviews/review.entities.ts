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
import { Field, ID, Int, ObjectType } from 'type-graphql';

/**
 * A completed order line, learned from orders events: it lets its customer review the
 * product once, and its units count toward the product's sales. `_id` is the order line id.
 */
@Entity({ collection: 'review_eligibility' })
@Index({ properties: ['customerId', 'completedAt'] })
@Index({ properties: ['productId'] })
export class ReviewEligibility {
  @PrimaryKey()
  _id!: string;

  @Property()
  orderId!: string;

  @Property()
  customerId!: string;

  @Property()
  productId!: string;

  @Property()
  storeId!: string;

  @Property()
  quantity!: number;

  @Property()
  completedAt!: Date;
}

/** One review; unique per order line, which is what makes "once per line" hold under races. */
@Entity({ collection: 'reviews' })
@Index({ properties: ['productId', 'createdAt'] })
@Index({ properties: ['productId', 'rating'] })
@Index({ properties: ['productId', 'hasPhotos', 'createdAt'] })
@ObjectType({ description: 'A customer’s review of a product they received.' })
export class Review implements OutboxCarrier {
  [OptionalProps]?: 'photos' | 'hasPhotos' | 'createdAt' | 'outbox' | 'eventSequence';

  @PrimaryKey()
  _id: ObjectId = new ObjectId();

  @SerializedPrimaryKey()
  @Field(() => ID)
  id!: string;

  @Property()
  @Unique()
  orderLineId!: string;

  @Property()
  @Field(() => ID)
  productId!: string;

  @Property()
  @Field(() => ID)
  storeId!: string;

  @Property()
  customerId!: string;

  @Property()
  @Field(() => Int, { description: '1 to 5.' })
  rating!: number;

  @Property()
  @Field()
  text!: string;

  /** Image keys. */
  @Property({ type: 'json' })
  photos: string[] = [];

  /** `photos` is not empty: what the photo filter and the photo count read (indexable). */
  @Property()
  hasPhotos: boolean = false;

  @Property()
  @Field()
  createdAt: Date = new Date();

  @Property({ type: 'json' })
  outbox: EventEnvelope[] = [];

  @Property()
  eventSequence: number = 0;
}

/**
 * The outbox entry of one `products.product.ratingChanged` event, `_id` =
 * `<productId>:<ratingCount>`. Reviews are only ever added, so equal counts mean equal review
 * sets and equal values: concurrent recomputations that agree store one event, not many.
 */
@Entity({ collection: 'rating_notices' })
export class RatingNotice implements OutboxCarrier {
  @PrimaryKey()
  _id!: string;

  @Property({ type: 'json' })
  outbox: EventEnvelope[] = [];

  @Property()
  eventSequence: number = 0;
}

/**
 * A product's review counts, `_id` = product id: what the product page reads in one lookup
 * instead of counting its reviews. Written only by recounts, each conditional on `count` being
 * lower (reviews are only ever added, so a fuller recount is a newer one): concurrent reviews
 * leave the counts of the last, fullest recount, and a recount lost to a crash is made good by
 * the next review of the product.
 */
@Entity({ collection: 'review_summaries' })
export class ReviewSummary {
  [OptionalProps]?: 'count' | 'stars' | 'photoCount';

  @PrimaryKey()
  _id!: string;

  @Property()
  count: number = 0;

  /** Reviews per rating: index 0 counts 1-star reviews, index 4 counts 5-star ones. */
  @Property({ type: 'json' })
  stars: number[] = [0, 0, 0, 0, 0];

  /** Reviews with at least one photo. */
  @Property()
  photoCount: number = 0;
}
