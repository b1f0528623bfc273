/**
 * bench/fanout: N concurrent graphql-ws subscribers of `productRestocked(productId)` on one
 * gateway process; one `products.product.restocked` event is published and every subscriber
 * must receive the payload (resolved through federation, shared by all of them). Reported
 * against a plain `ws` broadcast of one pre-serialized payload to N sockets, in the same run.
 *
 *   npm run -w @bloom/bench fanout        (needs `npm run infra:up`)
 *   FANOUT_SIZES=1000,5000,10000 FANOUT_TIMEOUT_S=60 BENCH_CPU_PROF=<dir>
 *
 * Latency is measured in this process: from publishing the event (end to end: JetStream →
 * notifications → core NATS → gateway → federated query → sockets), and from the live NATS
 * message (the gateway's own part). Loopback only; every wait is bounded.
 *
 * The gateway's subscribers live in child processes (subscribers.worker.ts; one process may not
 * hold 20,000 sockets here), which count every copy: `dup` is how many got more than one. Then a
 * replicated run: FANOUT_REPLICATED (20000) subscribers split over two gateway processes (as
 * behind a load balancer), each of which must receive exactly one copy; its row sums both
 * gateways' CPU and RSS growth. FANOUT_REPLICATED=0 skips it.
 */
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createEvent } from '@bloom/kernel';
import { LIVE_SUBJECTS, productRestocked } from '@bloom/schema';
import {
  createStreamNamespace,
  deleteStreamNamespace,
  dropDatabase,
  freePort,
  testEnv,
} from '@bloom/testing';
import { jetstream } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { cpuSeconds, rssMb } from '../lib/load.js';
import { startService, stop } from '../lib/processes.js';

const sizes = (process.env.FANOUT_SIZES ?? '1000,5000,10000').split(',').map(Number);
const timeoutMs = Number(process.env.FANOUT_TIMEOUT_S ?? 60) * 1000;
const replicated = Number(process.env.FANOUT_REPLICATED ?? 20_000);
const secret = randomBytes(32).toString('hex');
const namespace = await createStreamNamespace();
const db = `bench_notifications_${randomBytes(3).toString('hex')}`;
const [notificationsPort, gatewayPort, secondGatewayPort, plainPort] = [
  await freePort(),
  await freePort(),
  await freePort(),
  await freePort(),
];
const common = {
  MONGO_URL: testEnv.MONGO_URL,
  NATS_URL: testEnv.NATS_URL,
  EVENT_NAMESPACE: namespace,
  CALLER_SIGNING_SECRET: secret,
  JWT_SECRET: randomBytes(32).toString('hex'),
  LOG_LEVEL: 'warn',
  NODE_ENV: 'production',
  // The bench sends its own documents, not the clients' trusted ones.
  TRUSTED_DOCUMENTS: 'off',
  WEBHOOK_SECRETS_KEY: randomBytes(32).toString('hex'),
};

const notifications = await startService(
  'subgraphs/notifications/src/main.ts',
  { ...common, PORT: String(notificationsPort), NOTIFICATIONS_DB: db },
  `http://127.0.0.1:${notificationsPort}/health`,
);
const startGateway = (port: number) =>
  startService(
    'gateway/src/main.ts',
    {
      ...common,
      PORT: String(port),
      SUBGRAPH_NOTIFICATIONS_URL: `http://127.0.0.1:${notificationsPort}/graphql`,
      // Every bench socket is one anonymous client (127.0.0.1): its bucket must not run dry.
      ANONYMOUS_RATE_LIMIT_PER_MINUTE: '100000000',
    },
    `http://127.0.0.1:${port}/health`,
    // BENCH_CPU_PROF=<dir>: the gateway writes a V8 .cpuprofile there when it is stopped.
    process.env.BENCH_CPU_PROF ? { cpuProfileDir: process.env.BENCH_CPU_PROF } : undefined,
  );
const gateway = await startGateway(gatewayPort);
const secondGateway = replicated > 0 ? await startGateway(secondGatewayPort) : undefined;
const plain = await startService(
  'bench/fanout/plain-broadcast.server.ts',
  { PORT: String(plainPort) },
  `http://127.0.0.1:${plainPort}/health`,
);
const nc = await connect({ servers: testEnv.NATS_URL });
const js = jetstream(nc);

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

