import { orderCanceled, orderFailed, orderPlaced } from '@bloom/schema';
import { callerHeaders, dataOf, errorCode, expectUnion, gqlRequest, waitFor } from '@bloom/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './generated/index.js';
import type { CreateCouponInput } from './generated/graphql.js';
import {
  type StoresHarness,
  customer,
  newId,
  placedOrder,
  seller,
  setStock,
  startStores,
} from './stores.harness.js';

graphql(`
  fragment CouponResult on CouponResult {
    __typename
    ... on Coupon {
      id
      name
      code
      discountAmount
      minOrderAmount
      issueLimit
      issuedCount
      remaining
      active
      onlyFor
    }
    ...InputErrorFields
  }
`);
const CREATE = graphql(`
  mutation CreateCoupon($storeId: ID!, $input: CreateCouponInput!) {
    createCoupon(storeId: $storeId, input: $input) {
      ...CouponResult
    }
  }
`);
const UPDATE = graphql(`
  mutation UpdateCoupon($id: ID!, $input: UpdateCouponInput!) {
    updateCoupon(couponId: $id, input: $input) {
      ...CouponResult
    }
  }
`);
const DELETE = graphql(`
  mutation DeleteCoupon($id: ID!) {
    deleteCoupon(couponId: $id) {
      id
    }
  }
`);
const CLAIM = graphql(`
  mutation ClaimCoupon($id: ID!) {
    claimCoupon(couponId: $id) {
      __typename
      ... on CouponClaim {
        status
        claimedAt
        coupon {
          id
        }
      }
      ... on UserError {
        code
      }
    }
  }
`);
const COUPON = graphql(`
  query Coupon($id: ID!) {
    coupon(id: $id) {
      id
      issuedCount
      remaining
    }
  }
`);
const MY_COUPONS = graphql(`
  query MyCoupons {
    myCoupons {
      status
    }
  }
`);

const DAY = 86_400_000;

let h: StoresHarness;
beforeAll(async () => {
  h = await startStores('coupons');
});
afterAll(async () => h.close());

function couponInput(overrides: Partial<CreateCouponInput> = {}): CreateCouponInput {
  return {
    name: '첫 주문 3천원 할인',
    code: `welcome-${Math.random().toString(36).slice(2, 8)}`,
    discountAmount: 3000,
    minOrderAmount: 20000,
    startsAt: new Date(h.now().getTime() - DAY).toISOString(),
    endsAt: new Date(h.now().getTime() + 30 * DAY).toISOString(),
    issueLimit: 100,
    ...overrides,
  };
}

async function createCoupon(
  sellerId: string,
  storeId: string,
  overrides: Partial<CreateCouponInput> = {},
) {
  const res = await h.call(CREATE, { storeId, input: couponInput(overrides) }, seller(sellerId));
  return expectUnion(res.data?.createCoupon, 'Coupon');
}

const stepOf = (orderId: string, step: string) =>
  h.db.collection('saga_steps').findOne({ _id: `${orderId}:${step}` as never });

