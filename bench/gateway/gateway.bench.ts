/**
 * bench/gateway: the same query sent straight to the identity subgraph (with a gateway
 * signature) and through the gateway, in one run. Prints req/s, p50/p99 and the ratio.
 *
 *   npm run -w @bloom/bench gateway   (needs `npm run infra:up`)
 *   BENCH_SECONDS=10 BENCH_CONCURRENCY=32
 */
import { randomBytes } from 'node:crypto';
import { CALLER_HEADER, signCaller } from '@bloom/kernel';
import { dataOf, dropDatabase, freePort, gqlRequest, testEnv } from '@bloom/testing';
import { printTable, runLoad } from '../lib/load.js';
import { startService, stop } from '../lib/processes.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 32);
const secret = randomBytes(32).toString('hex');
const jwtSecret = randomBytes(32).toString('hex');
const db = `bench_identity_${randomBytes(3).toString('hex')}`;
const [identityPort, gatewayPort] = [await freePort(), await freePort()];
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

const identity = await startService(
  'subgraphs/identity/src/main.ts',
  { ...common, PORT: String(identityPort), IDENTITY_DB: db, PASSWORD_SCRYPT_LOG_N: '14' },
  `http://127.0.0.1:${identityPort}/health`,
);
const gateway = await startService(
  'gateway/src/main.ts',
  {
    ...common,
    PORT: String(gatewayPort),
    SUBGRAPH_IDENTITY_URL: `http://127.0.0.1:${identityPort}/graphql`,
  },
  `http://127.0.0.1:${gatewayPort}/health`,
);

try {
  const gatewayUrl = `http://127.0.0.1:${gatewayPort}/graphql`;
  const signUp = await gqlRequest<{ signUp: { accessToken: string; user: { id: string } } }>(
    gatewayUrl,
    `mutation { signUp(input: { email: "bench@bloom.test", password: "bench12345", name: "Bench" }) { ... on AuthPayload { accessToken user { id } } } }`,
  );
  const { accessToken, user } = dataOf(signUp).signUp;
  const body = JSON.stringify({ query: '{ me { id name roles } }' });
  const direct = await runLoad({
    label: 'direct → identity',
    url: `http://127.0.0.1:${identityPort}/graphql`,
    body,
    // A fresh signature per request is what the gateway does; one is enough for the baseline.
    headers: {
      [CALLER_HEADER]: signCaller(
        { kind: 'user', userId: user.id, roles: ['CUSTOMER'], scopes: [], traceId: 'bench' },
        secret,
      ),
    },
    concurrency,
    seconds,
    serverPid: identity.pid,
  });
  const viaGateway = await runLoad({
    label: 'gateway → identity',
    url: gatewayUrl,
    body,
    headers: { authorization: `Bearer ${accessToken}` },
    concurrency,
    seconds,
    serverPid: gateway.pid,
  });
  console.log(
    `\nbench/gateway: ${concurrency} concurrent clients, ${seconds} s each, query { me { id name roles } }`,
  );
  printTable([direct, viaGateway]);
  console.log(`\ngateway/direct throughput ratio: ${(viaGateway.rps / direct.rps).toFixed(2)}`);
  console.log(
    `gateway added latency: p50 +${(viaGateway.p50 - direct.p50).toFixed(2)} ms, p99 +${(viaGateway.p99 - direct.p99).toFixed(2)} ms`,
  );
  console.log(
    '(the "per server core" column divides requests by the CPU seconds the measured process used)',
  );
} finally {
  await stop(gateway);
  await stop(identity);
  await dropDatabase(db);
}
