import { type Caller, type Role, checkAccess } from '@bloom/kernel';
import { loadPaymentsEmulatorConfig, startPaymentsEmulator } from '@bloom/payments-emulator';
import { ADMIN_ACCOUNT, type GraphQLResponse, dataOf, gqlRequest, waitFor } from '@bloom/testing';
import type { GraphQLField } from 'graphql';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessTable } from '../../gateway/src/access/access.table.js';
import {
  approvedSeller,
  createProductAs,
  customerToken,
  SKY_GARDEN_STORE,
  skyGardenSeller,
} from '../src/actors.js';
import { graphql } from '../src/generated/index.js';
import type { FuzzCountsQuery } from '../src/generated/graphql.js';
import {
  type OptionalChoice,
  type RootOperation,
  SUPERGRAPH_SDL,
  fuzzOperation,
  rootFields,
} from '../src/schema-operations.js';
import { SUBGRAPHS, type System, startSystem } from '../src/system.harness.js';

/*
 * A seeded fuzz of the public API through the gateway: thousands of operations generated from
 * the supergraph (valid GraphQL, hostile values), as four kinds of caller, plus hundreds of
 * malformed HTTP requests. Nothing a client sends may be answered as our failure (HTTP 5xx,
 * INTERNAL_SERVER_ERROR, stack or database text); the services stay healthy; a mutation that
 * fails leaves the fuzz customer's records as they were. Replay a run with FUZZ_SEED=<seed>.
 */

/** FUZZ_OPERATIONS makes a longer run (a soak before a release, a hunt for a flaky answer). */
const OPERATIONS = Number(process.env.FUZZ_OPERATIONS ?? 2_000);
const MALFORMED = 320;
// A fixed default keeps `npm test` reproducible; explore with FUZZ_SEED=random (or a number).
const SEED =
  process.env.FUZZ_SEED === 'random'
    ? Math.floor(Math.random() * 2 ** 31)
    : Number(process.env.FUZZ_SEED ?? 20_261_202);

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
function prng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const below = (n: number) => Math.floor(next() * n);
  return {
    next,
    below,
    chance: (p: number) => next() < p,
    oneOf: <T>(items: readonly T[]): T => items[below(items.length)] as T,
  };
}
type Random = ReturnType<typeof prng>;

const b64 = (text: string) => Buffer.from(text).toString('base64url');
const HEX_ID = '0123456789abcdef01234567';

