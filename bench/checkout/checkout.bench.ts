/**
 * bench/checkout: sustained checkouts against the orders subgraph (a separate process, as
 * `npm start` runs it) with the payment sandbox over HTTP and a stand-in for the stores side of
 * the saga (the orders tests' FakeStores: it answers reservations at once, so the figures are
 * orders + PG + JetStream + the database at MONGO_URL). Prints checkouts/s, p50/p99 of the checkout call and of
 * placed → confirmed, and how many orders were not terminal when the drain window closed.
 *
 *   npm run -w @bloom/bench checkout   (needs `npm run infra:up`)
 *   BENCH_SECONDS=10 BENCH_CONCURRENCY=16 BENCH_DRAIN_SECONDS=60
 */
import { randomBytes } from 'node:crypto';
import { EventBus, createLogger } from '@bloom/kernel';
import { loadPaymentsEmulatorConfig, startPaymentsEmulator } from '@bloom/payments-emulator';
import {
  callerHeaders,
  createStreamNamespace,
  deleteStreamNamespace,
  dropDatabase,
  freePort,
  gqlRequest,
  testEnv,
  TEST_CALLER_SECRET,
} from '@bloom/testing';
import { MongoClient } from 'mongodb';
import { FakeStores } from '../../subgraphs/orders/test/fake-stores.js';
import {
  CHECKOUT,
  DELIVERY,
  customer,
  newId,
  publishCatalog,
} from '../../subgraphs/orders/test/orders.harness.js';
import { startService, stop } from '../lib/processes.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 16);
const drainSeconds = Number(process.env.BENCH_DRAIN_SECONDS ?? 60);
const db = `bench_orders_${randomBytes(3).toString('hex')}`;
const percentile = (sorted: number[], p: number) =>
  sorted.length
    ? (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0)
    : 0;

const pg = await startPaymentsEmulator(
  loadPaymentsEmulatorConfig({ PORT: '0', LOG_LEVEL: 'silent' }),
);
const namespace = await createStreamNamespace();
const port = await freePort();
const orders = await startService(
  'subgraphs/orders/src/main.ts',
  {
    PORT: String(port),
    MONGO_URL: testEnv.MONGO_URL,
    NATS_URL: testEnv.NATS_URL,
    EVENT_NAMESPACE: namespace,
    ORDERS_DB: db,
    CALLER_SIGNING_SECRET: TEST_CALLER_SECRET,
    PAYMENTS_URL: pg.url,
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
  },
  `http://127.0.0.1:${port}/ready`,
);
const bus = await EventBus.connect({
  servers: testEnv.NATS_URL,
  namespace,
  name: 'bench',
  logger: createLogger({ service: 'bench', level: 'silent' }),
});
const stores = new FakeStores(bus);
await stores.start();
const mongo = new MongoClient(testEnv.MONGO_URL);
await mongo.connect();

try {
  const cat = await publishCatalog(bus, stores, { stems: 10_000_000, threshold: null });
  const orderDocs = mongo.db(db).collection('orders');
  for (;;) {
    if ((await mongo.db(db).collection('product_projections').countDocuments()) === 2) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const url = `http://127.0.0.1:${port}/graphql`;
  const latencies: number[] = [];
  let errors = 0;
  const until = Date.now() + seconds * 1000;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < until) {
        const c = customer();
        const t0 = performance.now();
        const res = await gqlRequest(
          url,
          CHECKOUT,
          {
            i: {
              idempotencyKey: `bench-${newId()}`,
              buyNow: { productId: cat.productId, quantity: 1 },
              fulfilment: 'DELIVERY',
              delivery: DELIVERY(),
              expectedTotal: 23000,
            },
          },
          callerHeaders(c.caller),
        );
        latencies.push(performance.now() - t0);
        // Only the result's __typename is read (CHECKOUT is the orders tests' document).
        const data = res.data as { checkout?: { __typename?: string } | null } | null | undefined;
        if (data?.checkout?.__typename !== 'CheckoutSuccess') errors += 1;
      }
    }),
  );
  const elapsed = (Date.now() - started) / 1000;
  const drainUntil = Date.now() + drainSeconds * 1000;
  let pending = 0;
  while (Date.now() < drainUntil) {
    pending = await orderDocs.countDocuments({ status: 'PENDING' });
    if (pending === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const docs = await orderDocs
    .find({}, { projection: { status: 1, placedAt: 1, confirmedAt: 1 } })
    .toArray();
  const sagas = docs
    .filter((d) => d.confirmedAt)
    .map((d) => (d.confirmedAt as Date).getTime() - (d.placedAt as Date).getTime())
    .sort((a, b) => a - b);
  latencies.sort((a, b) => a - b);
  const count = (status: string) => docs.filter((d) => d.status === status).length;
  console.log(
    `\nbench/checkout: ${concurrency} concurrent customers, ${seconds} s, buy-now delivery checkouts`,
  );
  console.log(
    `checkouts:          ${latencies.length} (${errors} refused), ${(latencies.length / elapsed).toFixed(1)}/s`,
  );
  console.log(
    `checkout call:      p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms`,
  );
  console.log(
    `placed → confirmed: p50 ${percentile(sagas, 50)} ms, p99 ${percentile(sagas, 99)} ms (${sagas.length} confirmed)`,
  );
  console.log(
    `after ${drainSeconds} s drain: CONFIRMED ${count('CONFIRMED')}, FAILED ${count('FAILED')}, non-terminal ${pending}`,
  );
} finally {
  await stores.stop();
  await bus.close();
  await stop(orders);
  await pg.close();
  await mongo.close();
  await deleteStreamNamespace(namespace);
  await dropDatabase(db);
}
