import { type PrometheusText, createLogger, parsePrometheusText, sumSamples } from '@bloom/kernel';
import { getOperationAST, parse } from 'graphql';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { gqlRequest, waitFor } from '@bloom/testing';
import {
  type Federation,
  type TestGateway,
  startFederation,
  startTestGateway,
} from '../../test/federation.fixture.js';
import { LiveHub } from '../subscriptions/live.hub.js';
import { planLiveOperation } from '../subscriptions/live-operation.js';
import { gatewayMetrics } from './gateway.metrics.js';

let federation: Federation;
let gw: TestGateway;

beforeAll(async () => {
  federation = await startFederation();
  gw = await startTestGateway(federation, { ANONYMOUS_RATE_LIMIT_PER_MINUTE: '20' });
});
afterAll(async () => {
  await gw?.close();
  await federation?.close();
});

async function scrape(base = gw.base): Promise<PrometheusText> {
  const res = await fetch(`${base}/metrics`);
  expect(res.status).toBe(200);
  return parsePrometheusText(await res.text());
}

/** Every gateway in this process records into one registry: compare before and after. */
async function measure(work: () => Promise<void>) {
  const before = await scrape();
  await work();
  const after = await scrape();
  return (name: string, labels: Record<string, string> = {}) =>
    sumSamples(after, name, { service: 'gateway', ...labels }) -
    sumSamples(before, name, { service: 'gateway', ...labels });
}

describe('gateway /metrics', () => {
  it('times operations by name, fetches by subgraph and counts errors by code', async () => {
    const grew = await measure(async () => {
      for (let i = 0; i < 3; i += 1) {
        const res = await gqlRequest(
          gw.url,
          'query Who { whoami { kind } user(id: "u1") { store { name } } }',
        );
        expect(res.errors).toBeUndefined();
      }
      const refused = await gqlRequest(gw.url, 'query Refused { failForbidden }');
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      // Refused before Apollo runs: still counted by its code.
      const bad = await fetch(gw.url, { method: 'POST', headers: { authorization: 'Basic x' } });
      expect(bad.status).toBe(401);
      await bad.text();
    });
    const ops = 'graphql_operation_duration_seconds_count';
    expect(grew(ops, { operation: 'Who', type: 'query', outcome: 'ok' })).toBe(3);
    expect(grew(ops, { operation: 'Refused', outcome: 'error' })).toBe(1);
    const fetches = 'gateway_subgraph_fetch_duration_seconds_count';
    expect(grew(fetches, { subgraph: 'identity', outcome: 'ok' })).toBe(3);
    expect(grew(fetches, { subgraph: 'stores', outcome: 'ok' })).toBe(3);
    expect(grew(fetches, { subgraph: 'identity', outcome: 'error' })).toBe(1);
    expect(grew('graphql_errors_total', { code: 'FORBIDDEN' })).toBe(1);
    expect(grew('graphql_errors_total', { code: 'UNAUTHENTICATED' })).toBe(1);
    const http = 'http_request_duration_seconds_count';
    expect(grew(http, { method: 'POST', route: '/graphql', status: '200' })).toBe(4);
    expect(grew(http, { method: 'POST', route: '/graphql', status: '401' })).toBe(1);
  });

  it('counts rate-limit refusals by kind', async () => {
    const limited = await startTestGateway(federation, { ANONYMOUS_RATE_LIMIT_PER_MINUTE: '2' });
    try {
      const grew = await measure(async () => {
        const statuses: number[] = [];
        for (let i = 0; i < 4; i += 1) {
          statuses.push((await gqlRequest(limited.url, '{ whoami { kind } }')).status);
        }
        expect(statuses).toEqual([200, 200, 429, 429]);
      });
      expect(grew('gateway_rate_limited_total', { kind: 'anonymous' })).toBe(2);
      expect(grew('graphql_errors_total', { code: 'RATE_LIMITED' })).toBe(2);
    } finally {
      await limited.close();
    }
  });

  it('gauges open WebSocket connections and counts their close codes', async () => {
    const connections = async () =>
      sumSamples(await scrape(), 'gateway_live_connections', { service: 'gateway' });
    const before = await connections();
    const client = createClient({
      url: gw.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      lazy: false,
    });
    try {
      await waitFor(async () => (await connections()) === before + 1);
    } finally {
      await client.dispose();
    }
    await waitFor(async () => (await connections()) === before);
    const parsed = await scrape();
    expect(sumSamples(parsed, 'gateway_live_disconnects_total', { code: '1000' })).toBeGreaterThan(
      0,
    );
  });

  it('answers only direct requests: not through a proxy', async () => {
    const res = await fetch(`${gw.base}/metrics`, {
      headers: { 'x-forwarded-for': '203.0.113.7' },
    });
    expect(res.status).toBe(404);
    await res.text();
  });

  it('counts pushes by subscription field', async () => {
    const hub = new LiveHub(
      (_query, variables) => Promise.resolve({ data: { x: { id: variables.liveId } } }),
      createLogger({ service: 'test', level: 'silent' }),
      gatewayMetrics(),
    );
    const document = parse('subscription { productRestocked(productId: "p1") { productId } }');
    const operation = getOperationAST(document);
    if (!operation) throw new Error('no operation');
    const live = planLiveOperation(document, operation, {});
    const anonymous = { kind: 'anonymous' as const, roles: [], scopes: [], traceId: 't' };
    const grew = await measure(async () => {
      const sink = { send: () => true };
      hub.subscribe(anonymous, live, sink);
      hub.subscribe(anonymous, live, sink);
      await hub.restock({ restockId: 'r1', productId: 'p1' });
    });
    expect(grew('gateway_live_pushes_total', { subscription: 'productRestocked' })).toBe(2);
  });
});
