import { type PrometheusText, parsePrometheusText } from '@bloom/kernel';
import { ADMIN_ACCOUNT } from '@bloom/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SubgraphName, type System, startSystem } from '../src/system.harness.js';

/** One operation that every started subgraph answers a part of. */
const PROBE = `
  query MetricsProbe {
    me { id }
    stores(first: 1) { nodes { id } }
    products(first: 1) { nodes { id } }
    myOrders(first: 1) { nodes { id } }
  }
`;
const STARTED: SubgraphName[] = ['identity', 'stores', 'products', 'orders'];

let sys: System;
let token = '';
beforeAll(async () => {
  sys = await startSystem(STARTED);
  token = await sys.logIn(ADMIN_ACCOUNT.email, ADMIN_ACCOUNT.password);
});
afterAll(async () => sys?.close());

async function scrape(graphqlUrl: string): Promise<PrometheusText> {
  const res = await fetch(new URL('/metrics', graphqlUrl));
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return parsePrometheusText(await res.text());
}

/** Sum of a family's samples whose labels match (a RegExp for a label matches its value). */
function sum(text: PrometheusText, name: string, labels: Record<string, string | RegExp>): number {
  return text.samples
    .filter(
      (sample) =>
        sample.name === name &&
        Object.entries(labels).every(([key, want]) => {
          const value = sample.labels[key] ?? '';
          return typeof want === 'string' ? value === want : want.test(value);
        }),
    )
    .reduce((total, sample) => total + sample.value, 0);
}

describe('/metrics across the system', () => {
  it('the gateway and every subgraph count the requests made through the gateway', async () => {
    const targets: [string, string][] = [
      ['gateway', sys.gatewayUrl],
      ...STARTED.map((name): [string, string] => [name, sys.subgraphUrls[name] ?? '']),
    ];
    const before = new Map<string, PrometheusText>();
    for (const [name, url] of targets) before.set(name, await scrape(url));

    const N = 3;
    for (let i = 0; i < N; i += 1) {
      const res = await sys.call(PROBE, {}, token);
      expect(res.errors).toBeUndefined();
      expect(res.data).toMatchObject({ me: { id: expect.any(String) as string } });
    }

    for (const [name, url] of targets) {
      const after = await scrape(url);
      const was = before.get(name) as PrometheusText;
      const grew = (metric: string, labels: Record<string, string | RegExp>) =>
        sum(after, metric, labels) - sum(was, metric, labels);
      expect(
        after.samples.every((sample) => sample.labels.service === name),
        name,
      ).toBe(true);
      expect(
        grew('http_request_duration_seconds_count', { route: '/graphql', status: '200' }),
        name,
      ).toBe(N);
      if (name === 'gateway') {
        const ops = { operation: 'MetricsProbe', type: 'query', outcome: 'ok' };
        expect(grew('graphql_operation_duration_seconds_count', ops)).toBe(N);
        for (const subgraph of STARTED) {
          expect(
            grew('gateway_subgraph_fetch_duration_seconds_count', { subgraph, outcome: 'ok' }),
            subgraph,
          ).toBe(N);
        }
      } else {
        // The gateway names each subgraph fetch after the client's operation.
        const ops = { operation: /^MetricsProbe__/, type: 'query', outcome: 'ok' };
        expect(grew('graphql_operation_duration_seconds_count', ops), name).toBe(N);
        expect(after.types.get('events_handled_total'), name).toBe('counter');
        expect(after.types.get('nodejs_eventloop_lag_p99_seconds'), name).toBe('gauge');
      }
    }
  });
});
