import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  ADMIN_ACCOUNT,
  type Operation,
  bearer,
  createStreamNamespace,
  deleteStreamNamespace,
  dropDatabase,
  expectUnion,
  freePort,
  gqlRequest,
  testEnv,
  typedDocument,
  waitFor,
} from '@bloom/testing';
import type { MongoClient } from 'mongodb';
import {
  APPROVE_SELLER,
  CREATE_PRODUCT,
  SIGN_UP,
  SIGN_UP_SELLER,
  SKY_GARDEN_STORE,
  productInput,
} from '../../e2e/src/actors.js';
import { DELIVERY } from '../../subgraphs/orders/test/orders.harness.js';
import { startService, stop } from '../lib/processes.js';
import type { CheckoutTarget } from './checkout.target.js';

/** setFlowerStock's upper bound (stores' MAX_STOCK): far more stems than a run sells. */
const STEMS = 1_000_000;
const PASSWORD = 'bench12345';

const LOG_IN = typedDocument<
  { logIn: { __typename: string; accessToken?: string } },
  { i: { email: string; password: string } }
>(`mutation BenchLogIn($i: LogInInput!) {
  logIn(input: $i) { __typename ... on AuthPayload { accessToken } }
}`);
const CREATE_STORE = typedDocument<
  { createStore: { __typename: string; id?: string } },
  { i: typeof SKY_GARDEN_STORE }
>(`mutation BenchCreateStore($i: CreateStoreInput!) {
  createStore(input: $i) { __typename ... on Store { id } }
}`);
const SET_STOCK = typedDocument<
  { setFlowerStock: { __typename: string } },
  { s: string; n: number }
>(`mutation BenchSetStock($s: ID!, $n: Int!) {
  setFlowerStock(storeId: $s, items: [{ flowerId: 1, available: $n }]) { __typename }
}`);
const QUOTE = typedDocument<
  { checkoutQuote: { __typename: string; total?: number } },
  { i: Record<string, unknown> }
>(`query BenchQuote($i: CheckoutQuoteInput!) {
  checkoutQuote(input: $i) { __typename ... on CheckoutQuote { total } }
}`);

/** Promise.all that waits for every start, so close() stops each service that came up. */
async function allStarted<T extends readonly unknown[] | []>(
  starts: T,
): Promise<{ -readonly [P in keyof T]: Awaited<T[P]> }> {
  const results = await Promise.allSettled(Array.from(starts));
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  return Promise.all(starts);
}

/**
 * The system as `npm start` runs it, one process each: the payments emulator, identity,
 * stores, products, orders and the gateway, with fresh databases and a fresh stream namespace.
 * Everything after boot goes through the gateway over HTTP, as clients do: an admin approves
 * a seller, who opens a store, stocks it and lists one product; `customers` customers sign up.
 */
