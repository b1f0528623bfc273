import { ADMIN_ACCOUNT, type GraphQLResponse, errorCode, expectUnion } from '@bloom/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerToken, skyGardenSeller } from '../src/actors.js';
import { graphql } from '../src/generated/index.js';
import { SUBGRAPHS, type System, startSystem } from '../src/system.harness.js';

/*
 * Mistakes a client makes, through the gateway over real HTTP: each is answered as the
 * client's (BAD_USER_INPUT, a GraphQL request error, a 4xx), never as ours (INTERNAL_SERVER_ERROR,
 * an HTTP 5xx). Each case was answered as a server error before its fix.
 */

let sys: System;
let customer = '';
let seller = '';
let storeId = '';
let admin = '';

beforeAll(async () => {
  sys = await startSystem([...SUBGRAPHS], { API_KEY_RATE_LIMIT_PER_MINUTE: '1000000' });
  customer = await customerToken(sys, 'mistakes-customer@bloom.test');
  const owner = await skyGardenSeller(sys);
  seller = owner.token;
  storeId = owner.storeId;
  admin = await sys.logIn(ADMIN_ACCOUNT.email, ADMIN_ACCOUNT.password);
}, 120_000);
afterAll(async () => sys?.close());

/** No answer of ours: no 5xx, no INTERNAL_SERVER_ERROR. */
function expectClientSide(response: GraphQLResponse<unknown>) {
  expect(response.status, JSON.stringify(response)).toBeLessThan(500);
  expect(response.errors?.map((error) => error.extensions?.code) ?? []).not.toContain(
    'INTERNAL_SERVER_ERROR',
  );
}

describe('explicit null in an optional input means the value is left out', () => {
  const UPDATE_PROFILE = graphql(`
    mutation MistakeUpdateProfile($i: UpdateProfileInput!) {
      updateProfile(input: $i) {
        __typename
        ... on User {
          name
          phone
        }
      }
    }
  `);

  it('updateProfile(input: { phone: null }) keeps the phone, as leaving it out does', async () => {
    const set = await sys.call(UPDATE_PROFILE, { i: { phone: '010-2222-3333' } }, customer);
    expect(expectUnion(set.data?.updateProfile, 'User').phone).toBe('010-2222-3333');
    const cleared = await sys.call(UPDATE_PROFILE, { i: { phone: null, name: null } }, customer);
    expectClientSide(cleared);
    expect(expectUnion(cleared.data?.updateProfile, 'User')).toMatchObject({
      name: '정민지',
      phone: '010-2222-3333',
    });
  });

  it('saveAddress(input: { …, detail: null }) saves the address without a detail', async () => {
    const saved = await sys.call(
      graphql(`
        mutation MistakeSaveAddress {
          saveAddress(
            input: {
              label: "집"
              recipientName: "정민지"
              phone: "010-1234-5678"
              zipCode: "04066"
              street: "서울 마포구 와우산로 94"
              detail: null
              regionCode: null
            }
          ) {
            __typename
            ... on Address {
              detail
            }
          }
        }
      `),
      {},
      customer,
    );
    expectClientSide(saved);
    expect(expectUnion(saved.data?.saveAddress, 'Address').detail).toBe('');
  });

  it('signUp(input: { …, phone: null }) signs the customer up', async () => {
    const signedUp = await sys.call(
      graphql(`
        mutation MistakeSignUp($i: SignUpInput!) {
          signUp(input: $i) {
            __typename
          }
        }
      `),
      {
        i: { email: 'null-phone@bloom.test', password: 'flowers123', name: '박서연', phone: null },
      },
    );
    expectClientSide(signedUp);
    expect(signedUp.data?.signUp.__typename).toBe('AuthPayload');
  });

  it('writeGiftCard(input: { …, fromName: null }) gets to the order line check', async () => {
    const written = await sys.call(
      graphql(`
        mutation MistakeWriteGiftCard($i: WriteGiftCardInput!) {
          writeGiftCard(input: $i) {
            __typename
          }
        }
      `),
      { i: { orderLineId: '0123456789abcdef01234567', message: '생일 축하해', fromName: null } },
      customer,
    );
    expectClientSide(written);
    expect(written.data?.writeGiftCard.__typename).toBe('OrderLineNotFoundError');
  });
});