const INTS = [0, -1, 1, 2, 3, 7, 100, 101, 1000, 100_000, 100_001, 2 ** 31 - 1, -(2 ** 31)];
const FLOATS = [0, -0, -1, 0.5, 1.5, 37.55, 126.92, 91, -181, 1e308, -1e308, 5e-324, 2 ** 53];
const DATE_TIMES = [
  () => new Date().toISOString(),
  () => new Date(Date.now() + 86_400_000).toISOString(),
  () => new Date(Date.now() + 40 * 86_400_000).toISOString(),
  () => '2020-01-01T00:00:00Z',
  () => '1970-01-01T00:00:00Z',
  () => '0001-01-01T00:00:00Z',
  () => '9999-12-31T23:59:59.999Z',
  () => '2024-02-29T12:00:00+09:00',
  () => '2024-02-30T00:00:00Z',
  () => '2023-02-29T00:00:00Z',
  () => '2025-13-01T00:00:00Z',
  () => '',
  () => 'not-a-date',
  () => '2025-05-01',
  () => '2025-05-01T09:00:00',
];
const LONG = 'a'.repeat(10_000);
const HOSTILE_STRINGS = [
  '',
  ' ',
  '\t\n\r',
  'x',
  LONG,
  '가'.repeat(10_000),
  '🌹'.repeat(2_500),
  '🌹💐🥀',
  '👩‍👩‍👧‍👦',
  'مرحبا بالعالم',
  '\u202Eevil\u202C',
  'a\u200Bb\u200C\u200D\uFEFF',
  'nul\u0000byte',
  '\u0000',
  '\uD800',
  'e\u0301\u0301\u0301',
  '{"$gt":""}',
  '$where',
  'a.b.c',
  "'; DROP TABLE users; --",
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '%s%n%x',
  '${jndi:ldap://127.0.0.1/a}',
  '.*',
  '(a+)+$',
  '[',
  '\\',
  '"',
  'null',
  'undefined',
  'true',
  '0',
  '-1',
  'NaN',
  'Infinity',
  '1e309',
  // Enum-like strings where the schema says String: wrong names, wrong case, other enums' values.
  'NOPE',
  'pending',
  'PENDING',
  'ADMIN',
  'SELLER',
  'BOUQUET',
  'DELIVERY',
  'PICKUP',
  'CONFIRMED',
  'MONTHLY',
];
const CURSORS = [
  '',
  'WzEsInp6Il0',
  '%%%',
  'not base64 at all!',
  b64(`[${Date.now()},"${HEX_ID}"]`),
  b64(`[8.7e15,"${HEX_ID}"]`),
  b64(`[-1e308,"${HEX_ID}"]`),
  b64(`[1,"zzzzzzzzzzzz"]`),
  b64(`[1,{"$ne":null}]`),
  b64(`[{"$gt":1},"${HEX_ID}"]`),
  b64('[null,null]'),
  b64('{}'),
  b64('"x"'),
  b64('[]'),
  b64(`[1,2,3,4,5,6,7,8,9]`),
  b64(`[4.5,"${HEX_ID}",3]`),
  b64(LONG),
];
const BY_NAME: [RegExp, readonly (string | (() => string))[]][] = [
  [/^(after|before|cursor)$/i, CURSORS],
  [/email/i, ['fuzz@bloom.test', 'FUZZ@BLOOM.TEST', 'a@b', '@bloom.test', 'x@x.x', `${LONG}@a.io`]],
  [/phone/i, ['010-1234-5678', '01012345678', '02-332-0202', '010-0000-000', '+82 10 1234 5678']],
  [/password/i, ['flowers1234', 'short', 'nodigitsatall', '12345678', LONG]],
  [/month/i, ['2025-05', '2025-13', '2024-02', '0000-00', '0000-01', '9999-12', '2025-5']],
  [
    /date|from|until|day/i,
    [
      '2025-05-01',
      '2024-02-30',
      '2023-02-29',
      '2025-13-40',
      '0001-01-01',
      '1970-01-01',
      '9999-12-31',
    ],
  ],
  [
    /at$|time|cutoff|start|end|window/i,
    ['09:00', '21:00', '24:00', '23:59', '9:00', '10:00-13:00'],
  ],
  [/code/i, ['SPRING-10', 'ab', 'A'.repeat(21), '11', '11440', '04066', '00000']],
  [/url|image|src/i, ['https://example.com/a.png', 'javascript:alert(1)', 'file:///etc/passwd']],
  [/number|registration/i, ['220-81-62517', '124-81-00998', '000-00-00000', '4242424242424242']],
];

/** The last named step of a value path: `input.items[0].flowerId` → `flowerId`. */
const leafName = (path: string) =>
  path
    .split(/[.[\]<>]/)
    .filter((part) => part !== '' && !/^\d+$/.test(part))
    .at(-1) ?? '';

interface Actor {
  name: 'anonymous' | 'customer' | 'seller' | 'admin';
  caller: Caller;
  headers: Record<string, string>;
  /** Real ids this caller may pass: its own records and the shop's. */
  ids: string[];
}

/** Fields whose success would end the fuzz callers' accounts or store: only random ids there. */
const ENDINGS = new Set([
  'closeStore',
  'suspendStore',
  'suspendUser',
  'deleteAccount',
  'deleteProduct',
  'deleteProducts',
]);

const tomorrow = (hourUtc: number) => {
  const day = new Date(Date.now() + 86_400_000);
  return new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), hourUtc));
};
let serial = 0;

