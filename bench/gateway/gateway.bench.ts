/**
 * bench/gateway: the same query sent straight to the identity subgraph (with a gateway
 * signature) and through the gateway, in one run, beside a bare node:http server doing the
 * same database read (bare-identity.server.ts). Prints req/s, p50/p99 and the ratios.
 *
 *   npm run -w @bloom/bench gateway   (needs `npm run infra:up`)
 *   BENCH_SECONDS=10 BENCH_CONCURRENCY=32
 *   BENCH_CPU_PROF=.local/prof  identity and the gateway write V8 .cpuprofiles there on exit
 *   BENCH_TRACING=1  then both again with OpenTelemetry tracing on, exporting to a local OTLP
 *                    sink, and the traced/untraced ratio (tracing's price; off costs nothing)
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CALLER_HEADER, signCaller } from '@bloom/kernel';
import { dataOf, dropDatabase, freePort, gqlRequest, testEnv } from '@bloom/testing';
import { type LoadResult, printTable, runLoad } from '../lib/load.js';
import { startService, stop } from '../lib/processes.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 32);
const secret = randomBytes(32).toString('hex');
const jwtSecret = randomBytes(32).toString('hex');
const db = `bench_identity_${randomBytes(3).toString('hex')}`;
const [identityPort, gatewayPort, barePort] = [
  await freePort(),
  await freePort(),
  await freePort(),
];
const common = {
  MONGO_URL: testEnv.MONGO_URL,
  NATS_URL: testEnv.NATS_URL,
  CALLER_SIGNING_SECRET: secret,
  JWT_SECRET: jwtSecret,
  LOG_LEVEL: 'warn',
  NODE_ENV: 'production',
  // The bench sends its own documents, not the clients' trusted ones.
  TRUSTED_DOCUMENTS: 'off',
};

const tracing = process.env.BENCH_TRACING === '1';
const profiling = process.env.BENCH_CPU_PROF
  ? { cpuProfileDir: process.env.BENCH_CPU_PROF }
  : undefined;

/** Identity and the gateway as processes; `env` adds to both (e.g. the OTLP endpoint). */
async function startPair(env: Record<string, string> = {}) {
  const identity = await startService(
    'subgraphs/identity/src/main.ts',
    {
      ...common,
      ...env,
      PORT: String(identityPort),
      IDENTITY_DB: db,
      PASSWORD_SCRYPT_LOG_N: '14',
    },
    `http://127.0.0.1:${identityPort}/health`,
    profiling,
  );
  const gateway = await startService(
    'gateway/src/main.ts',
    {
      ...common,
      ...env,
      PORT: String(gatewayPort),
      SUBGRAPH_IDENTITY_URL: `http://127.0.0.1:${identityPort}/graphql`,
    },
    `http://127.0.0.1:${gatewayPort}/health`,
    profiling,
  );
  return { identity, gateway };
}

/** An OTLP/HTTP collector that takes every export and keeps nothing, counting the spans' bytes. */
async function startOtlpSink() {
  let bytes = 0;
  const server = createServer((req, res) => {
    req.on('data', (chunk: Buffer) => (bytes += chunk.length));
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    bytes: () => bytes,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let { identity, gateway } = await startPair();

try {
  const gatewayUrl = `http://127.0.0.1:${gatewayPort}/graphql`;
  const signUp = await gqlRequest<{ signUp: { accessToken: string; user: { id: string } } }>(
    gatewayUrl,
    `mutation { signUp(input: { email: "bench@bloom.test", password: "bench12345", name: "Bench" }) { ... on AuthPayload { accessToken user { id } } } }`,
  );
  const { accessToken, user } = dataOf(signUp).signUp;
  const body = JSON.stringify({ query: '{ me { id name roles } }' });
  // A fresh signature per request is what the gateway does; one is enough for the baseline.
  const signed = signCaller(
    { kind: 'user', userId: user.id, roles: ['CUSTOMER'], scopes: [], traceId: 'bench' },
    secret,
  );
  const loadDirect = (label: string) =>
    runLoad({
      label,
      url: `http://127.0.0.1:${identityPort}/graphql`,
      body,
      headers: { [CALLER_HEADER]: signed },
      concurrency,
      seconds,
      serverPid: identity.pid,
    });
  const loadGateway = (label: string) =>
    runLoad({
      label,
      url: gatewayUrl,
      body,
      headers: { authorization: `Bearer ${accessToken}` },
      concurrency,
      seconds,
      serverPid: gateway.pid,
    });
  const bareServer = await startService(
    'bench/gateway/bare-identity.server.ts',
    {
      PORT: String(barePort),
      MONGO_URL: testEnv.MONGO_URL,
      IDENTITY_DB: db,
      BENCH_USER_ID: user.id,
    },
    `http://127.0.0.1:${barePort}/health`,
  );
  let bare;
  try {
    bare = await runLoad({
      label: 'bare node:http + driver',
      url: `http://127.0.0.1:${barePort}/graphql`,
      body,
      headers: {},
      concurrency,
      seconds,
      serverPid: bareServer.pid,
    });
  } finally {
    await stop(bareServer);
  }
  const direct = await loadDirect('direct → identity');
  const viaGateway = await loadGateway('gateway → identity');
  console.log(
    `\nbench/gateway: ${concurrency} concurrent clients, ${seconds} s each, query { me { id name roles } }`,
  );
  printTable([bare, direct, viaGateway]);
  console.log(`\ngateway/direct throughput ratio: ${(viaGateway.rps / direct.rps).toFixed(2)}`);
  const perCore = (result: LoadResult) => result.requests / (result.serverCpuSeconds ?? NaN);
  console.log(
    `subgraph/bare throughput ratio: ${(direct.rps / bare.rps).toFixed(2)} (per server core ${(perCore(direct) / perCore(bare)).toFixed(2)})`,
  );
  console.log(
    `gateway added latency: p50 +${(viaGateway.p50 - direct.p50).toFixed(2)} ms, p99 +${(viaGateway.p99 - direct.p99).toFixed(2)} ms`,
  );
  console.log(
    '(the "per server core" column divides requests by the CPU seconds the measured process used)',
  );
  if (tracing) {
    await stop(gateway);
    await stop(identity);
    const sink = await startOtlpSink();
    try {
      ({ identity, gateway } = await startPair({
        OTEL_EXPORTER_OTLP_ENDPOINT: sink.url,
        OTEL_BSP_SCHEDULE_DELAY: '1000',
      }));
      const tracedDirect = await loadDirect('direct → identity (traced)');
      const tracedGateway = await loadGateway('gateway → identity (traced)');
      console.log('\nwith tracing on (OTLP/HTTP to a local sink, every request sampled):');
      printTable([tracedDirect, tracedGateway]);
      console.log(
        `tracing on/off throughput ratio: direct ${(tracedDirect.rps / direct.rps).toFixed(2)}, gateway ${(tracedGateway.rps / viaGateway.rps).toFixed(2)} (${Math.round(sink.bytes() / 1024)} KiB of spans exported)`,
      );
    } finally {
      await sink.close();
    }
  }
} finally {
  await stop(gateway);
  await stop(identity);
  await dropDatabase(db);
}
