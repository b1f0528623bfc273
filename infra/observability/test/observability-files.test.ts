import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const read = (name: string) => readFileSync(new URL(`../${name}`, import.meta.url), 'utf8');

/** The families the services export (docs/observability.md) and Node's runtime ones used. */
const HISTOGRAMS = [
  'http_request_duration_seconds',
  'graphql_operation_duration_seconds',
  'event_publish_duration_seconds',
  'event_handle_duration_seconds',
  'outbox_publish_delay_seconds',
  'saga_step_duration_seconds',
  'saga_checkout_duration_seconds',
  'gateway_subgraph_fetch_duration_seconds',
  'nodejs_gc_duration_seconds',
];
const SERIES = new Set([
  ...HISTOGRAMS.flatMap((name) => [`${name}_bucket`, `${name}_count`, `${name}_sum`]),
  'graphql_errors_total',
  'events_published_total',
  'event_publish_failures_total',
  'events_handled_total',
  'event_consumer_pending',
  'event_consumer_ack_pending',
  'outbox_oldest_event_age_seconds',
  'saga_orders_finished_total',
  'gateway_rate_limited_total',
  'gateway_live_connections',
  'gateway_live_disconnects_total',
  'gateway_live_pushes_total',
  'gateway_live_dropped_total',
  'ai_circuit_state',
  'ai_calls_total',
  'process_resident_memory_bytes',
  'process_cpu_seconds_total',
  'nodejs_heap_size_used_bytes',
  'nodejs_eventloop_lag_p99_seconds',
  'nodejs_active_handles_total',
]);

const KEYWORDS = new Set(['and', 'or', 'unless', 'bool', 'offset', 'group_left', 'group_right']);

/**
 * Metric names in a PromQL expression: identifiers left once strings, selectors, ranges and
 * label lists (`by (...)`, `on (...)`) are removed, other than functions and keywords.
 */
function metricsIn(expr: string): string[] {
  const bare = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(by|without|on|ignoring)\s*\([^)]*\)/g, ' ');
  return [...bare.matchAll(/\b([a-zA-Z_:][a-zA-Z0-9_:]*)\b(?!\s*\()/g)]
    .map((match) => match[1] ?? '')
    .filter((name) => !KEYWORDS.has(name) && !/^\d/.test(name));
}

interface Rule {
  alert?: string;
  expr?: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

describe('prometheus-rules.yaml', () => {
  const rules = parse(read('prometheus-rules.yaml')) as {
    groups: { name: string; rules: Rule[] }[];
  };
  const alerts = rules.groups.flatMap((group) => group.rules);

  it('parses into groups of alerts, each with an expression, a severity and a summary', () => {
    expect(rules.groups.length).toBeGreaterThan(0);
    for (const rule of alerts) {
      expect(rule.alert, JSON.stringify(rule)).toMatch(/^[A-Z][A-Za-z0-9]+$/);
      expect(rule.expr?.trim()).toBeTruthy();
      expect(['page', 'warn']).toContain(rule.labels?.severity);
      expect(rule.annotations?.summary).toBeTruthy();
      if (rule.for !== undefined) expect(rule.for).toMatch(/^\d+[smh]$/);
    }
  });

  it('has the alerts the runbook describes', () => {
    expect(alerts.map((rule) => rule.alert).sort()).toEqual([
      'AiCircuitOpen',
      'CheckoutFailureRateHigh',
      'ConsumerLagHigh',
      'HighHttp5xxRate',
      'OutboxEventsWaiting',
      'SagaP99Slow',
      'WebSocketConnectionsDropping',
    ]);
    const readme = read('README.md');
    for (const rule of alerts) expect(readme).toContain(`\`${rule.alert ?? ''}\``);
  });

  it('queries only metrics the services export', () => {
    for (const rule of alerts) {
      const names = metricsIn(rule.expr ?? '');
      expect(names.length, rule.alert).toBeGreaterThan(0);
      for (const name of names) expect(SERIES, `${rule.alert ?? ''}: ${name}`).toContain(name);
    }
  });
});

describe('grafana-dashboard.json', () => {
  interface Panel {
    id: number;
    type: string;
    title: string;
    targets?: { refId: string; expr: string }[];
  }
  const dashboard = JSON.parse(read('grafana-dashboard.json')) as {
    uid: string;
    title: string;
    panels: Panel[];
  };
  const panels = dashboard.panels.filter((panel) => panel.type !== 'row');

  it('parses, with unique panel ids and a query in every panel', () => {
    expect(dashboard.uid).toBeTruthy();
    const ids = dashboard.panels.map((panel) => panel.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const panel of panels) expect(panel.targets?.length, panel.title).toBeGreaterThan(0);
  });

  it('covers what the issue asks for', () => {
    const titles = panels.map((panel) => panel.title.toLowerCase()).join('\n');
    for (const topic of [
      'request rate',
      'p99 by operation',
      'errors by code',
      'subgraph fetch',
      'saga step p99',
      'checkout failure rate',
      'consumer pending',
      'outbox publish delay',
      'websocket connections',
      'pushes',
      'memory',
      'event loop lag',
    ]) {
      expect(titles).toContain(topic);
    }
  });

  it('queries only metrics the services export', () => {
    for (const panel of panels) {
      for (const target of panel.targets ?? []) {
        const names = metricsIn(target.expr);
        expect(names.length, panel.title).toBeGreaterThan(0);
        for (const name of names) {
          expect(SERIES, `${panel.title}: ${name}`).toContain(name);
        }
      }
    }
  });
});