/** A value the field's rules would accept, by the field's name: hostile values go next to it. */
function plausible(random: Random, ids: readonly string[], scalar: string, name: string): unknown {
  serial += 1;
  const isId = scalar === 'ID' || (scalar === 'String' && /id$/i.test(name));
  if (isId) return ids.length ? random.oneOf(ids) : HEX_ID;
  if (scalar === 'Int') {
    if (/flower/i.test(name)) return 1 + random.below(3);
    if (/amount|price|fee|threshold|subtotal|total/i.test(name))
      return 1000 * (1 + random.below(40));
    if (/year/i.test(name)) return 2030;
    if (/month/i.test(name)) return 1 + random.below(12);
    return 1 + random.below(5);
  }
  if (scalar === 'Float') return /lon/i.test(name) ? 126.92 : /lat/i.test(name) ? 37.55 : 1000;
  if (scalar === 'Boolean') return random.chance(0.5);
  if (scalar === 'DateTimeISO') return tomorrow(random.oneOf([1, 3, 5])).toISOString();
  const rules: [RegExp, () => string][] = [
    [/email/i, () => `fuzz-${serial}@bloom.test`],
    [/password/i, () => 'flowers1234'],
    [/phone/i, () => '010-1234-5678'],
    [/month/i, () => new Date().toISOString().slice(0, 7)],
    [/date|from|until|day/i, () => tomorrow(3).toISOString().slice(0, 10)],
    [/window/i, () => '10:00-13:00'],
    [/at$|time|cutoff|start|end/i, () => random.oneOf(['09:00', '10:00', '21:00'])],
    [/zip/i, () => '04066'],
    [/region/i, () => '11'],
    [/district/i, () => '11440'],
    [/code/i, () => `FUZZ-${serial}`],
    [/registration/i, () => '220-81-62517'],
    [/number/i, () => '4242424242424242'],
    [/url|image|src/i, () => 'https://example.com/a.png'],
    [/^(after|before|cursor)$/i, () => ''],
  ];
  const rule = rules.find(([pattern]) => pattern.test(name));
  return rule ? rule[1]() : random.oneOf(['튤립 꽃다발', '생일 축하해', 'Kim Haneul', 'x']);
}

/** A boundary, wrong-format or hostile value of the scalar. */
function hostile(random: Random, ids: readonly string[], scalar: string, name: string): unknown {
  switch (scalar) {
    case 'ID':
      return random.oneOf([
        () => (ids.length ? random.oneOf(ids) : HEX_ID),
        () =>
          random
            .below(2 ** 48)
            .toString(16)
            .padStart(24, '0'),
        () => random.oneOf(['', 'zz', '1', '-1', 'null', 'zzzzzzzzzzzz', `${HEX_ID}0`, LONG, '🌹']),
        () => b64(`[1,"${HEX_ID}"]`),
      ])();
    case 'Int':
      return random.oneOf(INTS);
    case 'Float':
      return random.oneOf(FLOATS);
    case 'Boolean':
      return random.chance(0.5);
    case 'DateTimeISO':
      return random.oneOf(DATE_TIMES)();
    default: {
      const named = BY_NAME.find(([pattern]) => pattern.test(name));
      const value =
        named && random.chance(0.5) ? random.oneOf(named[1]) : random.oneOf(HOSTILE_STRINGS);
      return typeof value === 'function' ? value() : value;
    }
  }
}

function scalarPicker(random: Random, actor: Actor, field: string, hostility: number) {
  const ids = ENDINGS.has(field) ? [] : actor.ids;
  return (scalar: string, path: string): unknown => {
    const name = leafName(path);
    return random.chance(hostility)
      ? hostile(random, ids, scalar, name)
      : plausible(random, ids, scalar, name);
  };
}

function hostileOperation(
  random: Random,
  actor: Actor,
  kind: RootOperation['kind'],
  field: GraphQLField<unknown, unknown>,
): RootOperation {
  // Some operations are mostly plausible with one odd value, others hostile throughout.
  const hostility = random.oneOf([0.1, 0.25, 0.5, 0.9]);
  return fuzzOperation(kind, field, {
    pick: scalarPicker(random, actor, field.name, hostility),
    optional: (): OptionalChoice =>
      random.chance(hostility / 2) ? 'null' : random.chance(0.5) ? 'fill' : 'omit',
    enumValue: (values) => random.oneOf(values),
    listLength: () => (random.chance(hostility) ? random.oneOf([0, 2, 3, 30]) : 1),
    inline: () => random.chance(0.25),
    select: (fields) => fields.filter(() => random.chance(0.25)).slice(0, 4),
    maxDepth: 2,
  });
}

