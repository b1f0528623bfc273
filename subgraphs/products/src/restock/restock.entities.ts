import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import type { EventEnvelope, OutboxCarrier } from '@bloom/kernel';

/**
 * A customer waits for a sold-out product. `_id` = `<productId>:<userId>:<n>` where n counts
 * the customer's earlier alerts for the product that already fired, so subscribing twice is
 * one alert, and subscribing again after a notice starts a new one.
 */
@Entity({ collection: 'restock_alerts' })
@Index({ properties: ['productId', 'createdAt'] })
@Index({ properties: ['userId', 'createdAt'] })
export class RestockAlert {
  @PrimaryKey()
  _id!: string;

  @Property()
  productId!: string;

  @Property()
  storeId!: string;

  @Property()
  userId!: string;

  @Property()
  createdAt: Date = new Date();
}

/**
 * An alert that fired; `_id` is the alert id, so an alert fires at most once whatever the
 * concurrency or redelivery. `noticeId` names the notice that carried it.
 */
@Entity({ collection: 'restock_firings' })
@Index({ properties: ['productId', 'userId'] })
@Index({ properties: ['noticeId'] })
export class RestockFiring {
  @PrimaryKey()
  _id!: string;

  @Property()
  noticeId!: string;

  @Property()
  productId!: string;

  @Property()
  userId!: string;

  @Property()
  firedAt: Date = new Date();
}

/**
 * One restock notice and its `products.product.restocked` event (outbox). `_id` derives from
 * the event that caused the restock, so handling that event again records nothing new.
 */
@Entity({ collection: 'restock_notices' })
export class RestockNotice implements OutboxCarrier {
  @PrimaryKey()
  _id!: string;

  @Property()
  productId!: string;

  @Property({ type: 'json' })
  subscriberIds!: string[];

  @Property()
  availableQuantity!: number;

  @Property()
  createdAt: Date = new Date();

  @Property({ type: 'json' })
  outbox: EventEnvelope[] = [];

  @Property()
  eventSequence: number = 0;
}
