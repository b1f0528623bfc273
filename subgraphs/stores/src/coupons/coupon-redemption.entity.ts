import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A claimed coupon in use, `_id = <couponId>:<customerId>`: the unique id lets one order use a
 * claim at a time. Returning the coupon (order failed or canceled) deletes it, so the claim can
 * be used again.
 */
@Entity({ collection: 'coupon_redemptions' })
@Index({ properties: ['orderId'] })
export class CouponRedemption {
  @PrimaryKey()
  _id!: string;

  @Property()
  couponId!: string;

  @Property()
  customerId!: string;

  @Property()
  storeId!: string;

  @Property()
  orderId!: string;

  @Property()
  discount!: number;

  @Property()
  at!: Date;
}
