import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The claim of an idempotency key, `_id` = `<customerId>:<key>`. It holds the complete
 * drafts of the orders the checkout creates, so whoever finds the claim (a retry, a
 * concurrent duplicate, a process after a crash) inserts the same orders by their fixed ids.
 */
@Entity({ collection: 'checkouts' })
export class CheckoutClaim {
  @PrimaryKey()
  _id!: string;

  @Property()
  customerId!: string;

  @Property()
  requestHash!: string;

  @Property({ type: 'json' })
  orderIds: string[] = [];

  @Property({ type: 'json' })
  drafts: Record<string, unknown>[] = [];

  @Property()
  createdAt: Date = new Date();
}
