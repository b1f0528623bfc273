import { ADMIN_ACCOUNT, expectUnion, waitFor } from '@bloom/testing';
import { graphql } from './generated/index.js';
import type { CreateProductInput, CreateStoreInput, RecipeLineInput } from './generated/graphql.js';
import type { System } from './system.harness.js';

/** A store in 마포구 with delivery and pickup, for tests that need a selling store. */
export const SKY_GARDEN_STORE: CreateStoreInput = {
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

/** A customer signs up; the payload carries their token and id. */
export const SIGN_UP = graphql(`
  mutation SignUp($i: SignUpInput!) {
    signUp(input: $i) {
      __typename
      ... on AuthPayload {
        accessToken
        user {
          id
        }
      }
    }
  }
`);
const SIGN_UP_CUSTOMER = graphql(`
  mutation SignUpCustomer($i: SignUpInput!) {
    signUp(input: $i) {
      __typename
    }
  }
`);
export const SIGN_UP_SELLER = graphql(`
  mutation SignUpSeller($i: SellerSignUpInput!) {
    signUpSeller(input: $i) {
      __typename
      ... on AuthPayload {
        user {
          id
        }
      }
    }
  }
`);
export const APPROVE_SELLER = graphql(`
  mutation ApproveSeller($id: ID!) {
    approveSeller(userId: $id) {
      __typename
    }
  }
`);
const CREATE_SKY_GARDEN = graphql(`
  mutation CreateSkyGardenStore($i: CreateStoreInput!) {
    createStore(input: $i) {
      __typename
      ... on Store {
        id
      }
    }
  }
`);
/** A seller lists a product; the product's id, or the refusal. */
export const CREATE_PRODUCT = graphql(`
  mutation CreateProduct($i: CreateProductInput!) {
    createProduct(input: $i) {
      __typename
      ... on Product {
        id
      }
      ... on UserError {
        code
        message
      }
    }
  }
`);

type Defaulted<T, K extends keyof T> = Omit<T, K> & Partial<Pick<T, K>>;

/**
 * A `CreateProductInput` with the schema's defaults spelled out where a test leaves them out
 * (no images or tags, not a subscription, a recipe line not representative): the generated
 * input type requires every field that has a default.
 */
export const productInput = ({
  recipe,
  ...fields
}: Defaulted<CreateProductInput, 'images' | 'tags' | 'isSubscription' | 'recipe'> & {
  recipe: Defaulted<RecipeLineInput, 'representative'>[];
}): CreateProductInput => ({
  images: [],
  tags: [],
  isSubscription: false,
  ...fields,
  recipe: recipe.map((line) => ({ representative: false, ...line })),
});

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
  const signUp = await sys.call(SIGN_UP_SELLER, {
    i: {
      email: options.email,
      password: 'flowers123',
      name: options.name ?? '김하늘',
      businessName: options.businessName ?? '하늘정원 플라워',
      businessRegistrationNumber: options.businessRegistrationNumber,
    },
  });
  const userId = expectUnion(signUp.data?.signUpSeller, 'AuthPayload').user.id;
  const pendingToken = await sys.logIn(options.email, 'flowers123');
  const admin = await sys.logIn(ADMIN_ACCOUNT.email, ADMIN_ACCOUNT.password);
  await sys.call(APPROVE_SELLER, { id: userId }, admin);
  return { userId, pendingToken, token: await sys.logIn(options.email, 'flowers123') };
}

/** Signs a customer up and returns their access token. */
export async function customerToken(sys: System, email: string, name = '정민지'): Promise<string> {
  await sys.call(SIGN_UP_CUSTOMER, { i: { email, password: 'flowers123', name } });
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
      const created = await sys.call(CREATE_SKY_GARDEN, { i: SKY_GARDEN_STORE }, owner.token);
      const store = created.data?.createStore;
      return store?.__typename === 'Store' ? store.id : undefined;
    },
    { what: 'store created' },
  );
  return { ...owner, storeId };
}

/**
 * Creates a product as the store's seller and returns its id. Products learns of a new store
 * from the stores event, so the NoStoreError of the first moments is retried; any other answer
 * fails at once with what the API said.
 */
export async function createProductAs(
  sys: System,
  token: string,
  fields: Parameters<typeof productInput>[0],
): Promise<string> {
  const created = await waitFor(
    async () => {
      const res = await sys.call(CREATE_PRODUCT, { i: productInput(fields) }, token);
      return res.data?.createProduct.__typename === 'NoStoreError' ? undefined : res;
    },
    { what: 'store known to products' },
  );
  return expectUnion(created.data?.createProduct, 'Product').id;
}
