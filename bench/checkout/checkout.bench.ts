/**
 * bench/checkout: sustained buy-now delivery checkouts, the saga behind them, and the CPU each
 * process spends per checkout. Two modes (BENCH_MODE):
 *
 * - `standin` (default): the orders subgraph as a separate process (as `npm start` runs it),
 *   called straight with gateway-signed callers, the payment sandbox over HTTP but inside this
 *   process, and a stand-in for the stores side of the saga (the orders tests' FakeStores: it
 *   answers reservations at once), so the figures are orders + PG + JetStream + the database
 *   at MONGO_URL.
 * - `gateway`: the real system, one process each as `npm start` runs them: the gateway,
 *   identity, stores, products, orders and the payments emulator. A seller approved by the
 *   admin opens a store, stocks it and lists a product, and customers sign up, all through the
 *   gateway over HTTP; the checkouts go through the gateway with each customer's token.
 *
 * Both use fresh databases and a fresh stream namespace, dropped at the end. Prints
 * checkouts/s, p50/p99 of the checkout call and of placed → confirmed, how many orders were
 * not terminal when the drain window closed, and per process the CPU milliseconds per
 * checkout (utime + stime from /proc, the database and NATS found by the port they listen
 * on) with the ceiling their sum implies on this machine's cores. CPU is counted from the
 * first checkout until the drain ends (every order terminal, or the window closed): the
 * saga's work for the checkouts runs on after the load, so a sustained rate above 100 % of
 * the ceiling means the load outran the saga (the backlog was worked off in the drain); the
 * sustained rate is therefore the smaller of the checkout rate and the saga throughput. The
 * database and NATS may serve others too (other test runs): their figures then include that.
 *
 *   npm run -w @bloom/bench checkout                     (needs `bash infra/local/up.sh --test`)
 *   BENCH_MODE=gateway npm run -w @bloom/bench checkout
 *   BENCH_SECONDS=10 BENCH_CONCURRENCY=16 BENCH_DRAIN_SECONDS=60 BENCH_MODE=standin|gateway
 *   BENCH_CPU_PROF=.local/prof   (orders, and in gateway mode every service, writes a V8
 *                                 .cpuprofile there on exit, named by its pid)
 *   BENCH_RATE=50                (an open load at 50 checkouts/s instead of a closed loop)
 *   BENCH_ORDERS_REPLICAS=2      (standin: orders as that many processes sharing the durable
 *                                 consumers, the customers spread over them)
 */
import { gqlRequest, testEnv } from '@bloom/testing';
import { MongoClient } from 'mongodb';
import { CHECKOUT, DELIVERY, newId } from '../../subgraphs/orders/test/orders.harness.js';
import { CpuMeter, cores, infraPids } from '../lib/cpu.js';
import type { CheckoutTarget } from './checkout.target.js';
import { startGatewaySystem } from './gateway.setup.js';
import { startStandin } from './standin.setup.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 16);
const drainSeconds = Number(process.env.BENCH_DRAIN_SECONDS ?? 60);
const mode = process.env.BENCH_MODE ?? 'standin';
const rate = Number(process.env.BENCH_RATE ?? 0);
const ordersReplicas = Math.max(1, Number(process.env.BENCH_ORDERS_REPLICAS ?? 1));
if (mode !== 'standin' && mode !== 'gateway') {
  throw new Error(`BENCH_MODE must be standin or gateway, not ${mode}`);
}
const percentile = (sorted: number[], p: number) =>
  sorted.length
    ? (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0)
    : 0;

const mongo = new MongoClient(testEnv.MONGO_URL);
await mongo.connect();
let target: CheckoutTarget | undefined;

