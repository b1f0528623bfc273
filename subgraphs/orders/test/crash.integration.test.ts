import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { EventBus, createLogger } from '@bloom/kernel';
import {
  type PaymentsEmulator,
  loadPaymentsEmulatorConfig,
  startPaymentsEmulator,
} from '@bloom/payments-emulator';
import {
  TEST_CALLER_SECRET,
  callerHeaders,
  createStreamNamespace,
  deleteStreamNamespace,
  dropDatabase,
  freePort,
  freshDatabaseName,
  gqlRequest,
  testEnv,
  waitFor,
} from '@bloom/testing';
import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeStores } from './fake-stores.js';
import {
  CHECKOUT,
  DELIVERY,
  type StoredOrder,
  customer,
  newId,
  publishCatalog,
} from './orders.harness.js';

/**
 * The orders subgraph as a real process, killed with SIGKILL while sagas are in flight and
 * started again on the same database; the payment sandbox and the stores stand-in live on.
 */
const root = fileURLToPath(new URL('../../../', import.meta.url));
let emulator: PaymentsEmulator;
let bus: EventBus;
let stores: FakeStores;
let namespace: string;
let dbName: string;
let port: number;
let child: ChildProcess | undefined;
let mongo: MongoClient;

async function startChild(): Promise<void> {
  child = spawn(
    process.execPath,
    ['--conditions=source', '--import', '@bloom/kernel/register', 'subgraphs/orders/src/main.ts'],
    {
      cwd: root,
      env: {
        ...process.env,
        PORT: String(port),
        MONGO_URL: testEnv.MONGO_URL,
        NATS_URL: testEnv.NATS_URL,
        EVENT_NAMESPACE: namespace,
        ORDERS_DB: dbName,
        CALLER_SIGNING_SECRET: TEST_CALLER_SECRET,
        PAYMENTS_URL: emulator.url,
        LOG_LEVEL: 'silent',
        SAGA_SWEEP_INTERVAL_MS: '1000',
        SAGA_RESUME_AFTER_MS: '2000',
        SAGA_STEP_TIMEOUT_MS: '20000',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/ready`)).ok, {
    timeoutMs: 30_000,
    what: 'orders process',
  });
}

async function kill(): Promise<void> {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child?.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

beforeAll(async () => {
  emulator = await startPaymentsEmulator(
    loadPaymentsEmulatorConfig({ PORT: '0', LOG_LEVEL: 'silent' }),
  );
  namespace = await createStreamNamespace();
  dbName = freshDatabaseName('crash');
  port = await freePort();
  mongo = new MongoClient(testEnv.MONGO_URL);
  await mongo.connect();
  bus = await EventBus.connect({
    servers: testEnv.NATS_URL,
    namespace,
    name: 'crash-test',
    logger: createLogger({ service: 'test', level: 'silent' }),
  });
  stores = new FakeStores(bus);
  await stores.start();
  await startChild();
});

afterAll(async () => {
  await kill();
  await stores.stop();
  await bus.close();
  await mongo.close();
  await emulator.close();
  await deleteStreamNamespace(namespace);
  await dropDatabase(dbName);
});

describe('a killed orders process', () => {
  it('leaves every order terminal and consistent after a restart', async () => {
    const cat = await publishCatalog(bus, stores, { stems: 20, threshold: null });
    const db = mongo.db(dbName);
    await waitFor(
      async () =>
        (await db.collection('product_projections').countDocuments()) === 2 &&
        (await db.collection('flower_stock_projections').countDocuments()) === 2,
      { what: 'projections' },
    );
    const url = `http://127.0.0.1:${port}/graphql`;
    const checkouts = Array.from({ length: 30 }, () => {
      const c = customer();
      return gqlRequest(
        url,
        CHECKOUT,
        {
          i: {
            idempotencyKey: `key-${newId()}`,
            buyNow: { productId: cat.productId, quantity: 1 },
            fulfilment: 'DELIVERY',
            delivery: DELIVERY(),
            expectedTotal: 23000,
          },
        },
        callerHeaders(c.caller),
      ).catch(() => null);
    });
    // Kill it as soon as some orders exist and before every saga has finished.
    await waitFor(async () => (await db.collection('orders').countDocuments()) >= 10, {
      what: 'orders in flight',
      intervalMs: 10,
    });
    await kill();
    await Promise.all(checkouts);
    const orders = db.collection<StoredOrder>('orders');
    const beforeRestart = await orders.find().toArray();
    await startChild();

    const final = await waitFor(
      async () => {
        const docs = await orders.find().toArray();
        return docs.every((d) => d.status !== 'PENDING') ? docs : null;
      },
      { what: 'every order terminal', timeoutMs: 120_000, intervalMs: 500 },
    );
    const tally = (docs: StoredOrder[]) =>
      JSON.stringify(
        docs.reduce<Record<string, number>>((acc, d) => {
          acc[String(d.status)] = (acc[String(d.status)] ?? 0) + 1;
          return acc;
        }, {}),
      );
    console.log(`at the kill: ${tally(beforeRestart)}; after the restart: ${tally(final)}`);
    expect(final.length).toBeGreaterThanOrEqual(beforeRestart.length);
    const confirmed = final.filter((d) => d.status === 'CONFIRMED');
    expect(confirmed.length).toBeLessThanOrEqual(20);
    expect(
      final.filter((d) => d.status === 'FAILED').every((d) => typeof d.failure?.code === 'string'),
    ).toBe(true);

    // Money: exactly the confirmed orders are captured, every other payment is voided/refunded.
    const ids = new Set(final.map((d) => String(d._id)));
    await waitFor(
      async () => {
        const { payments } = (await (
          await fetch(`${emulator.url}/__emulator/payments`)
        ).json()) as {
          payments: { orderId: string; status: string }[];
        };
        const ours = payments.filter((p) => ids.has(p.orderId));
        const captured = new Set(ours.filter((p) => p.status === 'CAPTURED').map((p) => p.orderId));
        const live = ours.filter((p) => ['READY', 'APPROVED'].includes(p.status));
        return captured.size === confirmed.length &&
          confirmed.every((d) => captured.has(String(d._id))) &&
          live.length === 0
          ? true
          : null;
      },
      { what: 'payments settled', timeoutMs: 30_000, intervalMs: 500 },
    );
    // Flowers: what is gone from stock is what the confirmed orders hold.
    await waitFor(() => stores.stockOf(cat.storeId, 1) === 20 - confirmed.length, {
      what: 'stock consistent',
      timeoutMs: 30_000,
    });
    expect(stores.lowestStock).toBeGreaterThanOrEqual(0);
  }, 180_000);
});
