import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ADMIN_ACCOUNT,
  type GraphQLResponse,
  type Operation,
  bearer,
  createStreamNamespace,
  deleteStreamNamespace,
  dropDatabase,
  expectUnion,
  freePort,
  gqlRequest,
  testEnv,
  waitFor,
} from '@bloom/testing';
import { MongoClient } from 'mongodb';
import {
  APPROVE_SELLER,
  CREATE_PRODUCT,
  SIGN_UP,
  SIGN_UP_SELLER,
  SKY_GARDEN_STORE,
  productInput,
} from './actors.js';
import { graphql } from './generated/index.js';

/*
 * The system as `npm start` runs it, one OS process per service (not in-process servers), so a
 * test can kill one with a real signal and start it again: the payments emulator, identity,
 * stores, products, orders and the gateway, with fresh databases and a fresh stream namespace,
 * and optionally a private nats-server of its own. Used by the fault test and bench/checkout.
 */

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Where infra/local/up.sh puts nats-server (lib.sh's BIN_DIR: built or linked there). */
const NATS_SERVER = join(repoRoot, '.local/bin/nats-server');

export type ServiceName =
  'payments emulator' | 'identity' | 'stores' | 'products' | 'orders' | 'gateway' | 'nats';

interface StartOptions {
  /** Appends the process's stdout and stderr to this file; otherwise stderr is inherited. */
  log?: string;
  /** How long to wait for the health URL (30 s). */
  timeoutMs?: number;
  /** Writes a V8 CPU profile (`node --cpu-prof`) there when the process exits. */
  cpuProfileDir?: string;
}

/** Starts a command and waits until `healthUrl` answers 2xx; fails at once if it exits first. */
async function startProcess(
  command: string,
  args: string[],
  env: Record<string, string>,
  healthUrl: string,
  options: StartOptions = {},
): Promise<ChildProcess> {
  const fd = options.log ? openSync(options.log, 'a') : undefined;
  if (fd !== undefined) writeSync(fd, `\n---- started ${new Date().toISOString()}\n`);
  const child = spawn(command, args, {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: fd === undefined ? ['ignore', 'ignore', 'inherit'] : ['ignore', fd, fd],
  });
  // The child holds its own copy of the descriptor.
  if (fd !== undefined) closeSync(fd);
  let onExit: (code: number | null) => void = () => undefined;
  // A service that stops at boot (a config error) fails the start at once, not after 30 s.
  const exited = new Promise<never>((_, reject) => {
    onExit = (code) =>
      reject(new Error(`${command} ${args.at(-1)} exited (${code}) before ${healthUrl} answered`));
    child.once('exit', onExit);
  });
  try {
    await Promise.race([
      waitFor(async () => (await fetch(healthUrl)).ok, {
        timeoutMs: options.timeoutMs ?? 30_000,
        what: healthUrl,
      }),
      exited,
    ]);
  } catch (error) {
    await stop(child);
    throw error;
  } finally {
    child.off('exit', onExit);
  }
  return child;
}

/** Starts a service from its TypeScript entry as a separate process, as `npm start` does. */
export function startService(
  entry: string,
  env: Record<string, string>,
  healthUrl: string,
  options?: StartOptions,
): Promise<ChildProcess> {
  const profile = options?.cpuProfileDir
    ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`]
    : [];
  return startProcess(
    process.execPath,
    [...profile, '--conditions=source', '--import', '@bloom/kernel/register', entry],
    env,
    healthUrl,
    options,
  );
}

const hasExited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

/** Sends `signal` and waits for the exit. */
async function signalAndWait(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  // A child killed by a signal keeps exitCode null.
  if (hasExited(child)) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  await exited;
}

/** SIGTERM, and SIGKILL if the service has not exited 10 s later. */
export async function stop(child: ChildProcess): Promise<void> {
  if (hasExited(child)) return;
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await signalAndWait(child, 'SIGTERM');
  clearTimeout(timer);
}

interface StreamTool {
  applyStreams(options: { servers: string; namespace: string }): Promise<unknown>;
}

/** The streams exactly as infra/local/up.sh declares them (infra/nats/apply-streams.mjs). */
async function applyStreams(servers: string, namespace: string): Promise<void> {
  const tool = (await import(
    fileURLToPath(new URL('../../infra/nats/apply-streams.mjs', import.meta.url))
  )) as StreamTool;
  await tool.applyStreams({ servers, namespace });
}

export interface ProcessSystemOptions {
  /** Prefix of the fresh database names (`<prefix>_orders_<random>`). */
  dbPrefix?: string;
  /**
   * A nats-server of this system's own (JetStream, a free port, a temp store dir) instead of
   * the shared NATS_URL, so `kill('nats')` hurts no other test.
   */
  privateNats?: boolean;
  /** A directory for one log file per process (`<name>.log`); otherwise stderr is inherited. */
  logDir?: string;
  /** The services' LOG_LEVEL (warn). */
  logLevel?: string;
  /** Extra environment per service. */
  env?: Partial<Record<Exclude<ServiceName, 'nats'>, Record<string, string>>>;
  /** Each Node service writes a V8 CPU profile (`--cpu-prof`) there when it stops. */
  cpuProfileDir?: string;
}

export interface ProcessSystem {
  /** The gateway's GraphQL endpoint. */
  url: string;
  /** The payments emulator (its control API is under /__emulator). */
  paymentsUrl: string;
  natsUrl: string;
  namespace: string;
  dbs: { identity: string; stores: string; products: string; orders: string };
  /** A client of the database the services use (testEnv.MONGO_URL). */
  mongo: MongoClient;
  /** A GraphQL request through the gateway, optionally as a signed-in user. */
  call<R, V>(query: Operation<R, V>, variables: V, token?: string): Promise<GraphQLResponse<R>>;
  logIn(email: string, password: string): Promise<string>;
  pid(name: ServiceName): number | undefined;
  /** The processes that are not running (killed and not restarted, or died). */
  down(): ServiceName[];
  /** Sends a signal (SIGKILL by default) to one process and waits until it has exited. */
  kill(name: ServiceName, signal?: NodeJS.Signals): Promise<void>;
  /** Starts a killed process again with the same port, environment and data; waits until ready. */
  restart(name: ServiceName): Promise<void>;
  close(): Promise<void>;
}

interface Managed {
  name: ServiceName;
  start: () => Promise<ChildProcess>;
  child: ChildProcess;
}

const LOG_IN = graphql(`
  mutation ProcessLogIn($i: LogInInput!) {
    logIn(input: $i) {
      __typename
      ... on AuthPayload {
        accessToken
      }
    }
  }
`);

/** Starts every process; close() stops what came up, also when a start fails. */
export async function startProcessSystem(
  options: ProcessSystemOptions = {},
): Promise<ProcessSystem> {
  const suffix = randomBytes(3).toString('hex');
  const prefix = options.dbPrefix ?? 't';
  const dbs = {
    identity: `${prefix}_identity_${suffix}`,
    stores: `${prefix}_stores_${suffix}`,
    products: `${prefix}_products_${suffix}`,
    orders: `${prefix}_orders_${suffix}`,
  };
  if (options.logDir) mkdirSync(options.logDir, { recursive: true });
  const logOf = (name: ServiceName) =>
    options.logDir ? join(options.logDir, `${name.replace(/ /g, '-')}.log`) : undefined;
  const managed: Managed[] = [];
  const mongo = new MongoClient(testEnv.MONGO_URL);
  let natsDir: string | undefined;
  let namespace: string | undefined;
  let natsUrl = testEnv.NATS_URL;

  const close = async () => {
    // The gateway first, NATS last: what calls goes before what it calls.
    for (const { child } of [...managed].reverse()) await stop(child);
    if (namespace && !options.privateNats) {
      await deleteStreamNamespace(namespace).catch((e: unknown) => console.error(e));
    }
    if (natsDir) rmSync(natsDir, { recursive: true, force: true });
    for (const db of Object.values(dbs)) await dropDatabase(db).catch(() => undefined);
    await mongo.close();
  };

  const manage = async (name: ServiceName, start: () => Promise<ChildProcess>) => {
    const child = await start();
    managed.push({ name, start, child });
  };

  try {
    await mongo.connect();
    if (options.privateNats) {
      if (!existsSync(NATS_SERVER)) {
        throw new Error(`${NATS_SERVER} is missing: run \`bash infra/local/up.sh --test\``);
      }
      const dir = mkdtempSync(join(tmpdir(), 'bloom-nats-'));
      natsDir = dir;
      const [port, monitor] = [await freePort(), await freePort()];
      natsUrl = `nats://127.0.0.1:${port}`;
      // As infra/local/up.sh starts it, on ports and a store dir of our own.
      const args = ['--addr', '127.0.0.1', '--port', String(port)];
      args.push('--http_port', String(monitor), '-js', '-sd', dir);
      await manage('nats', () =>
        startProcess(
          NATS_SERVER,
          args,
          {},
          `http://127.0.0.1:${monitor}/healthz?js-enabled-only=true`,
          { log: logOf('nats') },
        ),
      );
      namespace = `t${randomBytes(4).toString('hex')}`;
      await applyStreams(natsUrl, namespace);
    } else {
      namespace = await createStreamNamespace();
    }

    const common = {
      MONGO_URL: testEnv.MONGO_URL,
      NATS_URL: natsUrl,
      EVENT_NAMESPACE: namespace,
      CALLER_SIGNING_SECRET: randomBytes(32).toString('hex'),
      JWT_SECRET: randomBytes(32).toString('hex'),
      LOG_LEVEL: options.logLevel ?? 'warn',
      NODE_ENV: 'production',
    };
    const service = async (
      name: Exclude<ServiceName, 'nats'>,
      entry: string,
      env: Record<string, string>,
    ) => {
      const port = await freePort();
      const full = { ...common, ...env, ...options.env?.[name], PORT: String(port) };
      // /ready: the subgraph reaches its database and NATS, not only that it listens.
      const probe = name === 'gateway' || name === 'payments emulator' ? 'health' : 'ready';
      const health = `http://127.0.0.1:${port}/${probe}`;
      await manage(name, () =>
        startService(entry, full, health, {
          log: logOf(name),
          cpuProfileDir: options.cpuProfileDir,
        }),
      );
      return `http://127.0.0.1:${port}`;
    };

    const paymentsUrl = await service(
      'payments emulator',
      'infra/emulators/payments/src/main.ts',
      // Its memory bound drops the oldest payments; a long run keeps them all.
      { EMULATOR_MAX_RECORDS: '1000000' },
    );
    const [identity, stores, products, orders] = await allStarted([
      service('identity', 'subgraphs/identity/src/main.ts', {
        IDENTITY_DB: dbs.identity,
        ADMIN_EMAIL: ADMIN_ACCOUNT.email,
        ADMIN_PASSWORD: ADMIN_ACCOUNT.password,
        PASSWORD_SCRYPT_LOG_N: '12',
        // Tokens outlive the run: the load never refreshes them.
        ACCESS_TOKEN_TTL_SECONDS: '86400',
      }),
      service('stores', 'subgraphs/stores/src/main.ts', { STORES_DB: dbs.stores }),
      service('products', 'subgraphs/products/src/main.ts', { PRODUCTS_DB: dbs.products }),
      service('orders', 'subgraphs/orders/src/main.ts', {
        ORDERS_DB: dbs.orders,
        PAYMENTS_URL: paymentsUrl,
      }),
    ]);
    const gateway = await service('gateway', 'gateway/src/main.ts', {
      // These runs send their own documents, not the clients' (trusted-documents.e2e tests those).
      TRUSTED_DOCUMENTS: 'off',
      SUBGRAPH_IDENTITY_URL: `${identity}/graphql`,
      SUBGRAPH_STORES_URL: `${stores}/graphql`,
      SUBGRAPH_PRODUCTS_URL: `${products}/graphql`,
      SUBGRAPH_ORDERS_URL: `${orders}/graphql`,
    });
    const url = `${gateway}/graphql`;
    const call = <R, V>(query: Operation<R, V>, variables: V, token?: string) =>
      gqlRequest(url, query, variables, token ? bearer(token) : {});
    const find = (name: ServiceName) => {
      const found = managed.find((m) => m.name === name);
      if (!found) throw new Error(`no process ${name} in this system`);
      return found;
    };
    return {
      url,
      paymentsUrl,
      natsUrl,
      namespace,
      dbs,
      mongo,
      call,
      logIn: (email, password) =>
        waitFor(
          async () => {
            const answer = (await call(LOG_IN, { i: { email, password } })).data?.logIn;
            return answer?.__typename === 'AuthPayload' ? answer.accessToken : undefined;
          },
          { what: `log-in of ${email}` },
        ),
      pid: (name) => managed.find((m) => m.name === name)?.child.pid,
      down: () => managed.filter((m) => hasExited(m.child)).map((m) => m.name),
      kill: (name, signal = 'SIGKILL') => signalAndWait(find(name).child, signal),
      restart: async (name) => {
        const target = find(name);
        if (!hasExited(target.child)) throw new Error(`${name} still runs: kill it first`);
        target.child = await target.start();
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Promise.all that waits for every start, so close() stops each service that came up. */
async function allStarted<T extends readonly unknown[] | []>(
  starts: T,
): Promise<{ -readonly [P in keyof T]: Awaited<T[P]> }> {
  const results = await Promise.allSettled(Array.from(starts));
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  return Promise.all(starts);
}

const CREATE_STORE = graphql(`
  mutation ProcessCreateStore($i: CreateStoreInput!) {
    createStore(input: $i) {
      __typename
      ... on Store {
        id
      }
    }
  }
`);
const SET_STOCK = graphql(`
  mutation ProcessSetStock($s: ID!, $n: Int!) {
    setFlowerStock(storeId: $s, items: [{ flowerId: 1, available: $n }]) {
      __typename
    }
  }
`);
const QUOTE = graphql(`
  query ProcessQuote($i: CheckoutQuoteInput!) {
    checkoutQuote(input: $i) {
      __typename
      ... on CheckoutQuote {
        total
      }
    }
  }
`);

const tomorrowSeoul = () =>
  new Date(Date.now() + 9 * 3600_000 + 86_400_000).toISOString().slice(0, 10);

/** A delivery for tomorrow (Seoul), as a buy-now checkout sends it. */
export const tomorrowDelivery = () => ({
  recipientName: '김수진',
  phone: '010-1234-5678',
  zipCode: '04524',
  street: '서울 중구 세종대로 110',
  deliveryDate: tomorrowSeoul(),
  window: '10:00-13:00',
});

export interface ShopOptions {
  /** How many customers sign up. */
  customers: number;
  /** The store's stems of flower 1 (the product takes one per unit). */
  stems: number;
  /** Prefix of the seller's and customers' e-mail addresses. */
  emailPrefix: string;
  password?: string;
}

export interface Shop {
  storeId: string;
  productId: string;
  sellerToken: string;
  /** One access token per customer. */
  tokens: string[];
  /** What orders prices a buy-now of one product at (checkout's expectedTotal). */
  expectedTotal: number;
}

/**
 * Through the gateway over HTTP, as clients do: the admin approves a seller, who opens a store,
 * stocks it and lists one product (one stem of flower 1); customers sign up. Resolves once
 * orders knows the product, the store and the full stock (its projections, from events).
 */
export async function openShop(sys: ProcessSystem, options: ShopOptions): Promise<Shop> {
  const password = options.password ?? 'flowers12345';
  const seller = `${options.emailPrefix}-seller@bloom.test`;
  const signedUp = await sys.call(SIGN_UP_SELLER, {
    i: {
      email: seller,
      password,
      name: '김하늘',
      businessName: '하늘정원 플라워',
      businessRegistrationNumber: '220-81-62517',
    },
  });
  const sellerId = expectUnion(signedUp.data?.signUpSeller, 'AuthPayload').user.id;
  const admin = await sys.logIn(ADMIN_ACCOUNT.email, ADMIN_ACCOUNT.password);
  await sys.call(APPROVE_SELLER, { id: sellerId }, admin);
  const sellerToken = await sys.logIn(seller, password);
  // The store once stores has seen the approval (an event).
  const storeId = await waitFor(
    async () => {
      const store = (await sys.call(CREATE_STORE, { i: SKY_GARDEN_STORE }, sellerToken)).data
        ?.createStore;
      return store?.__typename === 'Store' ? store.id : undefined;
    },
    { what: 'store created', timeoutMs: 30_000 },
  );
  const stocked = await sys.call(SET_STOCK, { s: storeId, n: options.stems }, sellerToken);
  expectUnion(stocked.data?.setFlowerStock, 'InventoryUpdate');
  // Products learns of the store from its event: NoStoreError until then.
  const created = await waitFor(
    async () => {
      const res = await sys.call(
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
  for (let i = 0; i < options.customers; i += 1) {
    const res = await sys.call(SIGN_UP, {
      i: { email: `${options.emailPrefix}-customer-${i}@bloom.test`, password, name: '정민지' },
    });
    tokens.push(expectUnion(res.data?.signUp, 'AuthPayload').accessToken);
  }
  const [first] = tokens;
  if (!first) throw new Error('a shop needs at least one customer');

  // Orders prices from its projections of the product, the store and its stock (events):
  // the quote answers once it knows them, and the stock is projected in full.
  const quoteInput = {
    buyNow: { productId, quantity: 1 },
    fulfilment: 'DELIVERY' as const,
    delivery: tomorrowDelivery(),
  };
  const expectedTotal = await waitFor(
    async () => {
      const stock = await sys.mongo
        .db(sys.dbs.orders)
        .collection('flower_stock_projections')
        .countDocuments({ storeId, flowerId: 1, available: options.stems });
      if (stock === 0) return undefined;
      const quote = (await sys.call(QUOTE, { i: quoteInput }, first)).data?.checkoutQuote;
      return quote?.__typename === 'CheckoutQuote' ? quote.total : undefined;
    },
    { what: 'product, store and stock known to orders', timeoutMs: 30_000 },
  );
  return { storeId, productId, sellerToken, tokens, expectedTotal };
}
