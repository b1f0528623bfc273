import { ADMIN_ACCOUNT, errorCode, expectUnion } from '@bloom/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGN_UP_SELLER, approvedSeller } from '../src/actors.js';
import { graphql } from '../src/generated/index.js';
import type { CreateStoreInput } from '../src/generated/graphql.js';
import { type System, startSystem } from '../src/system.harness.js';

/*
 * Stores through the gateway with the real identity subgraph: the approval travels as
 * `identity.seller.approved` over JetStream, the caller as the gateway's signed header, and
 * `User.store` is joined across identity and stores by federation.
 */

let sys: System;
beforeAll(async () => {
  sys = await startSystem(['identity', 'stores']);
}, 90_000);
afterAll(async () => sys?.close());

const STORE_INPUT: CreateStoreInput = {
  name: '마포 꽃다방',
  description: '홍대 골목의 작은 꽃방',
  phone: '02-332-0202',
  address: {
    regionCode: '11',
    districtCode: '11440',
    street: '서울 마포구 와우산로 94',
    detail: '2층',
    zipCode: '04066',
    latitude: 37.5509,
    longitude: 126.9227,
  },
  businessHours: { opensAt: '11:00', closesAt: '20:00', closedWeekdays: [] },
  settlementAccount: {
    bank: '카카오뱅크',
    accountNumber: '3333-01-2345678',
    accountHolder: '이서연',
  },
};

const CREATE = graphql(`
  mutation StoresCreateStore($i: CreateStoreInput!) {
    createStore(input: $i) {
      __typename
      ... on Store {
        id
        name
        status
      }
      ... on UserError {
        code
        message
      }
    }
  }
`);
const UPDATE = graphql(`
  mutation StoresRenameStore($s: ID!) {
    updateStore(storeId: $s, input: { name: "빼앗긴 꽃집" }) {
      __typename
    }
  }
`);
const CLAIM = graphql(`
  mutation StoresClaimCoupon($c: ID!) {
    claimCoupon(couponId: $c) {
      __typename
      ... on UserError {
        code
      }
    }
  }
`);

