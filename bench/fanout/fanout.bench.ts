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
 */
import { randomBytes } from 'node:crypto';
import { createEvent } from '@bloom/kernel';
import { LIVE_SUBJECTS, productRestocked } from '@bloom/schema';
import {
  createStreamNamespace,
  deleteStreamNamespace,
  dropDatabase,
  freePort,
  testEnv,
  waitFor,
} from '@bloom/testing';
import { jetstream } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import WebSocket from 'ws';
import { cpuSeconds, rssMb } from '../lib/load.js';
import { startService, stop } from '../lib/processes.js';

const sizes = (process.env.FANOUT_SIZES ?? '1000,5000,10000').split(',').map(Number);
const timeoutMs = Number(process.env.FANOUT_TIMEOUT_S ?? 60) * 1000;
const secret = randomBytes(32).toString('hex');
const namespace = await createStreamNamespace();
const db = `bench_notifications_${randomBytes(3).toString('hex')}`;
const [notificationsPort, gatewayPort, plainPort] = [
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
const gateway = await startService(
  'gateway/src/main.ts',
  {
    ...common,
    PORT: String(gatewayPort),
    SUBGRAPH_NOTIFICATIONS_URL: `http://127.0.0.1:${notificationsPort}/graphql`,
    // Every bench socket is one anonymous client (127.0.0.1): its bucket must not run dry.
    ANONYMOUS_RATE_LIMIT_PER_MINUTE: '100000000',
  },
  `http://127.0.0.1:${gatewayPort}/health`,
  // BENCH_CPU_PROF=<dir>: the gateway writes a V8 .cpuprofile there when it is stopped.
  process.env.BENCH_CPU_PROF ? { cpuProfileDir: process.env.BENCH_CPU_PROF } : undefined,
);
const plain = await startService(
  'bench/fanout/plain-broadcast.server.ts',
  { PORT: String(plainPort) },
  `http://127.0.0.1:${plainPort}/health`,
);
const nc = await connect({ servers: testEnv.NATS_URL });
const js = jetstream(nc);

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

interface Client {
  socket: WebSocket;
  receivedAt?: number;
}

/** Opens `count` sockets, `batch` at a time; `ready` resolves once the socket may receive. */
async function openClients(
  count: number,
  open: (client: Client) => Promise<void>,
  batch = 500,
): Promise<Client[]> {
  const clients: Client[] = [];
  for (let i = 0; i < count; i += batch) {
    const chunk = Array.from({ length: Math.min(batch, count - i) }, async () => {
      const client: Client = { socket: undefined as unknown as WebSocket };
      await open(client);
      clients.push(client);
    });
    await Promise.all(chunk);
  }
  return clients;
}

const SUBSCRIPTION = `subscription($p: ID!) { productRestocked(productId: $p) { id productId restockedAt product { id } store { id } } }`;

function graphqlWsClient(productId: string) {
  return (client: Client) =>
    new Promise<void>((resolve, reject) => {
      const socket = new WebSocket(`ws://127.0.0.1:${gatewayPort}/graphql`, 'graphql-transport-ws');
      client.socket = socket;
      socket.once('error', reject);
      socket.once('open', () =>
        socket.send(JSON.stringify({ type: 'connection_init', payload: {} })),
      );
      socket.on('message', (raw: Buffer) => {
        const message = JSON.parse(raw.toString()) as { type: string };
        if (message.type === 'connection_ack') {
          socket.send(
            JSON.stringify({
              id: '1',
              type: 'subscribe',
              payload: { query: SUBSCRIPTION, variables: { p: productId } },
            }),
          );
          resolve();
        } else if (message.type === 'next' && client.receivedAt === undefined) {
          client.receivedAt = performance.now();
        }
      });
    });
}

function plainClient(client: Client) {
  return new Promise<void>((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${plainPort}/ws`);
    client.socket = socket;
    socket.once('error', reject);
    socket.once('open', () => resolve());
    socket.on('message', () => {
      client.receivedAt ??= performance.now();
    });
  });
}

async function closeAll(clients: Client[]) {
  await Promise.all(
    clients.map(
      ({ socket }) =>
        new Promise<void>((resolve) => {
          if (socket.readyState === WebSocket.CLOSED) return resolve();
          socket.once('close', () => resolve());
          socket.terminate();
        }),
    ),
  );
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 1_000));

interface Row {
  label: string;
  n: number;
  delivered: number;
  p50: number;
  p99: number;
  last: number;
  gatewayP50?: number;
  gatewayP99?: number;
  kbPerConnection: number;
  cpuMs: number;
}

const rows: Row[] = [];

/** Publishes one restock and waits until every client got it (or the timeout passes). */
async function restock(productId: string, clients: Client[]) {
  const event = createEvent(
    productRestocked,
    { source: 'bench', subjectId: productId, sequence: 1, traceId: 'bench' },
    { productId, storeId: 's-bench', subscriberIds: ['u-bench'], availableQuantity: 1 },
  );
  const t0 = performance.now();
  await js.publish(`${namespace}.${event.type}`, JSON.stringify(event), { msgID: event.id });
  await waitFor(() => clients.every((c) => c.receivedAt !== undefined), {
    timeoutMs,
    intervalMs: 10,
    what: `${clients.length} deliveries`,
  }).catch(() => undefined);
  return { event, t0 };
}

try {
  // Warm-up: the consumer, the query plan and the connections to the subgraph are made once.
  const warm = await openClients(10, graphqlWsClient('p-warm'));
  await settle();
  await restock('p-warm', warm);
  await closeAll(warm);

  for (const n of sizes) {
    // --- through the gateway ---
    const productId = `p-bench-${n}`;
    await settle();
    const rssBefore = rssMb(gateway.pid!);
    const clients = await openClients(n, graphqlWsClient(productId));
    // The subscribe message is processed after connection_ack: wait for the hub to hold them all.
    await settle();
    const rssAfter = rssMb(gateway.pid!);

    let liveAt: number | undefined;
    const liveSub = nc.subscribe(`${namespace}.${LIVE_SUBJECTS.restock}`, {
      callback: () => {
        liveAt ??= performance.now();
      },
    });
    await nc.flush();
    const cpuBefore = cpuSeconds(gateway.pid!);
    const { event, t0 } = await restock(productId, clients);
    const cpuMs = (cpuSeconds(gateway.pid!) - cpuBefore) * 1000;
    liveSub.unsubscribe();
    const times = clients
      .map((c) => c.receivedAt)
      .filter((t): t is number => t !== undefined)
      .sort((a, b) => a - b);
    const e2e = times.map((t) => t - t0);
    const fromLive = liveAt === undefined ? [] : times.map((t) => t - liveAt!);
    rows.push({
      label: 'gateway graphql-ws',
      n,
      delivered: times.length,
      p50: percentile(e2e, 50),
      p99: percentile(e2e, 99),
      last: e2e.at(-1) ?? NaN,
      gatewayP50: percentile(fromLive, 50),
      gatewayP99: percentile(fromLive, 99),
      kbPerConnection: ((rssAfter - rssBefore) * 1024) / n,
      cpuMs,
    });
    await closeAll(clients);

    // --- baseline: plain ws broadcast of one pre-serialized payload ---
    await settle();
    const plainRssBefore = rssMb(plain.pid!);
    const plainClients = await openClients(n, plainClient);
    await settle();
    const plainRssAfter = rssMb(plain.pid!);
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
    const plainCpuBefore = cpuSeconds(plain.pid!);
    const p0 = performance.now();
    await fetch(`http://127.0.0.1:${plainPort}/broadcast`, { method: 'POST', body: payload });
    await waitFor(() => plainClients.every((c) => c.receivedAt !== undefined), {
      timeoutMs,
      intervalMs: 10,
      what: `${n} plain deliveries`,
    }).catch(() => undefined);
    const plainCpuMs = (cpuSeconds(plain.pid!) - plainCpuBefore) * 1000;
    const plainTimes = plainClients
      .map((c) => c.receivedAt)
      .filter((t): t is number => t !== undefined)
      .map((t) => t - p0)
      .sort((a, b) => a - b);
    rows.push({
      label: 'plain ws broadcast',
      n,
      delivered: plainTimes.length,
      p50: percentile(plainTimes, 50),
      p99: percentile(plainTimes, 99),
      last: plainTimes.at(-1) ?? NaN,
      kbPerConnection: ((plainRssAfter - plainRssBefore) * 1024) / n,
      cpuMs: plainCpuMs,
    });
    await closeAll(plainClients);
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
      ].join(' '),
    );
  }
  console.log(
    '\np50/p99/last: from publishing the event (gateway rows) or the broadcast request (plain rows) to receipt.',
  );
  console.log('gw p50/p99: from the live NATS message to receipt (the gateway’s own share).');
  console.log(
    'KB/conn: RSS growth of the serving process per open subscribed socket; CPU: its CPU during delivery.',
  );
} finally {
  await nc.drain();
  await stop(gateway);
  await stop(notifications);
  await stop(plain);
  await deleteStreamNamespace(namespace);
  await dropDatabase(db);
}
