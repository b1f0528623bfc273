import { createEvent } from '@bloom/kernel';
import { couponCreated, couponUpdated } from '@bloom/schema';
import { waitFor } from '@bloom/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './generated/index.js';
import type { CheckoutQuoteInput } from './generated/graphql.js';
import {
  CHECKOUT,
  DELIVERY,
  type OrdersHarness,
  customer,
  firstOrder,
  newId,
  seedCatalog,
  startOrders,
} from './orders.harness.js';

const QUOTE = graphql(`
  query CouponFulfilmentQuote($i: CheckoutQuoteInput!) {
    checkoutQuote(input: $i) {
      __typename
      ... on CheckoutQuote {
        total
        stores {
          discount
        }
      }
      ... on CouponNotApplicableError {
        couponId
      }
      ... on UserError {
        code
        message
      }
    }
  }
`);

const DAY = 86_400_000;

let h: OrdersHarness;
let cat: Awaited<ReturnType<typeof seedCatalog>>;
let sequence = 100;

/** Publishes a coupon of the catalog's store as stores would, and waits for its projection. */
async function publishCoupon(
  couponId: string,
  onlyFor: 'DELIVERY' | 'PICKUP' | null | undefined,
  contract: typeof couponCreated | typeof couponUpdated = couponCreated,
) {
  sequence += 1;
  await h.bus.publish(
    createEvent(
      contract,
      { source: 'test', subjectId: couponId, sequence, traceId: '' },
      {
        couponId,
        storeId: cat.storeId,
        name: '방문 픽업 2천원',
        code: `PICK-${sequence}`,
        discountAmount: 2000,
        minOrderAmount: 10000,
        startsAt: new Date(Date.now() - DAY).toISOString(),
        endsAt: new Date(Date.now() + 30 * DAY).toISOString(),
        issueLimit: 100,
        ...(onlyFor === undefined ? {} : { onlyFor }),
      },
    ),
  );
  await waitFor(
    async () => {
      const doc = await h.db.collection('coupon_projections').findOne({ _id: couponId as never });
      return doc && (doc.onlyFor ?? null) === (onlyFor ?? null);
    },
    { what: 'the coupon projection' },
  );
}

beforeAll(async () => {
  h = await startOrders('coupon-fulfilment');
  cat = await seedCatalog(h);
});
afterAll(async () => h.close());

const slot = () => new Date(Math.ceil((Date.now() + 2 * 3600_000) / 1800_000) * 1800_000);

const delivering = (couponId: string): CheckoutQuoteInput => ({
  buyNow: { productId: cat.productId, quantity: 1 },
  fulfilment: 'DELIVERY',
  delivery: DELIVERY(),
  coupons: [{ storeId: cat.storeId, couponId }],
});

const pickingUp = (couponId: string): CheckoutQuoteInput => ({
  buyNow: { productId: cat.productId, quantity: 1 },
  fulfilment: 'PICKUP',
  pickupSlots: [{ storeId: cat.storeId, startsAt: slot().toISOString() }],
  coupons: [{ storeId: cat.storeId, couponId }],
});

const quote = async (input: CheckoutQuoteInput) =>
  (await h.call(QUOTE, { i: input }, customer().caller)).data?.checkoutQuote;

const place = async (input: CheckoutQuoteInput, expectedTotal: number) => {
  const c = customer();
  const res = await h.call(
    CHECKOUT,
    { i: { ...input, idempotencyKey: `key-${newId()}`, expectedTotal } },
    c.caller,
  );
  const orders = await h.db.collection('orders').countDocuments({ customerId: c.id });
  return { res, orders };
};

describe('a coupon limited to one way of receiving', () => {
  it('refuses a pickup coupon on delivery, in the quote and when placing', async () => {
    const couponId = newId();
    await publishCoupon(couponId, 'PICKUP');
    const refusal = {
      __typename: 'CouponNotApplicableError',
      code: 'COUPON_NOT_APPLICABLE',
      message: 'This coupon is for pickup orders only.',
      couponId,
    };
    expect(await quote(delivering(couponId))).toEqual(refusal);
    // 20,000 + 3,000 delivery − 2,000: the total the shopper would have been shown.
    const placed = await place(delivering(couponId), 21000);
    expect(placed.orders).toBe(0);
    expect(placed.res.data?.checkout).toMatchObject({
      __typename: 'CouponNotApplicableError',
      code: 'COUPON_NOT_APPLICABLE',
      message: 'This coupon is for pickup orders only.',
    });
  });

  it('accepts a pickup coupon on pickup, in the quote and when placing', async () => {
    const couponId = newId();
    await publishCoupon(couponId, 'PICKUP');
    expect(await quote(pickingUp(couponId))).toEqual({
      __typename: 'CheckoutQuote',
      stores: [{ discount: 2000 }],
      total: 18000,
    });
    const placed = await place(pickingUp(couponId), 18000);
    const order = firstOrder(placed.res);
    expect(order).toMatchObject({ fulfilment: 'PICKUP', discount: 2000, total: 18000 });
    await waitFor(() => h.stores.redeemed.get(order.id) === couponId, {
      what: 'the coupon redeemed',
    });
  });

  it('refuses a delivery coupon on pickup and lets it deliver', async () => {
    const couponId = newId();
    await publishCoupon(couponId, 'DELIVERY');
    expect(await quote(pickingUp(couponId))).toMatchObject({
      __typename: 'CouponNotApplicableError',
      message: 'This coupon is for delivery orders only.',
    });
    const refused = await place(pickingUp(couponId), 18000);
    expect(refused.orders).toBe(0);
    expect(refused.res.data?.checkout).toMatchObject({ code: 'COUPON_NOT_APPLICABLE' });
    expect(await quote(delivering(couponId))).toMatchObject({
      stores: [{ discount: 2000 }],
      total: 21000,
    });
  });

  it('fits both ways once the limit is lifted, and for coupons from before limits existed', async () => {
    const lifted = newId();
    await publishCoupon(lifted, 'PICKUP');
    await publishCoupon(lifted, null, couponUpdated);
    expect(await quote(delivering(lifted))).toMatchObject({
      stores: [{ discount: 2000 }],
      total: 21000,
    });

    // An event without the field at all, as stores sent before it had it.
    const old = newId();
    await publishCoupon(old, undefined);
    expect(await quote(delivering(old))).toMatchObject({ total: 21000 });
    expect(await quote(pickingUp(old))).toMatchObject({
      stores: [{ discount: 2000 }],
      total: 18000,
    });
  });
});