try {
  const system =
    mode === 'gateway'
      ? await startGatewaySystem(mongo, concurrency)
      : await startStandin(mongo, ordersReplicas);
  target = system;
  const { productId, expectedTotal } = system;
  const orderDocs = mongo.db(system.ordersDb).collection('orders');
  const infra = infraPids(testEnv.MONGO_URL, testEnv.NATS_URL);
  const measured = [
    ...system.processes,
    { name: 'database', pid: infra.database },
    { name: 'NATS', pid: infra.nats },
  ];
  const meter = new CpuMeter(measured);
  const benchCpuBefore = process.cpuUsage();
  const latencies: number[] = [];
  let errors = 0;
  let firstRefusal: unknown;
  const until = Date.now() + seconds * 1000;
  meter.start();
  const started = Date.now();
  // BENCH_RATE: an open load, one checkout started every 1/rate s whatever the answers take
  // (at most `concurrency` in flight: past that the offered rate is not met, and said so).
  let nextStart = performance.now();
  const paced = async () => {
    if (!rate) return;
    nextStart += 1000 / rate;
    const wait = nextStart - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  };
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (Date.now() < until) {
        await paced();
        if (Date.now() >= until) break;
        const t0 = performance.now();
        const res = await gqlRequest(
          system.url(worker),
          CHECKOUT,
          {
            i: {
              idempotencyKey: `bench-${newId()}`,
              buyNow: { productId, quantity: 1 },
              fulfilment: 'DELIVERY',
              delivery: DELIVERY(),
              expectedTotal,
            },
          },
          system.headers(worker),
        );
        latencies.push(performance.now() - t0);
        // Only the result's __typename is read (CHECKOUT is the orders tests' document).
        const data = res.data as { checkout?: { __typename?: string } | null } | null | undefined;
        if (data?.checkout?.__typename !== 'CheckoutSuccess') {
          errors += 1;
          firstRefusal ??= res.errors ?? data?.checkout;
        }
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
  const cpu = meter.stop();
  const benchCpu = process.cpuUsage(benchCpuBefore);
  const docs = await orderDocs
    .find({}, { projection: { status: 1, placedAt: 1, confirmedAt: 1 } })
    .toArray();
  const sagas = docs
    .filter((d) => d.confirmedAt)
    .map((d) => (d.confirmedAt as Date).getTime() - (d.placedAt as Date).getTime())
    .sort((a, b) => a - b);
  latencies.sort((a, b) => a - b);
  const count = (status: string) => docs.filter((d) => d.status === status).length;
  const checkouts = latencies.length;
  const achieved = checkouts / elapsed;
  const lastConfirmed = Math.max(
    0,
    ...docs.map((d) => (d.confirmedAt as Date | undefined)?.getTime() ?? 0),
  );
  console.log(
    `\nbench/checkout: ${concurrency} concurrent customers, ${seconds} s, buy-now delivery checkouts`,
  );
  if (rate)
    console.log(`load:               open, ${rate}/s offered (at most ${concurrency} in flight)`);
  console.log(`mode:               ${system.description}`);
  console.log(
    `checkouts:          ${checkouts} (${errors} refused), ${(checkouts / elapsed).toFixed(1)}/s`,
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
  // What the whole pipeline completed, backlog included: the rate it sustains.
  const sagaRate = lastConfirmed > started ? sagas.length / ((lastConfirmed - started) / 1000) : 0;
  console.log(
    `saga throughput:    ${sagaRate.toFixed(1)} confirmed/s (first checkout → last confirmation)`,
  );
  if (firstRefusal !== undefined)
    console.log(`first refusal:      ${JSON.stringify(firstRefusal)}`);

  const perCheckout = (ms: number) => ms / Math.max(1, checkouts);
  let sum = 0;
  for (const { name, ms } of cpu) {
    if (ms === undefined) {
      console.log(`cpu: ${name} n/a (no process of it found on this machine)`);
      continue;
    }
    sum += perCheckout(ms);
    console.log(`cpu: ${name} ${perCheckout(ms).toFixed(2)} ms/checkout`);
  }
  if (system.inBench) {
    const benchMs = (benchCpu.user + benchCpu.system) / 1000;
    console.log(
      `cpu: ${system.inBench} in-bench (the bench process with the load: ${perCheckout(benchMs).toFixed(2)} ms/checkout, not in the sum)`,
    );
  }
  const ceiling = sum > 0 ? (cores * 1000) / sum : 0;
  // The smaller of the two: checkouts taken faster than their sagas finish are not sustained.
  const sustained = Math.min(achieved, sagaRate || achieved);
  console.log(
    `ceiling: ~${ceiling.toFixed(0)} checkouts/s on ${cores} cores (sum ${sum.toFixed(2)} ms/checkout); sustained ${sustained.toFixed(1)}/s = ${ceiling > 0 ? ((sustained / ceiling) * 100).toFixed(0) : '—'} % of it`,
  );
} finally {
  await target?.close();
  await mongo.close();
}