describe('managing coupons', () => {
  it('creates, edits and deletes with validated dates, amounts and codes', async () => {
    const { sellerId, storeId } = await h.openStore();
    const created = await h.call(
      CREATE,
      { storeId, input: couponInput({ code: 'spring-10' }) },
      seller(sellerId),
    );
    expect(created.data?.createCoupon).toMatchObject({
      __typename: 'Coupon',
      code: 'SPRING-10',
      issuedCount: 0,
      remaining: 100,
      active: true,
    });
    const couponId = expectUnion(created.data?.createCoupon, 'Coupon').id;
    const announced = await h.eventFor('stores.coupon.created', { couponId });
    expect(announced.payload).toMatchObject({
      storeId,
      discountAmount: 3000,
      minOrderAmount: 20000,
    });

    const invalid: [Partial<CreateCouponInput>, string][] = [
      [{ endsAt: new Date(h.now().getTime() - 2 * DAY).toISOString() }, 'endsAt'],
      [
        {
          startsAt: new Date(h.now().getTime() + 5 * DAY).toISOString(),
          endsAt: new Date(h.now().getTime() + 4 * DAY).toISOString(),
        },
        'endsAt',
      ],
      [{ discountAmount: 0 }, 'discountAmount'],
      [{ minOrderAmount: -1 }, 'minOrderAmount'],
      [{ issueLimit: 0 }, 'issueLimit'],
      [{ code: '쿠폰' }, 'code'],
    ];
    for (const [overrides, field] of invalid) {
      const res = await h.call(
        CREATE,
        { storeId, input: couponInput(overrides) },
        seller(sellerId),
      );
      expect(res.data?.createCoupon, field).toMatchObject({
        __typename: 'InvalidInputError',
        field,
      });
    }
    const taken = await h.call(
      CREATE,
      { storeId, input: couponInput({ code: 'Spring-10' }) },
      seller(sellerId),
    );
    expect(expectUnion(taken.data?.createCoupon, 'CouponCodeTakenError').code).toBe(
      'COUPON_CODE_TAKEN',
    );

    // Another store may use the same code.
    const other = await h.openStore();
    const elsewhere = await h.call(
      CREATE,
      { storeId: other.storeId, input: couponInput({ code: 'SPRING-10' }) },
      seller(other.sellerId),
    );
    expect(elsewhere.data?.createCoupon.__typename).toBe('Coupon');

    const second = await createCoupon(sellerId, storeId, { code: 'SUMMER' });
    const clash = await h.call(
      UPDATE,
      { id: second.id, input: { code: 'spring-10' } },
      seller(sellerId),
    );
    expect(clash.data?.updateCoupon).toMatchObject({ code: 'COUPON_CODE_TAKEN' });
    const edited = await h.call(
      UPDATE,
      { id: couponId, input: { discountAmount: 5000, name: '봄맞이 5천원' } },
      seller(sellerId),
    );
    expect(edited.data?.updateCoupon).toMatchObject({ discountAmount: 5000, name: '봄맞이 5천원' });
    await h.eventFor('stores.coupon.updated', { couponId, discountAmount: 5000 });

    await h.call(DELETE, { id: couponId }, seller(sellerId));
    await h.eventFor('stores.coupon.deleted', { couponId });
    expect(dataOf(await h.call(COUPON, { id: couponId })).coupon).toBeNull();
    // The code is free again.
    const reused = await h.call(
      CREATE,
      { storeId, input: couponInput({ code: 'SPRING-10' }) },
      seller(sellerId),
    );
    expect(reused.data?.createCoupon.__typename).toBe('Coupon');
  });

  it('limits a coupon to pickup or delivery, lifts the limit, and carries it in its events', async () => {
    const { sellerId, storeId } = await h.openStore();
    const pickupOnly = await createCoupon(sellerId, storeId, { onlyFor: 'PICKUP' });
    expect(pickupOnly.onlyFor).toBe('PICKUP');
    const created = await h.eventFor('stores.coupon.created', { couponId: pickupOnly.id });
    expect(created.payload).toMatchObject({ onlyFor: 'PICKUP' });
    const open = await createCoupon(sellerId, storeId);
    expect(open.onlyFor).toBeNull();
    expect(
      (await h.eventFor('stores.coupon.created', { couponId: open.id })).payload,
    ).toMatchObject({ onlyFor: null });

    const swapped = await h.call(
      UPDATE,
      { id: pickupOnly.id, input: { onlyFor: 'DELIVERY' } },
      seller(sellerId),
    );
    expect(swapped.data?.updateCoupon).toMatchObject({ onlyFor: 'DELIVERY' });
    await h.eventFor('stores.coupon.updated', { couponId: pickupOnly.id, onlyFor: 'DELIVERY' });
    // Changing something else keeps the limit.
    const renamed = await h.call(
      UPDATE,
      { id: pickupOnly.id, input: { name: '배송 전용 3천원' } },
      seller(sellerId),
    );
    expect(renamed.data?.updateCoupon).toMatchObject({
      name: '배송 전용 3천원',
      onlyFor: 'DELIVERY',
    });
    // Null reads as omitted, so it keeps the limit; the flag lifts it.
    const kept = await h.call(
      UPDATE,
      { id: pickupOnly.id, input: { onlyFor: null } },
      seller(sellerId),
    );
    expect(kept.data?.updateCoupon).toMatchObject({ onlyFor: 'DELIVERY' });
    const both = await h.call(
      UPDATE,
      { id: pickupOnly.id, input: { onlyFor: 'PICKUP', anyFulfilment: true } },
      seller(sellerId),
    );
    expect(both.data?.updateCoupon).toMatchObject({
      __typename: 'InvalidInputError',
      field: 'onlyFor',
      code: 'CONFLICTING_FULFILMENT',
    });
    const lifted = await h.call(
      UPDATE,
      { id: pickupOnly.id, input: { anyFulfilment: true } },
      seller(sellerId),
    );
    expect(lifted.data?.updateCoupon).toMatchObject({ onlyFor: null });
    await h.eventFor('stores.coupon.updated', { couponId: pickupOnly.id, onlyFor: null });

    const unknown = await h.call(
      CREATE,
      { storeId, input: { ...couponInput(), onlyFor: 'COURIER' as never } },
      seller(sellerId),
    );
    expect(errorCode(unknown)).toBe('BAD_USER_INPUT');
  });

  it('offers at checkout only the coupons that fit how the order is received', async () => {
    const { sellerId, storeId } = await h.openStore();
    const pickup = await createCoupon(sellerId, storeId, {
      discountAmount: 2000,
      onlyFor: 'PICKUP',
    });
    const delivery = await createCoupon(sellerId, storeId, {
      discountAmount: 4000,
      onlyFor: 'DELIVERY',
    });
    const any = await createCoupon(sellerId, storeId, { discountAmount: 1000 });
    const offered = async (fulfilment?: 'DELIVERY' | 'PICKUP') =>
      (
        await h.call(
          graphql(`
            query ClaimableCouponsFor($s: ID!, $f: Fulfilment) {
              claimableCoupons(storeId: $s, subtotal: 30000, fulfilment: $f) {
                id
                onlyFor
              }
            }
          `),
          { s: storeId, f: fulfilment },
          customer(),
        )
      ).data?.claimableCoupons.map((c) => c.id);
    expect(await offered('PICKUP')).toEqual([pickup.id, any.id]);
    expect(await offered('DELIVERY')).toEqual([delivery.id, any.id]);
    expect(await offered()).toEqual([delivery.id, pickup.id, any.id]);
  });

  it("keeps sellers out of other stores' coupons and customers out of all", async () => {
    const a = await h.openStore();
    const b = await h.openStore();
    const coupon = await createCoupon(a.sellerId, a.storeId);
    expect(
      errorCode(
        await h.call(UPDATE, { id: coupon.id, input: { discountAmount: 1 } }, seller(b.sellerId)),
      ),
    ).toBe('FORBIDDEN');
    expect(errorCode(await h.call(DELETE, { id: coupon.id }, seller(b.sellerId)))).toBe(
      'FORBIDDEN',
    );
    expect(errorCode(await h.call(DELETE, { id: coupon.id }, customer()))).toBe('FORBIDDEN');
    expect(
      errorCode(
        await h.call(CREATE, { storeId: a.storeId, input: couponInput() }, seller(b.sellerId)),
      ),
    ).toBe('FORBIDDEN');
  });
});