describe('a crafted cursor is BAD_USER_INPUT on the field that got it', () => {
  const b64 = (text: string) => Buffer.from(text).toString('base64url');
  /** `[1,"zz"]`: an id that is no ObjectId. */
  const NOT_AN_ID = 'WzEsInp6Il0';
  /** A sort date no Date can hold: the database driver threw on it. */
  const OUT_OF_RANGE = b64('[8.7e15,"0123456789abcdef01234567"]');

  const MY_ORDERS = graphql(`
    query MistakeMyOrdersCursor($c: String) {
      myOrders(after: $c) {
        totalCount
      }
    }
  `);
  const STORE_ORDERS = graphql(`
    query MistakeStoreOrdersCursor($c: String, $s: ID!) {
      storeOrders(storeId: $s, after: $c) {
        totalCount
      }
    }
  `);
  const USERS = graphql(`
    query MistakeUsersCursor($c: String) {
      users(after: $c) {
        totalCount
      }
    }
  `);
  const APPLICATIONS = graphql(`
    query MistakeApplicationsCursor($c: String) {
      sellerApplications(after: $c) {
        totalCount
      }
    }
  `);
  const NOTICES = graphql(`
    query MistakeNoticesCursor($c: String) {
      notices(after: $c) {
        totalCount
      }
    }
  `);
  const INVENTORY = graphql(`
    query MistakeInventoryCursor($c: String) {
      myStore {
        inventoryHistory(after: $c) {
          totalCount
        }
      }
    }
  `);

  type Case = [string, (cursor: string) => Promise<GraphQLResponse<unknown>>, string[], string[]];
  const cases: Case[] = [
    [
      'myOrders',
      (c) => sys.call(MY_ORDERS, { c }, customer),
      ['myOrders'],
      [NOT_AN_ID, OUT_OF_RANGE],
    ],
    [
      'storeOrders',
      (c) => sys.call(STORE_ORDERS, { c, s: storeId }, seller),
      ['storeOrders'],
      [NOT_AN_ID, OUT_OF_RANGE],
    ],
    ['users', (c) => sys.call(USERS, { c }, admin), ['users'], [NOT_AN_ID, OUT_OF_RANGE]],
    [
      'sellerApplications',
      (c) => sys.call(APPLICATIONS, { c }, admin),
      ['sellerApplications'],
      [NOT_AN_ID, OUT_OF_RANGE],
    ],
    // Notice and stock movement ids are plain strings, so only the date can be wrong there.
    ['notices', (c) => sys.call(NOTICES, { c }, customer), ['notices'], [OUT_OF_RANGE]],
    [
      'inventoryHistory',
      (c) => sys.call(INVENTORY, { c }, seller),
      ['myStore', 'inventoryHistory'],
      [OUT_OF_RANGE],
    ],
  ];

  it.each(cases)('%s', async (_, call, path, cursors) => {
    for (const cursor of cursors) {
      const response = await call(cursor);
      expectClientSide(response);
      expect(response.errors?.[0], cursor).toMatchObject({
        message: 'The cursor is not valid.',
        path,
        extensions: { code: 'BAD_USER_INPUT', field: 'after' },
      });
    }
  });
});

