/**
 * bench/gateway-peers: our gateway against stock Apollo Gateway and stock Hive Gateway, on the
 * same supergraph, with the same load, in one run.
 *
 *   npm run -w @bloom/bench gateway-peers   (needs `bash infra/local/up.sh --test`: NATS)
 *   BENCH_SECONDS=20 BENCH_WARMUP_SECONDS=5 BENCH_CONCURRENCY=50   (the defaults)
 *   BENCH_PEERS=bloom-gateway   only these gateways; BENCH_CPU_PROF=<dir> V8 profiles of them
 *
 * The supergraph is The Guild's federation benchmark (the-guild-org/gateways-benchmark):
 * accounts, products, reviews and inventory (`shippingEstimate @requires(fields: "price
 * weight")`), served by this process (peers.subgraphs.ts) from static data. Each subgraph
 * executes a distinct request body once and answers its repeats from a cache, so the
 * subgraphs cost next to nothing and the gateways' own work is what is compared.
 *
 * The gateways, each its own process, one after the other:
 * - bloom-gateway: gateway/src/main.ts with NODE_ENV=production and the production config,
 *   except what the bench must change (printed in the header): trusted documents off, the cost
 *   (and if need be depth) limit raised to what the heavy query measures, and the anonymous
 *   rate limit raised out of the way. It needs NATS: a fresh stream namespace, deleted after.
 * - apollo-gateway: apollo-gateway.server.ts, `ApolloServer` + `ApolloGateway` defaults.
 * - hive-gateway: hive-gateway.server.ts, `createGatewayRuntime` defaults.
 * First each is started once to check that all three answer both queries with the same
 * `data` (the bench stops if not); then each is started again and measured alone.
 *
 * Per gateway and query: a closed loop of BENCH_CONCURRENCY clients for BENCH_SECONDS after a
 * BENCH_WARMUP_SECONDS warm-up (bench/lib/load.ts). Reported: req/s; requests per CPU second
 * of the gateway process (utime + stime of all its threads, from /proc: the figure that does
 * not depend on how much of the 2 shared cores the gateway got); p50/p99 latency; the
 * gateway's RSS at the end of the run; failed requests (non-2xx or an `errors` key). The last
 * line is our heavy-query requests per CPU second divided by each peer's.
 *
 * The load generator and the subgraphs share this process and the machine with the gateway;
 * each run also prints the cores this process used and the load average.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { createStreamNamespace, deleteStreamNamespace, freePort, testEnv } from '@bloom/testing';
import {
  type FragmentDefinitionNode,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
  parse,
} from 'graphql';
import { loadGatewayConfig } from '../../gateway/src/gateway.config.js';
import { measureComplexity } from '../../gateway/src/limits/complexity.calculator.js';
import { fieldSubgraphsTable } from '../../gateway/src/limits/field-subgraphs.table.js';
import { type LoadResult, runLoad } from '../lib/load.js';
import { repoRoot, stop } from '../lib/processes.js';
import { startCannedSubgraphs } from './peers.subgraphs.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 20);
// BENCH_CPU_PROF=<dir>: each gateway writes a V8 .cpuprofile there when it is stopped.
const profileFlags = process.env.BENCH_CPU_PROF
  ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
  : [];
// BENCH_PEERS=bloom-gateway,hive-gateway: only these (all three by default).
const onlyPeers = process.env.BENCH_PEERS?.split(',').map((name) => name.trim());
const warmupSeconds = Number(process.env.BENCH_WARMUP_SECONDS ?? 5);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 50);

/** The Guild benchmark's TestQuery, as its k6 script sends it. */
const HEAVY = `fragment User on User { id username name }
fragment Review on Review { id body }
fragment Product on Product { inStock name price shippingEstimate upc weight }
query TestQuery {
  users {
    ...User
    reviews {
      ...Review
      product {
        ...Product
        reviews { ...Review author { ...User reviews { ...Review product { ...Product } } } }
      }
    }
  }
  topProducts {
    ...Product
    reviews { ...Review author { ...User reviews { ...Review product { ...Product } } } }
  }
}`;
const SMALL = '{ topProducts(first: 5) { upc name price } }';
const QUERIES = [
  { name: 'heavy', query: HEAVY },
  { name: 'small', query: SMALL },
] as const;
type QueryName = (typeof QUERIES)[number]['name'];

type PeerName = 'bloom-gateway' | 'apollo-gateway' | 'hive-gateway';
interface Peer {
  name: PeerName;
  entry: string;
  env: Record<string, string>;
}

/** The heavy query by our gateway's own cost model, on the supergraph's API schema. */
function measureHeavy(supergraphSdl: string, apiSchema: GraphQLSchema) {
  const document = parse(HEAVY);
  const fragments: Record<string, FragmentDefinitionNode> = {};
  let operation: OperationDefinitionNode | undefined;
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
    if (definition.kind === Kind.OPERATION_DEFINITION) operation = definition;
  }
  if (!operation) throw new Error('the heavy query has no operation');
  return measureComplexity({
    schema: apiSchema,
    operation,
    fragments,
    fieldSubgraphs: fieldSubgraphsTable(supergraphSdl),
  });
}