export async function startGatewaySystem(
  mongo: MongoClient,
  customers: number,
): Promise<CheckoutTarget> {
  const suffix = randomBytes(3).toString('hex');
  const dbs = {
    IDENTITY_DB: `bench_identity_${suffix}`,
    STORES_DB: `bench_stores_${suffix}`,
    PRODUCTS_DB: `bench_products_${suffix}`,
    ORDERS_DB: `bench_orders_${suffix}`,
  };
  const namespace = await createStreamNamespace();
  const started: { name: string; child: ChildProcess }[] = [];
  const close = async () => {
    // The gateway first, the emulator last: what calls goes before what it calls.
    for (const { child } of [...started].reverse()) await stop(child);
    await deleteStreamNamespace(namespace).catch((e: unknown) => console.error(e));
    for (const db of Object.values(dbs)) await dropDatabase(db).catch(() => undefined);
  };
  const common = {
    MONGO_URL: testEnv.MONGO_URL,
    NATS_URL: testEnv.NATS_URL,
    EVENT_NAMESPACE: namespace,
    CALLER_SIGNING_SECRET: randomBytes(32).toString('hex'),
    JWT_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
  };
  const start = async (name: string, entry: string, env: Record<string, string>) => {
    const port = await freePort();
    const child = await startService(
      entry,
      { ...common, ...env, PORT: String(port) },
      // /ready: the subgraph reaches its database and NATS, not only that it listens.
      `http://127.0.0.1:${port}/${name === 'gateway' || name === 'payments emulator' ? 'health' : 'ready'}`,
    );
    started.push({ name, child });
    return `http://127.0.0.1:${port}`;
  };

  try {
    const pgUrl = await start('payments emulator', 'infra/emulators/payments/src/main.ts', {
      // Its memory bound drops the oldest payments; a long run keeps them all.
      EMULATOR_MAX_RECORDS: '1000000',
    });
    const [identity, stores, products, orders] = await allStarted([
      start('identity', 'subgraphs/identity/src/main.ts', {
        IDENTITY_DB: dbs.IDENTITY_DB,
        ADMIN_EMAIL: ADMIN_ACCOUNT.email,
        ADMIN_PASSWORD: ADMIN_ACCOUNT.password,
        PASSWORD_SCRYPT_LOG_N: '12',
        // Tokens outlive the run: the load never refreshes them.
        ACCESS_TOKEN_TTL_SECONDS: '86400',
      }),
      start('stores', 'subgraphs/stores/src/main.ts', { STORES_DB: dbs.STORES_DB }),
      start('products', 'subgraphs/products/src/main.ts', { PRODUCTS_DB: dbs.PRODUCTS_DB }),
      start('orders', 'subgraphs/orders/src/main.ts', {
        ORDERS_DB: dbs.ORDERS_DB,
        PAYMENTS_URL: pgUrl,
      }),
    ]);
    const gateway = await start('gateway', 'gateway/src/main.ts', {
      SUBGRAPH_IDENTITY_URL: `${identity}/graphql`,
      SUBGRAPH_STORES_URL: `${stores}/graphql`,
      SUBGRAPH_PRODUCTS_URL: `${products}/graphql`,
      SUBGRAPH_ORDERS_URL: `${orders}/graphql`,
    });
    const url = `${gateway}/graphql`;
    const call = <R, V>(query: Operation<R, V>, variables: V, token?: string) =>
      gqlRequest(url, query, variables, token ? bearer(token) : {});
    const logIn = (email: string, password: string) =>
      waitFor(
        async () => (await call(LOG_IN, { i: { email, password } })).data?.logIn.accessToken,
        { what: `log-in of ${email}` },
      );

    // The seller, approved by the admin; the store once stores has seen the approval.
    const seller = 'bench-seller@bloom.test';
    const signedUp = await call(SIGN_UP_SELLER, {
      i: {
        email: seller,
        password: PASSWORD,
        name: '김하늘',
        businessName: '하늘정원 플라워',
        businessRegistrationNumber: '220-81-62517',
      },
    });
    const sellerId = expectUnion(signedUp.data?.signUpSeller, 'AuthPayload').user.id;
    const admin = await logIn(ADMIN_ACCOUNT.email, ADMIN_ACCOUNT.password);
    await call(APPROVE_SELLER, { id: sellerId }, admin);
    const sellerToken = await logIn(seller, PASSWORD);
    const storeId = await waitFor(
      async () =>
        (await call(CREATE_STORE, { i: SKY_GARDEN_STORE }, sellerToken)).data?.createStore.id,
      { what: 'store created', timeoutMs: 30_000 },
    );
    const stocked = await call(SET_STOCK, { s: storeId, n: STEMS }, sellerToken);
    expectUnion(stocked.data?.setFlowerStock, 'InventoryUpdate');
    // Products learns of the store from its event: NoStoreError until then.
    const created = await waitFor(
      async () => {
        const res = await call(
          CREATE_PRODUCT,
          {
            i: productInput({
              name: '빨간 장미 꽃다발',
              summary: '사랑의 고백',
              description: '빨간 장미 한 송이',
              price: 20000,
              category: 'BOUQUET',
              recipe: [{ flowerId: 1, count: 1, representative: true }],
            }),
          },
          sellerToken,
        );
        return res.data?.createProduct.__typename === 'NoStoreError' ? undefined : res;
      },
      { what: 'store known to products', timeoutMs: 30_000 },
    );
    const productId = expectUnion(created.data?.createProduct, 'Product').id;

    const tokens: string[] = [];
    for (let i = 0; i < customers; i += 1) {
      const res = await call(SIGN_UP, {
        i: { email: `bench-customer-${i}@bloom.test`, password: PASSWORD, name: '정민지' },
      });
      tokens.push(expectUnion(res.data?.signUp, 'AuthPayload').accessToken);
    }
    const [first] = tokens;
    if (!first) throw new Error('BENCH_CONCURRENCY must be at least 1');

    // Orders prices from its projections of the product, the store and its stock (events):
    // the quote answers once it knows them, and the stock is projected in full.
    const quoteInput = {
      buyNow: { productId, quantity: 1 },
      fulfilment: 'DELIVERY',
      delivery: DELIVERY(),
    };
    const expectedTotal = await waitFor(
      async () => {
        const stock = await mongo
          .db(dbs.ORDERS_DB)
          .collection('flower_stock_projections')
          .countDocuments({ storeId, flowerId: 1, available: STEMS });
        if (stock === 0) return undefined;
        return (await call(QUOTE, { i: quoteInput }, first)).data?.checkoutQuote.total;
      },
      { what: 'product, store and stock known to orders', timeoutMs: 30_000 },
    );
    const pid = (name: string) => started.find((s) => s.name === name)?.child.pid;
    return {
      description:
        'gateway (gateway, identity, stores, products, orders, payments emulator: one process each)',
      url,
      productId,
      expectedTotal,
      headers: (worker) => bearer(tokens[worker % tokens.length] ?? first),
      ordersDb: dbs.ORDERS_DB,
      processes: ['gateway', 'orders', 'stores', 'payments emulator', 'identity', 'products'].map(
        (name) => ({ name, pid: pid(name) }),
      ),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
