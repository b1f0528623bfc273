/**
 * bench/scheduler: one pass of the subscriptions cycle scheduler (`CycleScheduler.runOnce`) over
 * N WEEKLY subscriptions, in-process against the database at MONGO_URL and JetStream, on a clock set by hand.
 *
 * - idle pass (wake-up): nothing is due; every subscription's `wakeAt` was set by the pass
 *   before, so the pass is one query that finds nothing — the cost of the wake-up design.
 * - idle pass (scan all), the baseline in the same run: the same pass with every `wakeAt` put
 *   in the past (one updateMany), so every subscription is locked, loaded with its cycles and
 *   given a wake-up time again — what a scan of every subscription each minute costs.
 * - charge-day pass: the clock moves to the start of the next charge day (Asia/Seoul), when a
 *   quarter of the subscriptions (first deliveries spread over 4 weeks) have a cycle due; the
 *   pass creates their cycles and first charge attempts (no orders service: the attempts are
 *   inserted and the outbox relay publishes them to NATS).
 *
 * The subscriptions are inserted straight into the `subscriptions` collection with the driver,
 * cloned from a document a real GraphQL `subscribe` created (the first few `subscribe` calls are
 * timed and reported, to show why: one call per subscription is far slower).
 *
 *   npm run -w @bloom/bench scheduler            (needs `npm run infra:up`)
 *   npm run -w @bloom/bench scheduler -- 1000,2000
 *   SCHEDULER_SIZES=1000,5000 SCHEDULER_IDLE_REPEATS=5 SCHEDULER_SCAN_REPEATS=1
 *   SCHEDULER_SUBSCRIBE_SAMPLE=10 SCHEDULER_LOG_LEVEL=error
 *
 * Measured on FerretDB (SQLite backend, before the local database moved to mongo-java-server): a
 * visit's cost grew with N, so a pass over every subscription grew about as N². The local
 * server ignores secondary indexes (queries scan), so figures at scale say little about
 * MongoDB 7: point TEST_MONGO_URL-style MONGO_URL at one for those.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { type EventContract, createEvent, createLogger } from '@bloom/kernel';
import { productCreated, storeOpened } from '@bloom/schema';
import {
  TEST_CALLER_SECRET,
  callerHeaders,
  createStreamNamespace,
  deleteStreamNamespace,
  dropDatabase,
  gqlRequest,
  testEnv,
  waitFor,
} from '@bloom/testing';
import type { Document } from 'mongodb';
import { addDays, startOfDay } from '../../subgraphs/subscriptions/src/calendar/cycle-calendar.js';
import type { SchedulerRun } from '../../subgraphs/subscriptions/src/scheduler/cycle.scheduler.js';
import { type SubscriptionsServer, buildServer } from '../../subgraphs/subscriptions/src/server.js';
import { loadSubscriptionsConfig } from '../../subgraphs/subscriptions/src/subscriptions.config.js';
import {
  ADDRESS,
  CARD,
  FakeBillingKeys,
} from '../../subgraphs/subscriptions/test/subscriptions.harness.js';

const sizes = (process.argv[2] ?? process.env.SCHEDULER_SIZES ?? '1000,5000')
  .split(',')
  .map(Number);
const idleRepeats = Number(process.env.SCHEDULER_IDLE_REPEATS ?? 5);
const scanRepeats = Number(process.env.SCHEDULER_SCAN_REPEATS ?? 1);
const subscribeSample = Math.max(1, Number(process.env.SCHEDULER_SUBSCRIBE_SAMPLE ?? 10));
const logLevel = process.env.SCHEDULER_LOG_LEVEL === 'silent' ? 'silent' : 'error';

/** A Monday, 10:00 in Seoul. Charge days are the Tuesdays after it, deliveries Thursdays. */
const TODAY = '2025-03-03';
const CHARGE_DAY = addDays(TODAY, 1);
const START = new Date(`${TODAY}T01:00:00Z`);
const MINUTE = 60_000;
const STORE = 'bench-store';
const PRODUCT = 'bench-product';

interface SubscriptionDoc extends Document {
  _id: string;
}