const SUBSCRIPTION = `subscription($p: ID!) { productRestocked(productId: $p) { id productId restockedAt product { id } store { id } } }`;
const epochNow = () => performance.timeOrigin + performance.now();
const settle = () => new Promise((resolve) => setTimeout(resolve, 1_000));

/**
 * `count` sockets to `url` in a child process: graphql-ws subscribers of `productId`, or plain
 * sockets without it.
 */
async function subscribersAt(url: string, count: number, productId?: string) {
  const child = fork(new URL('./subscribers.worker.ts', import.meta.url));
  const next = <T>(key: string) =>
    new Promise<T>((resolve) => {
      const listen = (message: Record<string, unknown>) => {
        if (!(key in message)) return;
        child.off('message', listen);
        resolve(message as T);
      };
      child.on('message', listen);
    });
  const ready = next('ready');
  const all = next('all');
  child.send({ url, count, ...(productId ? { productId, query: SUBSCRIPTION } : {}) });
  await ready;
  return {
    all,
    collect: () => {
      const answer = next<{ times: number[]; duplicated: number }>('times');
      child.send({ collect: true });
      return answer;
    },
  };
}

interface Row {
  label: string;
  n: number;
  delivered: number;
  /** Subscribers that got more than one copy. */
  duplicated: number;
  p50: number;
  p99: number;
  last: number;
  gatewayP50?: number;
  gatewayP99?: number;
  kbPerConnection: number;
  cpuMs: number;
}

const rows: Row[] = [];

/**
 * `n` sockets split evenly over the servers (one child process each), one message sent by
 * `deliver` (which answers when it was sent, epoch ms), every copy counted. With `productId`
 * they are graphql-ws subscribers of it, also timed from the live NATS message (the gateway's
 * own share); without, plain sockets.
 */
async function deliveryRun(
  label: string,
  servers: { url: string; pid: number }[],
  n: number,
  deliver: () => Promise<number>,
  productId?: string,
): Promise<Row> {
  await settle();
  const rssBefore = servers.map((server) => rssMb(server.pid));
  const shares = await Promise.all(
    servers.map((server, i) =>
      subscribersAt(server.url, Math.floor((n + i) / servers.length), productId),
    ),
  );
  // The subscribe message is processed after connection_ack: wait for the hub to hold them all.
  await settle();
  const rssAfter = servers.map((server) => rssMb(server.pid));
  let liveAt: number | undefined;
  const liveSub = productId
    ? nc.subscribe(`${namespace}.${LIVE_SUBJECTS.restock}`, {
        callback: () => {
          liveAt ??= epochNow();
        },
      })
    : undefined;
  await nc.flush();
  const cpuBefore = servers.map((server) => cpuSeconds(server.pid));
  const t0 = await deliver();
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    Promise.all(shares.map((share) => share.all)),
    new Promise((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
    }),
  ]);
  clearTimeout(timer);
  const cpuMs =
    servers.reduce((sum, server, i) => sum + cpuSeconds(server.pid) - cpuBefore[i]!, 0) * 1000;
  liveSub?.unsubscribe();
  // Long enough for a second copy, were one on its way.
  await settle();
  const results = await Promise.all(shares.map((share) => share.collect()));
  const times = results.flatMap((r) => r.times).sort((a, b) => a - b);
  const e2e = times.map((t) => t - t0);
  const fromLive = liveAt === undefined ? [] : times.map((t) => t - liveAt!);
  const grownMb = rssAfter.reduce((sum, mb, i) => sum + mb - rssBefore[i]!, 0);
  return {
    label,
    n,
    delivered: times.length,
    duplicated: results.reduce((sum, r) => sum + r.duplicated, 0),
    p50: percentile(e2e, 50),
    p99: percentile(e2e, 99),
    last: e2e.at(-1) ?? NaN,
    gatewayP50: productId ? percentile(fromLive, 50) : undefined,
    gatewayP99: productId ? percentile(fromLive, 99) : undefined,
    kbPerConnection: (grownMb * 1024) / n,
    cpuMs,
  };
}