describe('claiming coupons', () => {
  it('lets a customer claim once, lists it and offers it for a matching cart', async () => {
    const { sellerId, storeId } = await h.openStore();
    const coupon = await createCoupon(sellerId, storeId, {
      discountAmount: 3000,
      minOrderAmount: 20000,
    });
    const big = await createCoupon(sellerId, storeId, {
      discountAmount: 10000,
      minOrderAmount: 50000,
    });
    const me = customer();
    const first = await h.call(CLAIM, { id: coupon.id }, me);
    expect(first.data?.claimCoupon).toMatchObject({
      __typename: 'CouponClaim',
      status: 'AVAILABLE',
    });
    const again = await h.call(CLAIM, { id: coupon.id }, me);
    expect(again.data?.claimCoupon).toMatchObject({ code: 'COUPON_ALREADY_CLAIMED' });
    expect(errorCode(await h.call(CLAIM, { id: coupon.id }))).toBe('UNAUTHENTICATED');

    const mine = await h.call(
      graphql(`
        query MyCouponsClaimed {
          myCoupons {
            status
            coupon {
              id
              claimedByMe
            }
          }
        }
      `),
      {},
      me,
    );
    expect(mine.data?.myCoupons).toEqual([
      { status: 'AVAILABLE', coupon: { id: coupon.id, claimedByMe: true } },
    ]);
    const forCart = async (subtotal: number) =>
      (
        await h.call(
          graphql(`
            query ClaimableCoupons($s: ID!, $t: Int!) {
              claimableCoupons(storeId: $s, subtotal: $t) {
                id
                discountFor(subtotal: $t)
              }
            }
          `),
          { s: storeId, t: subtotal },
          me,
        )
      ).data?.claimableCoupons;
    expect(await forCart(10000)).toEqual([]);
    expect(await forCart(30000)).toEqual([{ id: coupon.id, discountFor: 3000 }]);
    expect(await forCart(60000)).toEqual([
      { id: big.id, discountFor: 10000 },
      { id: coupon.id, discountFor: 3000 },
    ]);
  });

  it('issues a coupon limited to 10 exactly 10 times under 100 simultaneous claims', async () => {
    const { sellerId, storeId } = await h.openStore();
    const coupon = await createCoupon(sellerId, storeId, { issueLimit: 10 });
    // Half the claims go to a second replica: the two race for the same issue positions.
    const replica = await h.replica();
    const started = Date.now();
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        i % 2 === 0
          ? h.call(CLAIM, { id: coupon.id }, customer())
          : gqlRequest(replica.url, CLAIM, { id: coupon.id }, callerHeaders(customer())),
      ),
    );
    const duration = Date.now() - started;
    const kinds = results.map((r) => r.data?.claimCoupon.__typename ?? r.errors?.[0]?.message);
    const claimed = kinds.filter((k) => k === 'CouponClaim').length;
    const soldOut = results.filter((r) => {
      const answer = r.data?.claimCoupon;
      return answer?.__typename !== 'CouponClaim' && answer?.code === 'COUPON_SOLD_OUT';
    }).length;
    const issued = await h.db.collection('coupon_issues').countDocuments({ couponId: coupon.id });
    console.log(
      `[race] 100 simultaneous claims of a coupon limited to 10: ${claimed} claimed, ${soldOut} sold out, ` +
        `${issued} issues stored; ${duration} ms`,
    );
    expect(claimed).toBe(10);
    expect(soldOut).toBe(90);
    expect(issued).toBe(10);
    const view = await h.call(COUPON, { id: coupon.id });
    expect(view.data?.coupon).toEqual({ id: coupon.id, issuedCount: 10, remaining: 0 });
  }, 120_000);

  it('claims once per customer even when the same customer clicks many times at once', async () => {
    const { sellerId, storeId } = await h.openStore();
    const coupon = await createCoupon(sellerId, storeId, { issueLimit: 5 });
    const me = customer();
    const results = await Promise.all(
      Array.from({ length: 10 }, () => h.call(CLAIM, { id: coupon.id }, me)),
    );
    expect(results.filter((r) => r.data?.claimCoupon.__typename === 'CouponClaim')).toHaveLength(1);
    expect(await h.db.collection('coupon_issues').countDocuments({ couponId: coupon.id })).toBe(1);
  });
});