describe('stores through the gateway', () => {
  it('refuses a rejected seller the seller-only operations', async () => {
    const signUp = await sys.call(SIGN_UP_SELLER, {
      i: {
        email: 'rejected@bloom.test',
        password: 'flowers123',
        name: '거절됨',
        businessName: '거절 꽃집',
        businessRegistrationNumber: '124-81-00998',
      },
    });
    const admin = await sys.logIn(ADMIN_ACCOUNT.email, ADMIN_ACCOUNT.password);
    const rejected = await sys.call(
      graphql(`
        mutation StoresRejectSeller($id: ID!) {
          rejectSeller(userId: $id, reason: "서류 불일치") {
            __typename
          }
        }
      `),
      { id: expectUnion(signUp.data?.signUpSeller, 'AuthPayload').user.id },
      admin,
    );
    expect(rejected.data?.rejectSeller.__typename).toBe('User');
    const token = await sys.logIn('rejected@bloom.test', 'flowers123');
    expect(errorCode(await sys.call(CREATE, { i: STORE_INPUT }, token))).toBe('FORBIDDEN');
  });

  it('an approved seller opens a store right away, stocks it and shows it on their user', async () => {
    const seller = await approvedSeller(sys, {
      email: 'mapo@bloom.test',
      businessRegistrationNumber: '220-81-62517',
      name: '이서연',
      businessName: '마포 꽃다방',
    });
    // The token issued while pending has no SELLER role.
    expect(errorCode(await sys.call(CREATE, { i: STORE_INPUT }, seller.pendingToken))).toBe(
      'FORBIDDEN',
    );
    // Opened immediately after approval: stores waits for the approval event to arrive.
    const created = await sys.call(CREATE, { i: STORE_INPUT }, seller.token);
    expect(created.data?.createStore).toMatchObject({ __typename: 'Store', status: 'OPEN' });
    const storeId = expectUnion(created.data?.createStore, 'Store').id;
    const opened = await sys.events.waitForType('stores.store.opened');
    expect(opened[0]?.payload).toMatchObject({ storeId, sellerId: seller.userId });

    const stock = await sys.call(
      graphql(`
        mutation StoresSetFlowerStock($s: ID!) {
          setFlowerStock(
            storeId: $s
            items: [{ flowerId: 1, available: 70 }, { flowerId: 18, available: 12 }]
          ) {
            __typename
            ... on InventoryUpdate {
              items {
                flowerId
                available
                low
              }
            }
          }
        }
      `),
      { s: storeId },
      seller.token,
    );
    expect(expectUnion(stock.data?.setFlowerStock, 'InventoryUpdate').items).toEqual([
      { flowerId: 1, available: 70, low: false },
      { flowerId: 18, available: 12, low: true },
    ]);

    // identity's User joined with stores' User.store.
    const me = await sys.call(
      graphql(`
        query StoresMe {
          me {
            id
            email
            store {
              id
              name
              deliveryFee(subtotal: 10000)
              inventory {
                flowerId
                available
              }
            }
          }
        }
      `),
      {},
      seller.token,
    );
    expect(me.data?.me).toMatchObject({
      id: seller.userId,
      email: 'mapo@bloom.test',
      store: { id: storeId, name: '마포 꽃다방', deliveryFee: 3000 },
    });
    expect(me.data?.me?.store?.inventory).toHaveLength(22);

    // Anyone finds it; only the store sees its inventory.
    const found = await sys.call(
      graphql(`
        query StoresInDistrict {
          stores(filter: { regionCode: "11", districtCode: "11440" }) {
            totalCount
            nodes {
              id
              name
              seller {
                id
              }
              flowerStock {
                flowerId
                available
              }
            }
          }
        }
      `),
    );
    expect(found.data?.stores.totalCount).toBe(1);
    expect(found.data?.stores.nodes[0]).toMatchObject({
      id: storeId,
      seller: { id: seller.userId },
    });
    const anonymous = await sys.call(
      graphql(`
        query StoresInventory($id: ID!) {
          store(id: $id) {
            inventory {
              flowerId
            }
          }
        }
      `),
      {
        id: storeId,
      },
    );
    expect(errorCode(anonymous)).toBe('FORBIDDEN');
  }, 60_000);

  it('keeps another seller and customers out, and lets customers claim coupons', async () => {
    const owner = await approvedSeller(sys, {
      email: 'owner@bloom.test',
      businessRegistrationNumber: '124-81-00998',
      name: '이서연',
      businessName: '마포 꽃다방',
    });
    const created = await sys.call(
      CREATE,
      { i: { ...STORE_INPUT, name: '주인 꽃집' } },
      owner.token,
    );
    const storeId = expectUnion(created.data?.createStore, 'Store').id;
    const rival = await approvedSeller(sys, {
      email: 'rival@bloom.test',
      businessRegistrationNumber: '214-86-24304',
      name: '이서연',
      businessName: '마포 꽃다방',
    });
    expect(errorCode(await sys.call(UPDATE, { s: storeId }, rival.token))).toBe('FORBIDDEN');

    const coupon = await sys.call(
      graphql(`
        mutation StoresCreateCoupon($s: ID!, $i: CreateCouponInput!) {
          createCoupon(storeId: $s, input: $i) {
            __typename
            ... on Coupon {
              id
            }
          }
        }
      `),
      {
        s: storeId,
        i: {
          name: '첫 주문 3천원',
          code: 'FIRST3000',
          discountAmount: 3000,
          minOrderAmount: 20000,
          startsAt: new Date(Date.now() - 60_000).toISOString(),
          endsAt: new Date(Date.now() + 86_400_000).toISOString(),
          issueLimit: 5,
        },
      },
      owner.token,
    );
    const couponId = expectUnion(coupon.data?.createCoupon, 'Coupon').id;
    const customer = await sys.call(
      graphql(`
        mutation StoresSignUpBuyer {
          signUp(input: { email: "buyer@bloom.test", password: "flowers123", name: "정민지" }) {
            __typename
            ... on AuthPayload {
              accessToken
            }
          }
        }
      `),
    );
    const token = expectUnion(customer.data?.signUp, 'AuthPayload').accessToken;
    expect(errorCode(await sys.call(UPDATE, { s: storeId }, token))).toBe('FORBIDDEN');
    expect((await sys.call(CLAIM, { c: couponId }, token)).data?.claimCoupon.__typename).toBe(
      'CouponClaim',
    );
    expect((await sys.call(CLAIM, { c: couponId }, token)).data?.claimCoupon).toMatchObject({
      code: 'COUPON_ALREADY_CLAIMED',
    });
    const offers = await sys.call(
      graphql(`
        query StoresClaimableCoupons($s: ID!) {
          claimableCoupons(storeId: $s, subtotal: 25000) {
            id
            claimedByMe
            discountFor(subtotal: 25000)
          }
        }
      `),
      { s: storeId },
      token,
    );
    expect(offers.data?.claimableCoupons).toEqual([
      { id: couponId, claimedByMe: true, discountFor: 3000 },
    ]);
  }, 60_000);
});
