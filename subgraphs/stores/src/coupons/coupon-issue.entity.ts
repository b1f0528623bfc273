import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import type { ChainEntry } from '../shared/append-only.chain.js';

/**
 * One claim of a coupon: entry `seq` (1..issueLimit) of the coupon's issue chain,
 * `_id = <couponId>#<seq>`, `op = <couponId>:<customerId>` (unique). The position makes the
 * limit hold under any concurrency; the op makes a customer's claim happen once.
 */
@Entity({ collection: 'coupon_issues' })
@Unique({ properties: ['op'] })
@Index({ properties: ['customerId'] })
export class CouponIssue implements ChainEntry {
  @PrimaryKey()
  _id!: string;

  @Property()
  chain!: string;

  @Property()
  seq!: number;

  @Property()
  op!: string;

  @Property()
  at!: Date;

  @Property()
  couponId!: string;

  @Property()
  storeId!: string;

  @Property()
  customerId!: string;
}