/** What every answer must not contain: our stack frames, file paths, driver or database text. */
const LEAK =
  /\s+at\s+\S+\s+\(|\.(ts|js):\d+|node_modules|mongo|E11000|\bBSON|mikro|DriverException|TypeError|ReferenceError|RangeError|Cannot read propert|is not a function|ECONNREFUSED|duplicate key|stacktrace/i;

interface Answer {
  status: number;
  text: string;
}

interface Tally {
  operations: number;
  malformed: number;
  status5xx: string[];
  internal: string[];
  leaks: string[];
  statuses: Map<number, number>;
  codes: Map<string, number>;
}

function record(tally: Tally, what: string, answer: Answer) {
  tally.statuses.set(answer.status, (tally.statuses.get(answer.status) ?? 0) + 1);
  if (answer.status >= 500)
    tally.status5xx.push(`${what} → HTTP ${answer.status} ${answer.text.slice(0, 200)}`);
  let errors: unknown[] = [];
  try {
    const body = JSON.parse(answer.text) as { errors?: unknown };
    if (Array.isArray(body.errors)) errors = body.errors;
  } catch {
    // Not JSON (Node's own 4xx answers): only the status and the text are checked.
  }
  for (const error of errors) {
    const code = (error as { extensions?: { code?: unknown } }).extensions?.code;
    const name = typeof code === 'string' ? code : 'NONE';
    tally.codes.set(name, (tally.codes.get(name) ?? 0) + 1);
    if (name === 'INTERNAL_SERVER_ERROR') {
      tally.internal.push(`${what} → ${JSON.stringify(error).slice(0, 300)}`);
    }
  }
  // Messages quote what the client sent; the hostile values hold none of these words.
  const match = LEAK.exec(answer.text);
  if (match) tally.leaks.push(`${what} → "${match[0]}" in ${answer.text.slice(0, 300)}`);
}

async function post(url: string, operation: RootOperation, headers: Record<string, string>) {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query: operation.document, variables: operation.variables }),
    });
    return { status: response.status, text: await response.text() };
  } catch (error) {
    // No answer at all (a reset connection) is as much our failure as a 5xx.
    return { status: 599, text: `no answer: ${String(error)}` };
  }
}

const COUNTS = graphql(`
  query FuzzCounts {
    myOrders {
      totalCount
    }
    myAddresses {
      id
    }
    mySubscriptions {
      id
    }
    myApiKeys {
      id
    }
    myCoupons {
      claimedAt
    }
    myRestockAlerts {
      id
    }
    cart {
      itemCount
    }
  }
`);
const SET_STOCK = graphql(`
  mutation FuzzSetStock($s: ID!) {
    setFlowerStock(
      storeId: $s
      items: [{ flowerId: 1, available: 50 }, { flowerId: 2, available: 50 }]
    ) {
      __typename
    }
  }
`);
const CREATE_COUPON = graphql(`
  mutation FuzzCreateCoupon($s: ID!, $i: CreateCouponInput!) {
    createCoupon(storeId: $s, input: $i) {
      __typename
      ... on Coupon {
        id
      }
    }
  }
`);
const SAVE_ADDRESS = graphql(`
  mutation FuzzSaveAddress($i: AddressInput!) {
    saveAddress(input: $i) {
      __typename
      ... on Address {
        id
      }
    }
  }
`);
const CREATE_STORE = graphql(`
  mutation FuzzCreateStore($i: CreateStoreInput!) {
    createStore(input: $i) {
      __typename
      ... on Store {
        id
      }
    }
  }
`);
const ALIVE = graphql(`
  query FuzzAlive {
    __typename
  }
`);
const ADD_TO_CART = graphql(`
  mutation FuzzAddToCart($p: ID!) {
    addToCart(productId: $p, quantity: 1) {
      __typename
    }
  }
`);

/** The fuzz customer's records, as counts: what a failed mutation must leave unchanged. */
const countsOf = (data: FuzzCountsQuery) => ({
  orders: data.myOrders.totalCount,
  addresses: data.myAddresses.length,
  subscriptions: data.mySubscriptions.length,
  apiKeys: data.myApiKeys.length,
  couponClaims: data.myCoupons.length,
  restockAlerts: data.myRestockAlerts.length,
  cartItems: data.cart.itemCount,
});

/** A mutation's answer that says it did nothing: errors, a UserError member, false or null. */
function failed(answer: Answer): boolean {
  try {
    const body = JSON.parse(answer.text) as { data?: { probe?: unknown } | null; errors?: unknown };
    if (body.errors !== undefined || !body.data) return true;
    const probe = body.data.probe;
    if (probe === false || probe === null) return true;
    const typename = (probe as { __typename?: unknown }).__typename;
    return typeof typename === 'string' && typename.endsWith('Error');
  } catch {
    return true;
  }
}

let sys: System;
let closePayments: () => Promise<void> = () => Promise.resolve();
const actors: Actor[] = [];

function person(name: Actor['name'], token: string, ids: string[]): Actor {
  const claims = decodeJwt(token) as { sub: string; roles: Role[] };
  return {
    name,
    caller: { kind: 'user', userId: claims.sub, roles: claims.roles, scopes: [], traceId: name },
    headers: { authorization: `Bearer ${token}` },
    ids: [claims.sub, ...ids],
  };
}