const restockEvent = (productId: string) =>
  createEvent(
    productRestocked,
    { source: 'bench', subjectId: productId, sequence: 1, traceId: 'bench' },
    { productId, storeId: 's-bench', subscriberIds: ['u-bench'], availableQuantity: 1 },
  );

/** Subscribers of `productId` over these gateways, one restock published through JetStream. */
function gatewayRun(
  label: string,
  gateways: { url: string; pid: number }[],
  n: number,
  productId: string,
) {
  const event = restockEvent(productId);
  return deliveryRun(
    label,
    gateways,
    n,
    async () => {
      const t0 = epochNow();
      await js.publish(`${namespace}.${event.type}`, JSON.stringify(event), { msgID: event.id });
      return t0;
    },
    productId,
  ).then((row) => ({ row, event }));
}

try {
  const first = { url: `ws://127.0.0.1:${gatewayPort}/graphql`, pid: gateway.pid! };
  const second = secondGateway && {
    url: `ws://127.0.0.1:${secondGatewayPort}/graphql`,
    pid: secondGateway.pid!,
  };
  // Warm-up: the consumer, the query plan and the connections to the subgraph are made once.
  await gatewayRun('warm-up', second ? [first, second] : [first], 10, 'p-warm');

  for (const n of sizes) {
    // --- through the gateway ---
    const productId = `p-bench-${n}`;
    const { row, event } = await gatewayRun('gateway graphql-ws', [first], n, productId);
    rows.push(row);

    // --- baseline: plain ws broadcast of the same payload, pre-serialized ---
    const payload = JSON.stringify({
      id: '1',
      type: 'next',
      payload: {
        data: {
          productRestocked: {
            id: event.id,
            productId,
            restockedAt: event.occurredAt,
            product: { id: productId },
            store: { id: 's-bench' },
          },
        },
      },
    });
    rows.push(
      await deliveryRun(
        'plain ws broadcast',
        [{ url: `ws://127.0.0.1:${plainPort}/ws`, pid: plain.pid! }],
        n,
        async () => {
          const t0 = epochNow();
          await fetch(`http://127.0.0.1:${plainPort}/broadcast`, { method: 'POST', body: payload });
          return t0;
        },
      ),
    );
  }

  if (second) {
    // --- two gateway replicas, the subscribers split between them ---
    const productId = `p-bench-replicated-${replicated}`;
    rows.push((await gatewayRun('gateways ×2', [first, second], replicated, productId)).row);
  }

  const f = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? '—' : v.toFixed(1));
  console.log(
    `\nbench/fanout: one restock event → N subscribers of productRestocked (same selection)\n`,
  );
  console.log(
    [
      'label'.padEnd(20),
      'N'.padStart(6),
      'delivered'.padStart(9),
      'p50 ms'.padStart(8),
      'p99 ms'.padStart(8),
      'last ms'.padStart(8),
      'gw p50'.padStart(8),
      'gw p99'.padStart(8),
      'KB/conn'.padStart(8),
      'CPU ms'.padStart(8),
      'dup'.padStart(5),
    ].join(' '),
  );
  for (const r of rows) {
    console.log(
      [
        r.label.padEnd(20),
        String(r.n).padStart(6),
        String(r.delivered).padStart(9),
        f(r.p50).padStart(8),
        f(r.p99).padStart(8),
        f(r.last).padStart(8),
        f(r.gatewayP50).padStart(8),
        f(r.gatewayP99).padStart(8),
        f(r.kbPerConnection).padStart(8),
        f(r.cpuMs).padStart(8),
        String(r.duplicated).padStart(5),
      ].join(' '),
    );
  }
  console.log(
    '\np50/p99/last: from publishing the event (gateway rows) or the broadcast request (plain rows) to receipt.',
  );
  console.log('gw p50/p99: from the live NATS message to receipt (the gateway’s own share).');
  console.log('dup: subscribers that received more than one copy.');
  console.log(
    'KB/conn: RSS growth of the serving process per open subscribed socket; CPU: its CPU during delivery.',
  );
} finally {
  await nc.drain();
  await stop(gateway);
  if (secondGateway) await stop(secondGateway);
  await stop(notifications);
  await stop(plain);
  await deleteStreamNamespace(namespace);
  await dropDatabase(db);
}