interface Row {
  n: number;
  insertMs: number;
  subscribeMs: number;
  firstPassMs: number;
  idleMs: number;
  scanMs: number;
  chargeMs: number;
  charge: SchedulerRun;
  drainMs: number;
  rssMb: number;
  problems: string[];
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

const SUBSCRIBE = `mutation ($input: SubscribeInput!) {
  subscribe(input: $input) {
    __typename
    ... on FlowerSubscription { id }
    ... on UserError { code message }
  }
}`;

/** What the bench reads of a subscribe result (a FlowerSubscription or a UserError). */
type SubscribeResult = { subscribe: { __typename?: string; id?: string } | null };

/** Publishes the store and its subscription product as catalogue would, waits for projections. */
async function seedCatalog(server: SubscriptionsServer): Promise<void> {
  let sequence = 0;
  const publish = async <T>(contract: EventContract<string, T>, subjectId: string, payload: T) => {
    sequence += 1;
    await server.bus.publish(
      createEvent(contract, { source: 'bench', subjectId, sequence, traceId: 'bench' }, payload),
    );
  };
  await publish(storeOpened, STORE, {
    storeId: STORE,
    sellerId: 'bench-seller',
    name: 'Bench store',
    status: 'OPEN',
    regionCode: '11',
    districtCode: '11680',
    latitude: 37.5,
    longitude: 127.0,
    deliveryPolicy: {
      fee: 3000,
      freeDeliveryThreshold: 50000,
      sameDayCutoff: '14:00',
      windows: [
        { start: '10:00', end: '13:00' },
        { start: '14:00', end: '18:00' },
      ],
    },
    pickup: { enabled: false, slotCapacity: 1 },
  });
  await publish(productCreated, PRODUCT, {
    productId: PRODUCT,
    storeId: STORE,
    name: 'Weekly bouquet',
    price: 25000,
    status: 'ON_SALE',
    isSubscription: true,
    category: null,
    tags: [],
    recipe: [{ flowerId: 1, count: 5, representative: true }],
    representativeFlowerId: 1,
    updatedAt: new Date().toISOString(),
  });
  const db = server.orm.em.getConnection().getDb();
  await waitFor(
    async () =>
      (await db.collection<SubscriptionDoc>('product_projections').findOne({ _id: PRODUCT })) &&
      (await db.collection<SubscriptionDoc>('store_projections').findOne({ _id: STORE })),
    { what: 'catalog projections', timeoutMs: 30_000 },
  );
}

async function measure(n: number): Promise<Row> {
  const dbName = `bench_subscriptions_${randomBytes(3).toString('hex')}`;
  const namespace = await createStreamNamespace();
  let now = START;
  const config = loadSubscriptionsConfig({
    PORT: '0',
    MONGO_URL: testEnv.MONGO_URL,
    NATS_URL: testEnv.NATS_URL,
    EVENT_NAMESPACE: namespace,
    SUBSCRIPTIONS_DB: dbName,
    CALLER_SIGNING_SECRET: TEST_CALLER_SECRET,
    LOG_LEVEL: 'silent',
    SUBSCRIPTION_SCHEDULER_INTERVAL_MS: '0',
  });
  const server = await buildServer(config, {
    logger: createLogger({ service: 'subscriptions', level: logLevel }),
    now: () => now,
    billing: new FakeBillingKeys(),
    scheduler: false,
  });
  await server.listen();
  const cleanUp = async () => {
    await server.close();
    await deleteStreamNamespace(namespace);
    await dropDatabase(dbName);
  };
  // A run at 5,000 takes long: Ctrl-C still drops its database and streams.
  const onSignal = () => {
    console.log('interrupted: dropping the database and streams');
    void cleanUp().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
  const problems: string[] = [];
  const expect = (what: string, run: SchedulerRun, visited: number, cycles: number) => {
    if (run.subscriptionsVisited !== visited || run.cyclesCreated !== cycles) {
      problems.push(
        `${what}: visited ${run.subscriptionsVisited} (expected ${visited}), cycles ${run.cyclesCreated} (expected ${cycles})`,
      );
    }
  };
  try {
    await seedCatalog(server);
    const leadDays = config.SUBSCRIPTION_CHARGE_LEAD_DAYS;
    // First deliveries on the Thursdays of the next 4 weeks: a quarter is charged each Tuesday.
    const firstDelivery = (i: number) => addDays(CHARGE_DAY, leadDays + 7 * (i % 4));
    const db = server.orm.em.getConnection().getDb();
    const subscriptions = db.collection<SubscriptionDoc>('subscriptions');

    // A few real subscribe calls: the document to clone, and what creating N this way costs.
    const ids: string[] = [];
    const subscribeTimes: number[] = [];
    for (let i = 0; i < subscribeSample; i += 1) {
      const { ms, value } = await timed(() =>
        gqlRequest<SubscribeResult>(
          server.url,
          SUBSCRIBE,
          {
            input: {
              productId: PRODUCT,
              quantity: 1,
              cycle: 'WEEKLY',
              firstDeliveryDate: firstDelivery(i),
              address: ADDRESS,
              card: CARD,
            },
          },
          callerHeaders({ userId: `bench-sample-${i}`, roles: ['CUSTOMER'] }),
        ),
      );
      const created = value.data?.subscribe;
      if (created?.__typename !== 'FlowerSubscription' || !created.id) {
        throw new Error(`subscribe failed: ${JSON.stringify(value)}`);
      }
      ids.push(created.id);
      subscribeTimes.push(ms);
    }
    await server.relay.flush();
    const [templateId] = ids;
    if (!templateId) throw new Error('no subscription was created');
    const template = await subscriptions.findOne({ _id: templateId });
    if (!template) throw new Error('the subscribed document is missing');
    await subscriptions.deleteMany({ _id: { $in: ids } });

    const inserted = await timed(async () => {
      const batch = 500;
      for (let from = 0; from < n; from += batch) {
        const docs: SubscriptionDoc[] = [];
        for (let i = from; i < Math.min(n, from + batch); i += 1) {
          docs.push({
            ...template,
            _id: randomUUID(),
            customerId: `bench-customer-${i}`,
            firstDeliveryDate: firstDelivery(i),
            anchorDate: firstDelivery(i),
            billingKey: `bk_ok_bench_${i}`,
            wakeAt: now,
            createdAt: now,
            updatedAt: now,
            // As after the relay published subscriptionCreated.
            outbox: [],
          });
        }
        await subscriptions.insertMany(docs);
      }
    });

    // The first pass looks at every new subscription and sets its wake-up time.
    const first = await timed(() => server.scheduler.runOnce());
    expect('first pass', first.value, n, 0);

    const idle: number[] = [];
    for (let r = 0; r < idleRepeats; r += 1) {
      now = new Date(START.getTime() + (r + 1) * MINUTE);
      const pass = await timed(() => server.scheduler.runOnce());
      expect('idle pass (wake-up)', pass.value, 0, 0);
      idle.push(pass.ms);
    }

    const scan: number[] = [];
    for (let r = 0; r < scanRepeats; r += 1) {
      now = new Date(START.getTime() + (idleRepeats + r + 1) * MINUTE);
      await subscriptions.updateMany({}, { $set: { wakeAt: new Date(now.getTime() - MINUTE) } });
      const pass = await timed(() => server.scheduler.runOnce());
      expect('idle pass (scan all)', pass.value, n, 0);
      scan.push(pass.ms);
    }

    now = startOfDay(CHARGE_DAY);
    const due = Math.ceil(n / 4);
    const charge = await timed(() => server.scheduler.runOnce());
    expect('charge-day pass', charge.value, due, due);
    if (charge.value.attemptsRequested !== due) {
      problems.push(`charge-day pass: ${charge.value.attemptsRequested} attempts, expected ${due}`);
    }
    const rssMb = process.memoryUsage().rss / 1024 / 1024;
    const drain = await timed(() => server.relay.flush());

    return {
      n,
      insertMs: inserted.ms,
      subscribeMs: median(subscribeTimes),
      firstPassMs: first.ms,
      idleMs: median(idle),
      scanMs: median(scan),
      chargeMs: charge.ms,
      charge: charge.value,
      drainMs: drain.ms,
      rssMb,
      problems,
    };
  } finally {
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
    await cleanUp();
  }
}

const perSecond = (count: number, ms: number) => (ms > 0 ? (count / ms) * 1000 : 0).toFixed(0);
const tableRow = (r: Row) =>
  `| ${r.n} | ${r.idleMs.toFixed(1)} | ${r.scanMs.toFixed(0)} | ${r.idleMs > 0 ? (r.scanMs / r.idleMs).toFixed(0) : 'n/a'}× | ${r.chargeMs.toFixed(0)} | ${r.charge.cyclesCreated} | ${perSecond(r.charge.subscriptionsVisited, r.chargeMs)} | ${perSecond(r.charge.cyclesCreated, r.chargeMs)} | ${r.rssMb.toFixed(0)} |`;
const notes = (r: Row) =>
  [
    `N = ${r.n}: raw insert ${r.insertMs.toFixed(0)} ms (GraphQL subscribe ${r.subscribeMs.toFixed(1)} ms each, ≈ ${((r.subscribeMs * r.n) / 1000).toFixed(0)} s for N);`,
    `  first pass (sets every wakeAt) ${r.firstPassMs.toFixed(0)} ms; scan all ${(r.scanMs / r.n).toFixed(1)} ms per subscription;`,
    `  charge day ${(r.chargeMs / Math.max(1, r.charge.subscriptionsVisited)).toFixed(1)} ms per due subscription, ${r.charge.attemptsRequested} attempts; relay published its events ${r.drainMs.toFixed(0)} ms after the pass`,
    ...r.problems.map((problem) => `  ! ${problem}`),
  ].join('\n');
const header = [
  '| N | idle pass ms (wake-up) | idle pass ms (scan all) | ratio | charge-day pass ms | cycles created | subscriptions/s | cycles/s | RSS MB |',
  '|---|---|---|---|---|---|---|---|---|',
].join('\n');

const rows: Row[] = [];
for (const n of sizes) {
  console.log(`bench/scheduler: N = ${n} ...`);
  const row = await measure(n);
  rows.push(row);
  console.log(`${tableRow(row)}\n${notes(row)}`);
}

console.log(
  `\nbench/scheduler: one CycleScheduler.runOnce over N WEEKLY subscriptions (median of ${idleRepeats} wake-up / ${scanRepeats} scan-all idle passes)\n`,
);
console.log(header);
for (const r of rows) console.log(tableRow(r));
console.log('');
for (const r of rows) console.log(notes(r));
console.log(
  'RSS: this process (bench + subscriptions server in-process), after the charge-day pass.',
);
