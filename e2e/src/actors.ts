import { waitFor } from '@bloom/testing';
import { ADMIN, type System } from './system.harness.js';

/** A store in 마포구 with delivery and pickup, for tests that need a selling store. */
export const SKY_GARDEN_STORE = {
  name: '하늘정원 플라워',
  description: '계절 꽃다발',
  phone: '02-332-0202',
  address: {
    regionCode: '11',
    districtCode: '11440',
    street: '서울 마포구 와우산로 94',
    zipCode: '04066',
    latitude: 37.5509,
    longitude: 126.9227,
  },
  businessHours: { opensAt: '09:00', closesAt: '21:00', closedWeekdays: [] },
  settlementAccount: {
    bank: '카카오뱅크',
    accountNumber: '3333-01-2345678',
    accountHolder: '김하늘',
  },
  deliveryPolicy: {
    fee: 3000,
    freeDeliveryThreshold: 50000,
    sameDayCutoff: '14:00',
    windows: [{ start: '10:00', end: '13:00' }],
  },
  pickup: { enabled: true, slotCapacity: 5 },
};

export interface SellerOptions {
  email: string;
  businessRegistrationNumber: string;
  name?: string;
  businessName?: string;
}

/**
 * Signs a seller up and has the admin approve them through the gateway. `pendingToken` was
 * issued before the approval (no SELLER role); `token` after it.
 */
export async function approvedSeller(sys: System, options: SellerOptions) {
  const signUp = await sys.call(
    `mutation($i: SellerSignUpInput!) { signUpSeller(input: $i) { ... on AuthPayload { user { id } } } }`,
    {
      i: {
        email: options.email,
        password: 'flowers123',
        name: options.name ?? '김하늘',
        businessName: options.businessName ?? '하늘정원 플라워',
        businessRegistrationNumber: options.businessRegistrationNumber,
      },
    },
  );
  const userId = signUp.data?.signUpSeller.user.id as string;
  const pendingToken = await sys.logIn(options.email, 'flowers123');
  const admin = await sys.logIn(ADMIN.email, ADMIN.password);
  await sys.call(
    `mutation($id: ID!) { approveSeller(userId: $id) { __typename } }`,
    { id: userId },
    admin,
  );
  return { userId, pendingToken, token: await sys.logIn(options.email, 'flowers123') };
}

/** Signs a customer up and returns their access token. */
export async function customerToken(sys: System, email: string, name = '정민지'): Promise<string> {
  await sys.call(`mutation($i: SignUpInput!) { signUp(input: $i) { __typename } }`, {
    i: { email, password: 'flowers123', name },
  });
  return sys.logIn(email, 'flowers123');
}

/**
 * An approved seller with SKY_GARDEN_STORE open, through the gateway. The store is created once
 * stores has seen identity's approval event, so it retries until then.
 */
export async function skyGardenSeller(sys: System) {
  const owner = await approvedSeller(sys, {
    email: 'sky@bloom.test',
    businessRegistrationNumber: '220-81-62517',
  });
  const storeId = await waitFor(
    async () => {
      const created = await sys.call(
        `mutation($i: CreateStoreInput!) { createStore(input: $i) { __typename ... on Store { id } } }`,
        { i: SKY_GARDEN_STORE },
        owner.token,
      );
      return created.data?.createStore.id as string | undefined;
    },
    { what: 'store created' },
  );
  return { ...owner, storeId };
}