/** Stock, two products and a coupon in a store: the ids a caller can aim at there. */
async function stockedShop(storeId: string, token: string, code: string) {
  await sys.call(SET_STOCK, { s: storeId }, token);
  const productIds: string[] = [];
  for (const name of ['빨간 장미 꽃다발', '노란 튤립 바구니']) {
    productIds.push(
      await createProductAs(sys, token, {
        name,
        summary: '퍼즈 상품',
        description: '퍼즈 테스트용 상품',
        price: 20000,
        category: 'BOUQUET',
        recipe: [{ flowerId: 1, count: 2, representative: true }],
      }),
    );
  }
  const coupon = await sys.call(
    CREATE_COUPON,
    {
      s: storeId,
      i: {
        name: '퍼즈 쿠폰',
        code,
        discountAmount: 1000,
        minOrderAmount: 0,
        startsAt: new Date(Date.now() - 60_000).toISOString(),
        endsAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
        issueLimit: 100,
      },
    },
    token,
  );
  const created = coupon.data?.createCoupon;
  const couponId = created?.__typename === 'Coupon' ? created.id : HEX_ID;
  return { storeId, productIds, couponId };
}

beforeAll(async () => {
  const payments = await startPaymentsEmulator(
    loadPaymentsEmulatorConfig({ PORT: '0', LOG_LEVEL: 'silent' }),
  );
  closePayments = () => payments.close();
  sys = await startSystem([...SUBGRAPHS], {
    API_KEY_RATE_LIMIT_PER_MINUTE: '1000000',
    // The fuzz is one address sending thousands of anonymous requests: let them reach the rules.
    ANONYMOUS_RATE_LIMIT_PER_MINUTE: '1000000',
    PAYMENTS_URL: payments.url,
  });
  const customer = await customerToken(sys, 'fuzz-customer@bloom.test');
  const seller = await skyGardenSeller(sys);
  const admin = await sys.logIn(ADMIN_ACCOUNT.email, ADMIN_ACCOUNT.password);
  // The customer shops at a store nobody fuzzes: the fuzzed seller and admin cannot change
  // its products or coupons, so the customer's records move only with the customer's calls.
  const quiet = await approvedSeller(sys, {
    email: 'fuzz-quiet-seller@bloom.test',
    businessRegistrationNumber: '124-81-00998',
  });
  const quietStoreId = await waitFor(
    async () => {
      const created = await sys.call(
        CREATE_STORE,
        { i: { ...SKY_GARDEN_STORE, name: '조용한 꽃집' } },
        quiet.token,
      );
      const store = created.data?.createStore;
      return store?.__typename === 'Store' ? store.id : undefined;
    },
    { what: 'quiet store created' },
  );
  const sellerShop = await stockedShop(seller.storeId, seller.token, 'FUZZ-1000');
  const customerShop = await stockedShop(quietStoreId, quiet.token, 'QUIET-1000');

  const address = await sys.call(
    SAVE_ADDRESS,
    {
      i: {
        label: '집',
        recipientName: '정민지',
        phone: '010-1234-5678',
        zipCode: '04066',
        street: '서울 마포구 와우산로 94',
      },
    },
    customer,
  );
  const saved = address.data?.saveAddress;
  const addressId = saved?.__typename === 'Address' ? saved.id : HEX_ID;
  // Products reach orders as events: the cart takes the product once orders has seen it.
  const cartProduct = customerShop.productIds[0] ?? HEX_ID;
  await waitFor(
    async () => {
      const added = await sys.call(ADD_TO_CART, { p: cartProduct }, customer);
      return added.data?.addToCart.__typename === 'Cart' ? true : undefined;
    },
    { what: 'product in the cart' },
  );

  const idsOf = (shop: typeof sellerShop) => [shop.storeId, ...shop.productIds, shop.couponId];
  actors.push(
    {
      name: 'anonymous',
      caller: { kind: 'anonymous', roles: [], scopes: [], traceId: 'anonymous' },
      headers: {},
      ids: [...idsOf(sellerShop), ...idsOf(customerShop)],
    },
    person('customer', customer, [...idsOf(customerShop), addressId]),
    person('seller', seller.token, idsOf(sellerShop)),
    person('admin', admin, idsOf(sellerShop)),
  );
}, 120_000);

afterAll(async () => {
  await sys?.close();
  await closePayments();
});

/** Runs `work` over `items` with at most `width` at a time. */
async function inLanes<T>(items: T[], width: number, work: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const item = items[next] as T;
        next += 1;
        await work(item);
      }
    }),
  );
}

