import {
  BoundedLabel,
  type Counter,
  type GraphQLMetrics,
  type Histogram,
  REQUEST_BUCKETS,
  graphqlMetrics,
  serviceMetrics,
} from '@bloom/kernel';
import { Gauge } from 'prom-client';

/** The gateway's service name: its HTTP shell serves this registry at /metrics. */
export const GATEWAY_SERVICE = 'gateway';

/** The gateway's own routes, labelled in `http_request_duration_seconds` (others: `other`). */
export const GATEWAY_METRIC_ROUTES: readonly string[] = [
  '/ops/health',
  '/images',
  '/uploads',
  '/explorer',
];

export type SubgraphFetchOutcome = 'ok' | 'error' | 'failed';
export type RateLimitKind = 'api_key' | 'anonymous';

/** Close codes are numbers a client may choose (4000-4999): a few dozen at most are labelled. */
const MAX_CLOSE_CODES = 30;

/**
 * The gateway's own instruments, beside the kernel's HTTP and GraphQL ones:
 * `gateway_subgraph_fetch_duration_seconds{subgraph,outcome}`,
 * `gateway_rate_limited_total{kind}`, `gateway_live_connections`,
 * `gateway_live_disconnects_total{code}`, `gateway_live_pushes_total{subscription}` and
 * `gateway_live_dropped_total{subscription}`.
 */
export class GatewayMetrics {
  readonly graphql: GraphQLMetrics;
  private readonly fetches: Histogram<'subgraph' | 'outcome'>;
  private readonly limited: Counter<'kind'>;
  private readonly connections: Gauge;
  private readonly disconnects: Counter<'code'>;
  private readonly pushes: Counter<'subscription'>;
  private readonly drops: Counter<'subscription'>;
  private readonly closeCodes = new BoundedLabel(MAX_CLOSE_CODES);

  constructor() {
    const metrics = serviceMetrics(GATEWAY_SERVICE);
    this.graphql = graphqlMetrics(metrics);
    this.fetches = metrics.histogram({
      name: 'gateway_subgraph_fetch_duration_seconds',
      help: 'Fetches from the gateway to a subgraph, by outcome (ok, error: GraphQL errors, failed: no answer or HTTP error), in seconds.',
      labelNames: ['subgraph', 'outcome'],
      buckets: REQUEST_BUCKETS,
    });
    this.limited = metrics.counter({
      name: 'gateway_rate_limited_total',
      help: 'Requests and socket operations refused by a rate limit, by kind (api_key, anonymous).',
      labelNames: ['kind'],
    });
    this.pushes = metrics.counter({
      name: 'gateway_live_pushes_total',
      help: 'Subscription results pushed to WebSocket clients, by subscription field.',
      labelNames: ['subscription'],
    });
    this.drops = metrics.counter({
      name: 'gateway_live_dropped_total',
      help: 'Subscription results not sent because the client was too far behind, by field.',
      labelNames: ['subscription'],
    });
    this.disconnects = metrics.counter({
      name: 'gateway_live_disconnects_total',
      help: 'Accepted WebSocket connections that closed, by close code.',
      labelNames: ['code'],
    });
    this.connections = metrics.part(
      'gateway_live_connections',
      (registry) =>
        new Gauge({
          name: 'gateway_live_connections',
          help: 'Open graphql-ws connections that passed connection_init.',
          registers: [registry],
        }),
    );
  }

  subgraphFetch(subgraph: string, outcome: SubgraphFetchOutcome, seconds: number): void {
    this.fetches.observe({ subgraph, outcome }, seconds);
  }

  rateLimited(kind: RateLimitKind): void {
    this.limited.inc({ kind });
  }

  liveConnected(): void {
    this.connections.inc();
  }

  liveDisconnected(code: number | undefined): void {
    this.connections.dec();
    const label = code === undefined ? 'none' : this.closeCodes.of(String(code));
    this.disconnects.inc({ code: label });
  }

  livePushed(subscription: string, count: number): void {
    if (count > 0) this.pushes.inc({ subscription }, count);
  }

  liveDropped(subscription: string, count: number): void {
    if (count > 0) this.drops.inc({ subscription }, count);
  }
}

let instance: GatewayMetrics | undefined;

/** The gateway's instruments, created once per process (replicas in one test process share). */
export function gatewayMetrics(): GatewayMetrics {
  instance ??= new GatewayMetrics();
  return instance;
}
