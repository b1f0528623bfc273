import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The decision on one application, `_id` = `<userId>:<appliedAt ms>`: inserting it is what
 * makes a decision, so two admins deciding at once cannot both succeed.
 */
@Entity({ collection: 'seller_decisions' })
export class SellerDecision {
  @PrimaryKey()
  _id!: string;

  @Property()
  userId!: string;

  @Property()
  decision!: 'APPROVED' | 'REJECTED';

  @Property()
  decidedBy!: string;

  @Property({ nullable: true })
  reason?: string;

  @Property()
  decidedAt: Date = new Date();
}