/** Malformed requests: bodies, content types, methods, documents no client should send. */
function malformedRequests(
  random: Random,
  url: string,
): { what: string; init: RequestInit; url: string }[] {
  const json = { 'content-type': 'application/json' };
  const body = (value: unknown) => JSON.stringify(value);
  const deep = (n: number) => `{ ${'me { '.repeat(n)}id${' }'.repeat(n)} }`;
  const makers: (() => { what: string; init: RequestInit; url?: string })[] = [
    () => ({
      what: 'truncated JSON',
      init: { method: 'POST', headers: json, body: '{"query": "{ __typename' },
    }),
    () => ({
      what: 'bare [',
      init: { method: 'POST', headers: json, body: '['.repeat(1 + random.below(5_000)) },
    }),
    () => ({
      what: 'JSON scalar body',
      init: {
        method: 'POST',
        headers: json,
        body: random.oneOf(['null', '1', '"x"', 'true', '{}', '[]']),
      },
    }),
    () => ({
      what: 'BOM + JSON',
      init: { method: 'POST', headers: json, body: '\uFEFF{"query":"{ __typename }"}' },
    }),
    () => ({
      what: 'random bytes',
      init: {
        method: 'POST',
        headers: json,
        body: Buffer.from(Array.from({ length: 1 + random.below(300) }, () => random.below(256))),
      },
    }),
    () => ({
      what: 'wrong content type',
      init: {
        method: 'POST',
        headers: {
          'content-type': random.oneOf([
            'text/plain',
            'application/x-www-form-urlencoded',
            'multipart/form-data; boundary=x',
            'application/graphql',
            'application/json; charset=utf-16',
            'application/xml',
            '',
          ]),
        },
        body: body({ query: '{ __typename }' }),
      },
    }),
    () => ({
      what: 'no content type',
      init: { method: 'POST', body: new Blob([body({ query: '{ __typename }' })]) },
    }),
    () => ({
      what: 'non-object variables',
      init: {
        method: 'POST',
        headers: json,
        body: body({
          query: 'query ($f: Int) { products(first: $f) { totalCount } }',
          variables: random.oneOf([[], 'x', 1, true, [{ f: 1 }], '{"f":1}']),
        }),
      },
    }),
    () => ({
      what: 'wrong field types',
      init: {
        method: 'POST',
        headers: json,
        body: body(
          random.oneOf([
            { query: 5 },
            { query: null },
            { query: '' },
            { query: ['{ __typename }'] },
            { query: { a: 1 } },
            { query: '{ __typename }', operationName: 5 },
            { query: '{ __typename }', extensions: 'x' },
            { query: '{ __typename }', extensions: { persistedQuery: 'x' } },
          ]),
        ),
      },
    }),
    () => ({
      what: 'missing query',
      init: {
        method: 'POST',
        headers: json,
        body: body(
          random.oneOf([{}, { variables: {} }, { operationName: 'X' }, { extensions: {} }]),
        ),
      },
    }),
    () => ({
      what: 'huge document',
      init: {
        method: 'POST',
        headers: json,
        body: body({ query: `{ ${'__typename '.repeat(120_000)}}` }),
      },
    }),
    () => ({
      what: 'many aliases',
      init: {
        method: 'POST',
        headers: json,
        body: body({
          query: `{ ${Array.from({ length: 2_000 + random.below(3_000) }, (_, i) => `a${i}: __typename`).join(' ')} }`,
        }),
      },
    }),
    () => ({
      what: 'deep document',
      init: {
        method: 'POST',
        headers: json,
        body: body({ query: deep(20 + random.below(3_000)) }),
      },
    }),
    () => ({
      what: 'fragment cycle',
      init: {
        method: 'POST',
        headers: json,
        body: body({
          query: 'query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }',
        }),
      },
    }),
    () => ({
      what: 'syntax junk',
      init: {
        method: 'POST',
        headers: json,
        body: body({
          query: random.oneOf([
            '{',
            '}',
            '{ me { id }',
            'query query query',
            '{ __typename @skip(if: "x") }',
            'subscription { }',
            '\u0000',
            'mutation { signUp }',
            '{ products(first: "ten") { totalCount } }',
            `{ "${LONG}" }`,
          ]),
        }),
      },
    }),
    () => ({
      what: 'operations without a name',
      init: {
        method: 'POST',
        headers: json,
        body: body({
          query: 'query A { __typename } query B { __typename }',
          ...(random.chance(0.5) ? { operationName: random.oneOf(['C', '', LONG]) } : {}),
        }),
      },
    }),
    () => ({
      what: 'persisted query',
      init: {
        method: 'POST',
        headers: json,
        body: body({
          ...(random.chance(0.6) ? { query: '{ __typename }' } : {}),
          extensions: {
            persistedQuery: {
              version: random.oneOf([1, 2, 0, '1', null]),
              sha256Hash: random.oneOf(['abc', '', 'f'.repeat(64), 5]),
            },
          },
        }),
      },
    }),
    () => ({
      what: 'batched array',
      init: {
        method: 'POST',
        headers: json,
        body: body(
          random.oneOf([
            [{ query: '{ __typename }' }, { query: '{ __typename }' }],
            [],
            [1, 2],
            [{ query: '{ __typename }' }],
          ]),
        ),
      },
    }),
    () => ({
      what: 'GET with junk',
      init: { method: 'GET', headers: { 'apollo-require-preflight': 'true' } },
      url: `${url}?${random.oneOf([
        '',
        'query=',
        'query={',
        'query=%7B__typename%7D&variables=notjson',
        'query=%7B__typename%7D&extensions=%7B',
        'query=mutation%7BclearCart%7B__typename%7D%7D',
        'variables=%7B%7D',
        'query=%7B__typename%7D&operationName=Nope',
        `query=${encodeURIComponent('{ __typename }')}&variables=${encodeURIComponent('[1]')}`,
        '%%%',
      ])}`,
    }),
    () => ({
      what: 'GET without preflight',
      init: { method: 'GET' },
      url: `${url}?query=%7B__typename%7D`,
    }),
    () => ({
      what: 'other method',
      init: {
        method: random.oneOf(['PUT', 'DELETE', 'PATCH', 'OPTIONS']),
        headers: json,
        body: '{}',
      },
    }),
    () => ({
      what: 'junk credentials',
      init: {
        method: 'POST',
        headers: {
          ...json,
          ...random.oneOf([
            { authorization: 'Bearer junk' },
            { authorization: 'Bearer ' },
            { authorization: 'Basic YTpi' },
            { authorization: `Bearer ${'a'.repeat(5_000)}` },
            { 'x-api-key': 'bk_junk' },
            { 'x-api-key': '' },
          ]),
        },
        body: body({ query: '{ me { id } }' }),
      },
    }),
    () => ({
      what: 'odd accept header',
      init: {
        method: 'POST',
        headers: {
          ...json,
          accept: random.oneOf([
            'application/xml',
            'multipart/mixed',
            'text/event-stream',
            '*/*;q=x',
          ]),
        },
        body: body({ query: '{ __typename }' }),
      },
    }),
    () => ({
      what: 'subscription over HTTP',
      init: {
        method: 'POST',
        headers: json,
        body: body({
          query: `subscription { orderStatusChanged(orderId: "${HEX_ID}") { __typename } }`,
        }),
      },
    }),
    () => ({
      what: 'wrong path',
      init: { method: 'POST', headers: json, body: body({ query: '{ __typename }' }) },
      url: url.replace(
        /\/graphql$/,
        random.oneOf(['/graphql/', '/graphq', '/', '/graphql/../x', '/%00']),
      ),
    }),
    () => ({
      what: 'gzip that is not',
      init: {
        method: 'POST',
        headers: { ...json, 'content-encoding': 'gzip' },
        body: body({ query: '{ __typename }' }),
      },
    }),
    () => ({
      what: 'over the body limit',
      init: {
        method: 'POST',
        headers: json,
        body: body({ query: '{ __typename }', variables: { x: 'a'.repeat(1_100_000) } }),
      },
    }),
  ];
  return Array.from({ length: MALFORMED }, (_, i) => {
    const made = (makers[i % makers.length] ?? makers[0])?.() ?? { what: 'none', init: {} };
    return { what: made.what, init: made.init, url: made.url ?? url };
  });
}

