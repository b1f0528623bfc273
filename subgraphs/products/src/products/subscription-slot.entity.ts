import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A store's one subscription product: `_id` is the store id, so inserting the slot is the
 * claim and a second concurrent claim fails on the unique key.
 */
@Entity({ collection: 'subscription_slots' })
export class SubscriptionSlot {
  @PrimaryKey()
  _id!: string;

  @Property()
  productId!: string;

  @Property()
  claimedAt: Date = new Date();
}