describe('a DateTimeISO that is not a real date and time is refused before anything runs', () => {
  const MY_ORDERS = graphql(`
    query MistakeOrdersTo($f: OrderFilter) {
      myOrders(filter: $f) {
        totalCount
      }
    }
  `);

  it('myOrders(filter: { to: "" }), as a variable and as a literal', async () => {
    const variable = await sys.call(MY_ORDERS, { f: { to: '' } }, customer);
    expectClientSide(variable);
    expect(variable.status).toBe(400);
    expect(variable.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(variable.errors?.[0]?.message).toMatch(
      /^Variable "\$f" got invalid value "" at "f\.to"; DateTimeISO needs a real date and time/,
    );
    const literal = await sys.call(
      graphql(`
        query MistakeOrdersToLiteral {
          myOrders(filter: { to: "" }) {
            totalCount
          }
        }
      `),
      {},
      customer,
    );
    expectClientSide(literal);
    expect(errorCode(literal)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(literal.errors?.[0]?.message).toMatch(/DateTimeISO needs a real date and time/);
  });

  it('a pickup slot starting at "not-a-date"', async () => {
    const quoted = await sys.call(
      graphql(`
        query MistakePickupSlot($i: CheckoutQuoteInput!) {
          checkoutQuote(input: $i) {
            __typename
          }
        }
      `),
      { i: { fulfilment: 'PICKUP', pickupSlots: [{ storeId, startsAt: 'not-a-date' }] } },
      customer,
    );
    expectClientSide(quoted);
    expect(errorCode(quoted)).toBe('BAD_USER_INPUT');
    expect(quoted.errors?.[0]?.message).toContain('"i.pickupSlots[0].startsAt"');
  });

  it('a coupon ending on 2024-02-30: refused, not rolled over to March', async () => {
    const COUPONS = graphql(`
      query MistakeStoreCoupons {
        myStore {
          coupons(includeEnded: true) {
            id
          }
        }
      }
    `);
    const before = (await sys.call(COUPONS, {}, seller)).data?.myStore?.coupons.length;
    const created = await sys.call(
      graphql(`
        mutation MistakeCreateCoupon($s: ID!, $i: CreateCouponInput!) {
          createCoupon(storeId: $s, input: $i) {
            __typename
          }
        }
      `),
      {
        s: storeId,
        i: {
          name: '봄맞이',
          code: 'SPRING-30',
          discountAmount: 1000,
          minOrderAmount: 0,
          startsAt: '2024-02-01T00:00:00Z',
          endsAt: '2024-02-30T00:00:00Z',
          issueLimit: 10,
        },
      },
      seller,
    );
    expectClientSide(created);
    expect(errorCode(created)).toBe('BAD_USER_INPUT');
    expect(created.errors?.[0]?.message).toContain('"2024-02-30T00:00:00Z"');
    expect((await sys.call(COUPONS, {}, seller)).data?.myStore?.coupons.length).toBe(before);
  });
});

describe('requests Apollo cannot run as sent are the matching request error, never a 500', () => {
  const send = async (body: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(sys.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    return {
      status: response.status,
      ...((await response.json()) as { errors?: GraphQLResponse['errors'] }),
    };
  };

  it('two operations and no operationName (or an unknown one): OPERATION_RESOLUTION_FAILURE', async () => {
    const query = 'query A { __typename } query B { __typename }';
    expect(await send({ query })).toEqual({
      status: 400,
      errors: [
        {
          message: 'Must provide operation name if query contains multiple operations.',
          extensions: { code: 'OPERATION_RESOLUTION_FAILURE' },
        },
      ],
    });
    expect(await send({ query, operationName: 'C' })).toMatchObject({
      status: 400,
      errors: [{ message: 'Unknown operation named "C".' }],
    });
    expect(await send({ query, operationName: 'B' })).toMatchObject({
      status: 200,
      data: { __typename: 'Query' },
    });
  });

  it('a persisted query whose hash does not match, or of another version: BAD_REQUEST', async () => {
    const query = '{ __typename }';
    expect(
      await send({ query, extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } } }),
    ).toEqual({
      status: 400,
      errors: [
        { message: 'provided sha does not match query', extensions: { code: 'BAD_REQUEST' } },
      ],
    });
    expect(
      await send({ query, extensions: { persistedQuery: { version: 2, sha256Hash: 'abc' } } }),
    ).toEqual({
      status: 400,
      errors: [
        { message: 'Unsupported persisted query version', extensions: { code: 'BAD_REQUEST' } },
      ],
    });
    // An unknown hash without the query is Apollo's own signal to send the query.
    expect(
      await send({ extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } } }),
    ).toMatchObject({ errors: [{ extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] });
  });

  it('a subscription over HTTP: BAD_REQUEST that says where subscriptions are served', async () => {
    const answer = await send(
      {
        query:
          'subscription { productRestocked(productId: "0123456789abcdef01234567") { restockedAt } }',
      },
      { authorization: `Bearer ${customer}` },
    );
    expect(answer).toEqual({
      status: 400,
      errors: [
        {
          message:
            'Subscriptions are served over WebSocket (graphql-ws) on /graphql, not over HTTP.',
          extensions: { code: 'BAD_REQUEST' },
        },
      ],
    });
  });

  it('a body over the limit: 413, and the next call on the client is answered', async () => {
    const big = await fetch(sys.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }', variables: { x: 'a'.repeat(1_100_000) } }),
    });
    expect(big.status).toBe(413);
    expect(await send({ query: '{ __typename }' })).toMatchObject({ status: 200 });
  });
});

describe('found by the fuzz (e2e/test/fuzz.e2e.test.ts)', () => {
  it('settleMonth(month: "9999-12"): BAD_USER_INPUT, not a failed date calculation', async () => {
    const SETTLE = graphql(`
      mutation MistakeSettleMonth($m: String!) {
        settleMonth(month: $m) {
          month
        }
      }
    `);
    const far = await sys.call(SETTLE, { m: '9999-12' }, admin);
    expectClientSide(far);
    expect(far.errors?.[0]).toMatchObject({
      path: ['settleMonth'],
      extensions: { code: 'BAD_USER_INPUT', field: 'month' },
    });
    expect((await sys.call(SETTLE, { m: '2025-01' }, admin)).data?.settleMonth).toEqual([]);
  });

  it('a NUL character in a name or search text: no match, not a refused database query', async () => {
    const NUL = 'rose\u0000';
    const stores = await sys.call(
      graphql(`
        query MistakeStoresByName($n: String) {
          stores(filter: { name: $n }) {
            totalCount
          }
        }
      `),
      { n: NUL },
    );
    expectClientSide(stores);
    expect(stores.data?.stores.totalCount).toBe(0);
    const users = await sys.call(
      graphql(`
        query MistakeUsersSearch($q: String) {
          users(filter: { search: $q }) {
            totalCount
          }
        }
      `),
      { q: NUL },
      admin,
    );
    expectClientSide(users);
    expect(users.data?.users.totalCount).toBe(0);
    const products = await sys.call(
      graphql(`
        query MistakeProductsKeyword($k: String) {
          products(filter: { keyword: $k }) {
            totalCount
          }
        }
      `),
      { k: NUL },
    );
    expectClientSide(products);
    expect(products.data?.products.totalCount).toBe(0);
  });
});