/** Starts a gateway script as its own process; ready once it answers `{ __typename }`. */
async function startPeer(peer: Peer, port: number): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [...profileFlags, '--conditions=source', '--import', '@bloom/kernel/register', peer.entry],
    {
      cwd: repoRoot,
      env: { ...process.env, ...peer.env, PORT: String(port) },
      // Request logs go nowhere (as to a log shipper that keeps up); warnings and crashes show.
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  let gone = false;
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code, signal) => {
      gone = true;
      reject(new Error(`${peer.name} (${peer.entry}) exited (${code ?? signal}) while starting`));
    }),
  );
  exited.catch(() => undefined);
  // Apollo's standalone server has no health route, so all three are asked the same question.
  const deadline = Date.now() + 60_000;
  const ready = async () => {
    while (!gone) {
      const answer = await post(port, '{ __typename }').catch(() => undefined);
      if (answer?.status === 200 && answer.json.data?.__typename === 'Query') return;
      if (Date.now() > deadline) throw new Error(`${peer.name} not ready within 60 s`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  try {
    await Promise.race([ready(), exited]);
  } catch (error) {
    await stop(child);
    throw error;
  }
  return child;
}

interface Answer {
  status: number;
  bytes: number;
  json: { data?: Record<string, unknown>; errors?: unknown[] };
}

async function post(port: number, query: string): Promise<Answer> {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  const text = await response.text();
  return {
    status: response.status,
    bytes: Buffer.byteLength(text),
    json: JSON.parse(text) as Answer['json'],
  };
}

/** The first path where two JSON values differ, for a readable failure. */
function firstDifference(a: unknown, b: unknown, path = 'data'): string | undefined {
  if (isDeepStrictEqual(a, b)) return undefined;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return `${path}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`;
  }
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const found = firstDifference(
      (a as Record<string, unknown>)[key],
      (b as Record<string, unknown>)[key],
      `${path}.${key}`,
    );
    if (found) return found;
  }
  return `${path}: differs`;
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

const subgraphs = await startCannedSubgraphs();
const namespace = await createStreamNamespace();
const dir = mkdtempSync(join(tmpdir(), 'bloom-gateway-peers-'));
const supergraphPath = join(dir, 'supergraph.graphql');
writeFileSync(supergraphPath, subgraphs.supergraphSdl);

const production = loadGatewayConfig({
  NODE_ENV: 'production',
  CALLER_SIGNING_SECRET: 'x'.repeat(32),
  JWT_SECRET: 'x'.repeat(32),
});
const heavy = measureHeavy(subgraphs.supergraphSdl, subgraphs.apiSchema);
const maxCost = Math.max(production.MAX_QUERY_COST, heavy.cost);
const maxDepth = Math.max(production.MAX_QUERY_DEPTH, heavy.depth);
// The bench's clients all come from 127.0.0.1, one anonymous client key: no bucket may run dry.
const anonymousPerMinute = 100_000_000;

const peers: Peer[] = [
  {
    name: 'bloom-gateway',
    entry: 'gateway/src/main.ts',
    env: {
      NODE_ENV: 'production',
      SUPERGRAPH_PATH: supergraphPath,
      MONGO_URL: testEnv.MONGO_URL,
      NATS_URL: testEnv.NATS_URL,
      EVENT_NAMESPACE: namespace,
      CALLER_SIGNING_SECRET: randomBytes(32).toString('hex'),
      JWT_SECRET: randomBytes(32).toString('hex'),
      TRUSTED_DOCUMENTS: 'off',
      MAX_QUERY_COST: String(maxCost),
      MAX_QUERY_DEPTH: String(maxDepth),
      ANONYMOUS_RATE_LIMIT_PER_MINUTE: String(anonymousPerMinute),
    },
  },
  {
    name: 'apollo-gateway',
    entry: 'bench/gateway-peers/apollo-gateway.server.ts',
    env: {
      NODE_ENV: 'production',
      SUPERGRAPH_PATH: supergraphPath,
      APOLLO_TELEMETRY_DISABLED: 'true',
    },
  },
  {
    name: 'hive-gateway',
    entry: 'bench/gateway-peers/hive-gateway.server.ts',
    env: { NODE_ENV: 'production', SUPERGRAPH_PATH: supergraphPath },
  },
];

if (onlyPeers) peers.splice(0, peers.length, ...peers.filter((p) => onlyPeers.includes(p.name)));

const results: { peer: PeerName; query: QueryName; result: LoadResult }[] = [];
try {
  console.log(
    `bench/gateway-peers: ${concurrency} clients, ${seconds} s after a ${warmupSeconds} s warm-up per gateway and query; ${availableParallelism()} cores; load average ${load()}`,
  );
  console.log(
    `subgraphs (in the bench process, each distinct request body executed once, then cached): ${subgraphs.subgraphs.map((s) => s.name).join(', ')}`,
  );
  console.log('bloom-gateway: NODE_ENV=production, production config except:');
  console.log("  TRUSTED_DOCUMENTS=off (the bench sends its own documents, not the clients')");
  console.log(
    `  MAX_QUERY_COST=${maxCost} (production ${production.MAX_QUERY_COST}; the heavy query costs ${heavy.cost} by the gateway's model)`,
  );
  console.log(
    `  MAX_QUERY_DEPTH=${maxDepth} (production ${production.MAX_QUERY_DEPTH}; the heavy query is ${heavy.depth} deep${maxDepth === production.MAX_QUERY_DEPTH ? ', unchanged' : ''})`,
  );
  console.log(
    `  ANONYMOUS_RATE_LIMIT_PER_MINUTE=${anonymousPerMinute} (production ${production.ANONYMOUS_RATE_LIMIT_PER_MINUTE} per client address; all bench clients are 127.0.0.1)`,
  );
  console.log(
    `  LOG_LEVEL=${production.LOG_LEVEL} (production default: one log line per request, to /dev/null)`,
  );
  console.log(
    'apollo-gateway: ApolloServer + ApolloGateway defaults, NODE_ENV=production, APOLLO_TELEMETRY_DISABLED=true',
  );
  console.log('hive-gateway: createGatewayRuntime defaults, NODE_ENV=production');

  // Same answers first: a faster gateway that answers something else proves nothing.
  const reference = new Map<QueryName, unknown>();
  for (const peer of peers) {
    const port = await freePort();
    const child = await startPeer(peer, port);
    try {
      const sizes: string[] = [];
      for (const { name, query } of QUERIES) {
        const answer = await post(port, query);
        if (answer.status !== 200 || answer.json.errors || !answer.json.data) {
          throw new Error(
            `${peer.name} failed the ${name} query: HTTP ${answer.status} ${JSON.stringify(answer.json).slice(0, 500)}`,
          );
        }
        const expected = reference.get(name);
        if (expected === undefined) reference.set(name, answer.json.data);
        else {
          const difference = firstDifference(expected, answer.json.data);
          if (difference) {
            throw new Error(
              `${peer.name} answers the ${name} query differently from ${peers[0]?.name}: ${difference}`,
            );
          }
        }
        sizes.push(`${name} ${kib(answer.bytes)}`);
      }
      console.log(`${peer.name}: same data for both queries; response bodies ${sizes.join(', ')}`);
    } finally {
      await stop(child);
    }
  }
  console.log(
    `heavy query's data, compact JSON: ${kib(Buffer.byteLength(JSON.stringify({ data: reference.get('heavy') })))}`,
  );

  for (const peer of peers) {
    const port = await freePort();
    const child = await startPeer(peer, port);
    try {
      for (const { name, query } of QUERIES) {
        const cpuBefore = process.cpuUsage();
        const result = await runLoad({
          label: `${peer.name} ${name}`,
          url: `http://127.0.0.1:${port}/graphql`,
          body: JSON.stringify({ query }),
          headers: {},
          concurrency,
          seconds,
          warmupSeconds,
          serverPid: child.pid,
        });
        const own = process.cpuUsage(cpuBefore);
        const wall = result.seconds + warmupSeconds;
        results.push({ peer: peer.name, query: name, result });
        console.log(
          `${peer.name} ${name}: ${result.rps.toFixed(0)} req/s, RSS ${result.serverRssMb?.toFixed(0) ?? 'n/a'} MB at the end; gateway ${((result.serverCpuSeconds ?? 0) / result.seconds).toFixed(2)} cores, bench process ${((own.user + own.system) / 1e6 / wall).toFixed(2)} cores; load average ${load()}`,
        );
      }
    } finally {
      await stop(child);
    }
  }
} finally {
  await subgraphs.close();
  await deleteStreamNamespace(namespace).catch((error: unknown) => console.error(error));
  rmSync(dir, { recursive: true, force: true });
}

const perCore = (r: LoadResult) =>
  r.serverCpuSeconds ? r.requests / r.serverCpuSeconds : Number.NaN;
const statsLine = subgraphs.subgraphs
  .map((s) => `${s.name} ${s.stats.executed}/${s.stats.cached}`)
  .join(', ');
console.log(`\nsubgraph requests executed/answered from cache: ${statsLine}`);
console.log(
  '\n| gateway | query | req/s | req per gateway core·s | p50 ms | p99 ms | RSS MB | errors |',
);
console.log('|---|---|---|---|---|---|---|---|');
for (const { peer, query, result: r } of results) {
  console.log(
    `| ${peer} | ${query} | ${r.rps.toFixed(0)} | ${perCore(r).toFixed(0)} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} | ${r.serverRssMb?.toFixed(0) ?? 'n/a'} | ${r.errors} |`,
  );
}
const heavyOf = (peer: PeerName) => {
  const found = results.find((r) => r.peer === peer && r.query === 'heavy');
  return found ? perCore(found.result) : Number.NaN;
};
// With BENCH_PEERS leaving one out, its ratio is NaN.
const ours = heavyOf('bloom-gateway');
console.log(
  `per-core ratio vs hive-gateway: ${(ours / heavyOf('hive-gateway')).toFixed(2)}, vs apollo-gateway: ${(ours / heavyOf('apollo-gateway')).toFixed(2)}`,
);