describe('redeeming coupons in the saga', () => {
  /** The coupon is redeemed with the reservation: the answer is one event either way. */
  const answerFor = (orderId: string) =>
    waitFor(
      () =>
        [
          ...h.events.ofType('stores.inventory.reserved'),
          ...h.events.ofType('stores.inventory.rejected'),
        ].find((e) => (e.payload as { orderId: string }).orderId === orderId)?.payload as
          | {
              reason?: string;
              couponReason?: string;
              coupon?: { couponId: string; discount: number } | null;
              stock?: { flowerId: number; available: number }[];
            }
          | undefined,
      { what: `the reservation answer of ${orderId}` },
    );

  it('redeems for one order at a time, rejects what does not qualify, and returns on cancel', async () => {
    const { sellerId, storeId } = await h.openStore();
    await setStock(h, sellerId, storeId, [{ flowerId: 1, available: 1000 }]);
    const coupon = await createCoupon(sellerId, storeId, {
      discountAmount: 3000,
      minOrderAmount: 20000,
    });
    const customerId = newId();
    const place = (orderId: string, subtotal = 30000, couponId = coupon.id) =>
      h.server.saga.handle(
        h.envelope(orderPlaced, {
          ...placedOrder(storeId, [{ flowerId: 1, count: 1 }], { orderId, customerId, subtotal }),
          couponId,
        }),
      );

    const unclaimed = newId();
    await place(unclaimed);
    expect(await answerFor(unclaimed)).toMatchObject({
      reason: 'COUPON_REJECTED',
      couponReason: 'NOT_CLAIMED',
    });

    await h.call(CLAIM, { id: coupon.id }, customer(customerId));
    const small = newId();
    await place(small, 15000);
    expect(await answerFor(small)).toMatchObject({ couponReason: 'MINIMUM_NOT_MET' });

    const first = newId();
    await Promise.allSettled([place(first), place(first), place(first)]);
    await place(first);
    expect((await answerFor(first)).coupon).toEqual({ couponId: coupon.id, discount: 3000 });

    const second = newId();
    await place(second);
    expect(await answerFor(second)).toMatchObject({ couponReason: 'ALREADY_USED' });
    const mine = await h.call(MY_COUPONS, {}, customer(customerId));
    expect(mine.data?.myCoupons).toEqual([{ status: 'IN_USE' }]);
    // A refused coupon holds no flowers: only the redeemed order's stem is reserved.
    expect(
      h.events
        .ofType('stores.inventory.rejected')
        .filter((e) =>
          [unclaimed, small, second].includes((e.payload as { orderId: string }).orderId),
        ),
    ).toHaveLength(3);

    await h.server.saga.handle(
      h.envelope(orderCanceled, { orderId: first, storeId, reason: 'CUSTOMER_REQUEST' }),
    );
    await h.server.saga.handle(
      h.envelope(orderFailed, { orderId: first, storeId, reason: 'DUPLICATE' }),
    );
    const returned = await h.eventFor('stores.coupon.returned', { orderId: first });
    expect(returned.payload).toMatchObject({ couponId: coupon.id, customerId });
    expect((await h.call(MY_COUPONS, {}, customer(customerId))).data?.myCoupons).toEqual([
      { status: 'AVAILABLE' },
    ]);

    const third = newId();
    await place(third);
    expect((await answerFor(third)).coupon).toMatchObject({ discount: 3000 });
    const wrongStore = newId();
    const other = await h.openStore();
    const foreign = await createCoupon(other.sellerId, other.storeId);
    await place(wrongStore, 30000, foreign.id);
    expect(await answerFor(wrongStore)).toMatchObject({ couponReason: 'WRONG_STORE' });
    expect(
      h.events
        .ofType('stores.coupon.returned')
        .filter((e) => (e.payload as { orderId: string }).orderId === first),
    ).toHaveLength(1);
    expect(await stepOf(first, 'coupon')).toMatchObject({ outcome: 'REDEEMED' });
  });

  it('refuses a pickup-only coupon on a delivery order, holding nothing', async () => {
    const { sellerId, storeId } = await h.openStore();
    await setStock(h, sellerId, storeId, [{ flowerId: 1, available: 10 }]);
    const coupon = await createCoupon(sellerId, storeId, { onlyFor: 'PICKUP' });
    const customerId = newId();
    await h.call(CLAIM, { id: coupon.id }, customer(customerId));
    const orderId = newId();
    await h.server.saga.handle(
      h.envelope(orderPlaced, {
        ...placedOrder(storeId, [{ flowerId: 1, count: 2 }], { orderId, customerId }),
        couponId: coupon.id,
      }),
    );
    const answer = await answerFor(orderId);
    expect(answer).toMatchObject({ reason: 'COUPON_REJECTED', couponReason: 'WRONG_FULFILMENT' });
    expect(answer.stock).toEqual([expect.objectContaining({ flowerId: 1, available: 10 })]);
  });

  it('does not redeem for an order that already failed', async () => {
    const { sellerId, storeId } = await h.openStore();
    await setStock(h, sellerId, storeId, [{ flowerId: 1, available: 10 }]);
    const coupon = await createCoupon(sellerId, storeId);
    const customerId = newId();
    await h.call(CLAIM, { id: coupon.id }, customer(customerId));
    const orderId = newId();
    await h.server.saga.handle(h.envelope(orderFailed, { orderId, storeId, reason: 'TIMEOUT' }));
    await h.server.saga.handle(
      h.envelope(orderPlaced, {
        ...placedOrder(storeId, [{ flowerId: 1, count: 1 }], {
          orderId,
          customerId,
          subtotal: 50000,
        }),
        couponId: coupon.id,
      }),
    );
    expect(await answerFor(orderId)).toMatchObject({ reason: 'ORDER_CLOSED' });
    expect((await h.call(MY_COUPONS, {}, customer(customerId))).data?.myCoupons).toEqual([
      { status: 'AVAILABLE' },
    ]);
  });
});
