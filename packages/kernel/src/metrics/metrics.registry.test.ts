import { Counter } from 'prom-client';
import { describe, expect, it, vi } from 'vitest';
import { type ConsumerLagSample, LAG_REFRESH_MS, eventMetrics } from './event-metrics.js';
import { graphqlMetrics } from './graphql-metrics.js';
import { ServiceMetrics, serviceMetrics } from './metrics.registry.js';
import { parsePrometheusText, sumSamples } from './prometheus-text.parser.js';

describe('ServiceMetrics', () => {
  it("renders Node's runtime metrics labelled with the service", async () => {
    const parsed = parsePrometheusText(await new ServiceMetrics('alpha').render());
    const heap = parsed.samples.find((s) => s.name === 'nodejs_heap_size_used_bytes');
    expect(heap?.labels.service).toBe('alpha');
    expect(parsed.types.get('process_cpu_seconds_total')).toBe('counter');
    expect(parsed.samples.some((s) => s.name === 'nodejs_eventloop_lag_p99_seconds')).toBe(true);
  });

  it('is one registry per service name, and creates each part once', () => {
    const a = serviceMetrics('beta');
    expect(serviceMetrics('beta')).toBe(a);
    expect(serviceMetrics('gamma')).not.toBe(a);
    const create = vi.fn(
      (registry: ServiceMetrics['registry']) =>
        new Counter({ name: 'things_total', help: 'x', registers: [registry] }),
    );
    const first = a.part('things', create);
    expect(a.part('things', create)).toBe(first);
    expect(create).toHaveBeenCalledTimes(1);
  });

  it('leaves out a metric whose collector throws, and still renders the rest', async () => {
    const metrics = new ServiceMetrics('delta');
    new Counter({
      name: 'broken_total',
      help: 'x',
      registers: [metrics.registry],
      collect: () => {
        throw new Error('boom');
      },
    });
    const parsed = parsePrometheusText(await metrics.render());
    expect(parsed.types.has('broken_total')).toBe(false);
    expect(parsed.types.has('process_cpu_seconds_total')).toBe(true);
  });
});

describe('GraphQL metrics', () => {
  it('times operations by bounded name, type and outcome, and counts errors by code', async () => {
    const metrics = new ServiceMetrics('graphql-test');
    const graphql = graphqlMetrics(metrics);
    graphql.observe('CheckoutPage', 'mutation', 'ok', 0.02);
    graphql.observe('CheckoutPage', 'mutation', 'ok', 0.03);
    graphql.observe(null, 'query', 'error', 0.01);
    graphql.observe('x'.repeat(80), 'subscription', 'ok', 0.01);
    graphql.observe('Broken', undefined, 'error', 0.001);
    graphql.countError('NOT_FOUND');
    graphql.countError(undefined);
    const parsed = parsePrometheusText(await metrics.render());
    const count = (labels: Record<string, string>) =>
      sumSamples(parsed, 'graphql_operation_duration_seconds_count', labels);
    expect(count({ operation: 'CheckoutPage', type: 'mutation', outcome: 'ok' })).toBe(2);
    expect(count({ operation: 'anonymous', type: 'query', outcome: 'error' })).toBe(1);
    expect(count({ operation: 'anonymous', type: 'subscription' })).toBe(1);
    expect(count({ operation: 'Broken', type: 'unknown' })).toBe(1);
    expect(sumSamples(parsed, 'graphql_errors_total', { code: 'NOT_FOUND' })).toBe(1);
    expect(sumSamples(parsed, 'graphql_errors_total', { code: 'UNKNOWN' })).toBe(1);
  });
});

describe('event metrics', () => {
  const sample = (pending: number): ConsumerLagSample => ({
    stream: 'ORDERS',
    consumer: 'stores-order-saga',
    pending,
    ackPending: 2,
  });
  const pendingOf = async (metrics: ServiceMetrics) =>
    sumSamples(parsePrometheusText(await metrics.render()), 'event_consumer_pending', {
      stream: 'ORDERS',
      consumer: 'stores-order-saga',
    });

  it('reads the lag on scrape at most every 15 s, keeping the last reading on failure', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const metrics = new ServiceMetrics('lag-test');
      const source = vi.fn(() => Promise.resolve([sample(5)]));
      const stop = eventMetrics(metrics).addLagSource(source);
      expect(await pendingOf(metrics)).toBe(5);
      // Two gauges, one read: the second collector reuses the first's reading.
      expect(source).toHaveBeenCalledTimes(1);
      source.mockImplementation(() => Promise.resolve([sample(9)]));
      expect(await pendingOf(metrics)).toBe(5);
      expect(source).toHaveBeenCalledTimes(1);
      vi.setSystemTime(Date.now() + LAG_REFRESH_MS + 1);
      expect(await pendingOf(metrics)).toBe(9);
      source.mockImplementation(() => Promise.reject(new Error('NATS down')));
      vi.setSystemTime(Date.now() + LAG_REFRESH_MS + 1);
      expect(await pendingOf(metrics)).toBe(9);
      stop();
      expect(await pendingOf(metrics)).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('counts publishing and handling by type, bounded to the consumer types', async () => {
    const metrics = new ServiceMetrics('events-test');
    const events = eventMetrics(metrics);
    const publish = events.publishOf('orders.order.placed');
    publish.published.inc();
    publish.duration.observe(0.002);
    const consumer = events.consumer('orders-saga', ['stores.inventory.reserved']);
    consumer.record('stores.inventory.reserved', 'ok', 0.01);
    consumer.record('stores.inventory.reserved', 'retry', 0.01);
    consumer.record('invalid', 'terminated', 0);
    const parsed = parsePrometheusText(await metrics.render());
    expect(sumSamples(parsed, 'events_published_total', { type: 'orders.order.placed' })).toBe(1);
    expect(sumSamples(parsed, 'event_publish_duration_seconds_count')).toBe(1);
    const handled = (labels: Record<string, string>) =>
      sumSamples(parsed, 'events_handled_total', { consumer: 'orders-saga', ...labels });
    expect(handled({ type: 'stores.inventory.reserved', outcome: 'ok' })).toBe(1);
    expect(handled({ type: 'stores.inventory.reserved', outcome: 'retry' })).toBe(1);
    expect(handled({ type: 'invalid', outcome: 'terminated' })).toBe(1);
    expect(
      sumSamples(parsed, 'event_handle_duration_seconds_count', { consumer: 'orders-saga' }),
    ).toBe(3);
  });
});