describe('the fuzz', () => {
  it('answers every hostile operation and malformed request as a client mistake, never ours', async () => {
    const started = performance.now();
    const random = prng(SEED);
    console.log(`[fuzz] seed=${SEED} (replay: FUZZ_SEED=${SEED})`);
    const rules = accessTable(SUPERGRAPH_SDL);
    const fields = rootFields();
    // Everything is generated before anything runs: the same seed sends the same requests.
    const plans = actors.map((actor) => {
      // Mostly fields the caller may call, so hostile values get past access to the rules.
      const allowed = fields.filter(({ kind, field }) => {
        const rule = rules.get(`${kind}.${field.name}`);
        return rule !== undefined && checkAccess(actor.caller, rule) === undefined;
      });
      const operations = Array.from({ length: Math.ceil(OPERATIONS / actors.length) }, () => {
        const { kind, field } = random.oneOf(random.chance(0.85) ? allowed : fields);
        return hostileOperation(random, actor, kind, field);
      });
      return { actor, operations };
    });
    const malformed = malformedRequests(random, sys.gatewayUrl);

    const tally: Tally = {
      operations: 0,
      malformed: 0,
      status5xx: [],
      internal: [],
      leaks: [],
      statuses: new Map(),
      codes: new Map(),
    };
    const partialWrites: string[] = [];
    let checkedMutations = 0;
    const customerHeaders = actors.find((actor) => actor.name === 'customer')?.headers ?? {};
    const readCounts = async () => {
      const response: GraphQLResponse<FuzzCountsQuery> = await gqlRequest(
        sys.gatewayUrl,
        COUNTS,
        {},
        customerHeaders,
      );
      return JSON.stringify(countsOf(dataOf(response)));
    };

    const run = async ({ actor, operations }: (typeof plans)[number]) => {
      // The customer's mutations run one at a time between two readings of its counts, so
      // the counts move only with that mutation (no other caller can touch those records).
      const watched = actor.name === 'customer';
      const call = async (operation: RootOperation) => {
        const checked = watched && operation.kind === 'Mutation';
        const before = checked ? await readCounts() : '';
        const answer = await post(sys.gatewayUrl, operation, actor.headers);
        tally.operations += 1;
        const variables = JSON.stringify(operation.variables).slice(0, 200);
        record(tally, `${actor.name} ${operation.coordinate} ${variables}`, answer);
        if (!checked || !failed(answer)) return;
        checkedMutations += 1;
        const after = await readCounts();
        if (after !== before) {
          partialWrites.push(
            `${operation.coordinate} ${variables}: ${before} → ${after} (${answer.text.slice(0, 200)})`,
          );
        }
      };
      const mutations = watched ? operations.filter((op) => op.kind === 'Mutation') : [];
      const others = operations.filter((op) => !mutations.includes(op));
      await Promise.all([inLanes(mutations, 1, call), inLanes(others, watched ? 3 : 4, call)]);
    };
    await Promise.all([
      ...plans.map(run),
      inLanes(malformed, 2, async ({ what, init, url }) => {
        let answer: Answer;
        try {
          const response = await fetch(url, init);
          answer = { status: response.status, text: await response.text() };
        } catch (error) {
          answer = { status: 599, text: `no answer: ${String(error)}` };
        }
        tally.malformed += 1;
        record(tally, `malformed ${what}`, answer);
      }),
    ]);

    const unhealthy: string[] = [];
    for (const url of [sys.gatewayUrl, ...Object.values(sys.subgraphUrls)]) {
      for (const probe of ['/health', '/ready']) {
        const response = await fetch(url.replace(/\/graphql$/, probe));
        if (response.status !== 200) unhealthy.push(`${url} ${probe} ${response.status}`);
      }
    }
    const alive = await sys.call(ALIVE);
    if (alive.data?.__typename !== 'Query') unhealthy.push(`gateway: ${JSON.stringify(alive)}`);

    const count = <K>(map: Map<K, number>) =>
      [...map]
        .sort((a, b) => b[1] - a[1])
        .map(([key, n]) => `${String(key)}:${n}`)
        .join(',');
    console.log(
      `[fuzz] seed=${SEED} operations=${tally.operations} malformed=${tally.malformed} ` +
        `5xx=${tally.status5xx.length} internal=${tally.internal.length} ` +
        `leaks=${tally.leaks.length} partialWrites=${partialWrites.length} ` +
        `(of ${checkedMutations} failed customer mutations) unhealthy=${unhealthy.length} ` +
        `seconds=${((performance.now() - started) / 1000).toFixed(1)} ` +
        `statuses=${count(tally.statuses)} codes=${count(tally.codes)}`,
    );

    expect(tally.status5xx).toEqual([]);
    expect(tally.internal).toEqual([]);
    expect(tally.leaks).toEqual([]);
    expect(partialWrites).toEqual([]);
    expect(unhealthy).toEqual([]);
    expect(tally.operations).toBeGreaterThanOrEqual(2_000);
    expect(tally.malformed).toBeGreaterThanOrEqual(300);
    expect(checkedMutations).toBeGreaterThan(100);
  }, 600_000);
});
