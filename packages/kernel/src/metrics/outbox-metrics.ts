import { Gauge, Histogram } from 'prom-client';
import type { ServiceMetrics } from './metrics.registry.js';

const DELAY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];

/**
 * `outbox_publish_delay_seconds{collection}`: how old each event was when the relay published
 * it (from its `occurredAt`), and `outbox_oldest_event_age_seconds{collection}`: the oldest
 * event the last recovery scan found waiting, which keeps growing while publishing fails.
 */
export class OutboxMetrics {
  private readonly delay: Histogram<'collection'>;
  private readonly oldest: Gauge<'collection'>;
  private readonly delays = new Map<string, { observe(value: number): void }>();

  constructor(metrics: ServiceMetrics) {
    const registers = [metrics.registry];
    this.delay = new Histogram({
      name: 'outbox_publish_delay_seconds',
      help: 'Age of each event when the outbox relay published it, in seconds.',
      labelNames: ['collection'],
      buckets: DELAY_BUCKETS,
      registers,
    });
    this.oldest = new Gauge({
      name: 'outbox_oldest_event_age_seconds',
      help: 'Age of the oldest unpublished event the last outbox recovery scan found, in seconds.',
      labelNames: ['collection'],
      registers,
    });
  }

  /** The delay instrument of a collection (the relay's collections are a fixed set). */
  delayOf(collection: string): { observe(value: number): void } {
    let child = this.delays.get(collection);
    if (!child) {
      child = this.delay.labels(collection);
      this.delays.set(collection, child);
    }
    return child;
  }

  setOldest(collection: string, seconds: number): void {
    this.oldest.set({ collection }, seconds);
  }
}

/** The service's outbox instruments (one set per registry). */
export function outboxMetrics(metrics: ServiceMetrics): OutboxMetrics {
  return metrics.part('outbox', () => new OutboxMetrics(metrics));
}

/** Seconds since an ISO instant, never negative (a clock moved by tests, skew between hosts). */
export function ageInSeconds(iso: string, nowMs = Date.now()): number {
  const at = Date.parse(iso);
  return Number.isFinite(at) && nowMs > at ? (nowMs - at) / 1000 : 0;
}
