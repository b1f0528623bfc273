import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A seller identity approved (`identity.seller.approved`), `_id` = user id. Stores learns
 * approvals from events rather than asking identity, so only these users can open a store.
 */
@Entity({ collection: 'approved_sellers' })
export class ApprovedSeller {
  @PrimaryKey()
  _id!: string;

  @Property()
  email!: string;

  @Property()
  name!: string;

  @Property()
  businessName!: string;

  @Property()
  approvedAt!: Date;
}
