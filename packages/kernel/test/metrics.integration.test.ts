import { buildSubgraphSchema } from '@apollo/subgraph';
import { Entity, PrimaryKey, Property } from '@mikro-orm/mongodb';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  callerHeaders,
  createStreamNamespace,
  deleteStreamNamespace,
  dropDatabase,
  freshDatabaseName,
  gqlRequest,
  testEnv,
  TEST_CALLER_SECRET,
  waitFor,
} from '@bloom/testing';
import { AppError, ErrorCode } from '../src/errors/errors.js';
import { type EventEnvelope, createEvent, defineEvent } from '../src/events/envelope.js';
import { createLogger } from '../src/logging/logger.js';
import {
  type PrometheusText,
  parsePrometheusText,
  sumSamples,
} from '../src/metrics/prometheus-text.parser.js';
import { createSubgraphServer } from '../src/server/subgraph-server.js';
import { type Service, ServiceRuntime, serviceOf } from '../src/server/service-runtime.js';

/**
 * A subgraph built the way every service is (ServiceRuntime + createSubgraphServer), with a
 * mutation whose event goes through the outbox to a durable consumer: its /metrics must parse
 * and count exactly what the test did.
 */
const NAME = 'metrics-it';
const noted = defineEvent('orders.metricsProbe.noted', z.object({ n: z.number() }));
const logger = createLogger({ service: NAME, level: 'silent' });
const dbName = freshDatabaseName('metrics');
let namespace = '';
let service: Service;
let runtime: ServiceRuntime;
let handled = 0;

@Entity({ collection: 'metric_probes' })
class MetricProbe {
  @PrimaryKey()
  _id!: string;

  @Property()
  outbox: EventEnvelope[] = [];
}

const typeDefs = parse(`
  type Query { ping: String! fail: String! }
  type Mutation { note(n: Int!): Boolean! }
`);

beforeAll(async () => {
  namespace = await createStreamNamespace();
  runtime = await ServiceRuntime.start({
    name: NAME,
    logger,
    mongoUrl: testEnv.MONGO_URL,
    dbName,
    entities: [MetricProbe],
    natsUrl: testEnv.NATS_URL,
    namespace,
    outbox: ['metric_probes'],
  });
  runtime.track(
    await runtime.bus.consume({
      durable: 'metrics-it-probe',
      types: [noted.type],
      handle: () => {
        handled += 1;
        return Promise.resolve();
      },
    }),
  );
  const schema = buildSubgraphSchema({
    typeDefs,
    resolvers: {
      Query: {
        ping: () => 'pong',
        fail: () => {
          throw new AppError(ErrorCode.NOT_FOUND, 'No such thing.');
        },
      },
      Mutation: {
        note: async (_: unknown, { n }: { n: number }) => {
          const id = `probe-${n}`;
          const event = createEvent(
            noted,
            { source: NAME, subjectId: id, sequence: 1, traceId: '' },
            { n },
          );
          await runtime.db
            .collection('metric_probes')
            .insertOne({ _id: id, outbox: [event] } as never);
          runtime.relay.kick('metric_probes', id);
          return true;
        },
      },
    },
  });
  const shell = await createSubgraphServer({
    name: NAME,
    version: '0.0.0',
    schema,
    callerSecret: TEST_CALLER_SECRET,
    logger,
    createContext: (caller) => ({ caller }),
    readiness: runtime.readiness,
    onClose: () => runtime.close(),
  });
  service = serviceOf(shell, { port: 0, host: '127.0.0.1' }, {});
  await service.listen();
});

afterAll(async () => {
  await service?.close();
  await dropDatabase(dbName);
  if (namespace) await deleteStreamNamespace(namespace);
});

async function scrape(): Promise<PrometheusText> {
  const res = await fetch(`${service.origin}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return parsePrometheusText(await res.text());
}

const call = (query: string, variables?: Record<string, unknown>) =>
  gqlRequest(service.url, query, variables, callerHeaders());

describe('/metrics of a kernel subgraph', () => {
  it('counts the GraphQL operations, errors and HTTP requests the test made', async () => {
    const before = await scrape();
    const N = 7;
    for (let i = 0; i < N; i += 1)
      expect((await call('query Ping { ping }')).data).toEqual({ ping: 'pong' });
    expect((await call('query Broken { fail }')).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await call('{ ping }')).status).toBe(200);
    // Unsigned: refused before Apollo, so only the HTTP histogram sees it.
    expect((await gqlRequest(service.url, 'query Ping { ping }')).status).toBe(401);
    const after = await scrape();

    const grew = (name: string, labels: Record<string, string>) =>
      sumSamples(after, name, labels) - sumSamples(before, name, labels);
    const ops = 'graphql_operation_duration_seconds_count';
    expect(grew(ops, { service: NAME, operation: 'Ping', type: 'query', outcome: 'ok' })).toBe(N);
    expect(grew(ops, { operation: 'Broken', type: 'query', outcome: 'error' })).toBe(1);
    expect(grew(ops, { operation: 'anonymous', type: 'query', outcome: 'ok' })).toBe(1);
    expect(grew('graphql_errors_total', { code: 'NOT_FOUND' })).toBe(1);
    const http = 'http_request_duration_seconds_count';
    expect(grew(http, { method: 'POST', route: '/graphql', status: '200' })).toBe(N + 2);
    expect(grew(http, { method: 'POST', route: '/graphql', status: '401' })).toBe(1);
    // The first scrape itself was timed once it had been answered.
    expect(grew(http, { method: 'GET', route: '/metrics', status: '200' })).toBe(1);
    expect(after.types.get('nodejs_heap_size_used_bytes')).toBe('gauge');
  });

  it('counts the events published through the outbox and handled by the consumer', async () => {
    const before = await scrape();
    const N = 5;
    const start = handled;
    for (let i = 0; i < N; i += 1) {
      expect((await call('mutation Note($n: Int!) { note(n: $n) }', { n: i })).data).toEqual({
        note: true,
      });
    }
    await waitFor(() => handled - start === N);
    // The handled counter is incremented right after the handler returns (and the ack).
    await waitFor(async () => {
      const now = await scrape();
      return (
        sumSamples(now, 'events_handled_total', { consumer: 'metrics-it-probe', outcome: 'ok' }) -
          sumSamples(before, 'events_handled_total', {
            consumer: 'metrics-it-probe',
            outcome: 'ok',
          }) ===
        N
      );
    });
    const after = await scrape();
    const grew = (name: string, labels: Record<string, string>) =>
      sumSamples(after, name, labels) - sumSamples(before, name, labels);
    expect(grew('events_published_total', { type: noted.type })).toBe(N);
    expect(grew('event_publish_duration_seconds_count', { type: noted.type })).toBe(N);
    expect(grew('outbox_publish_delay_seconds_count', { collection: 'metric_probes' })).toBe(N);
    expect(
      grew('event_handle_duration_seconds_count', {
        consumer: 'metrics-it-probe',
        type: noted.type,
      }),
    ).toBe(N);
    expect(
      grew('graphql_operation_duration_seconds_count', { operation: 'Note', type: 'mutation' }),
    ).toBe(N);
    // The consumer's lag as the server reports it: this process's durable, nothing pending.
    const lag = after.samples.find(
      (s) => s.name === 'event_consumer_pending' && s.labels.consumer === 'metrics-it-probe',
    );
    expect(lag?.labels).toMatchObject({ service: NAME, stream: 'ORDERS' });
    expect(lag?.value).toBe(0);
  });
});
