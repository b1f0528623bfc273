import { Counter, Gauge, Histogram } from 'prom-client';
import { BoundedLabel } from './metric-labels.js';
import type { ServiceMetrics } from './metrics.registry.js';

/** Distinct event types labelled per process; the contracts are far fewer. */
const MAX_EVENT_TYPES = 200;
/** How long a lag reading is reused: asking the server about every consumer costs round trips. */
export const LAG_REFRESH_MS = 15_000;
/** A scrape waits at most this long for the server's answer, then shows the last reading. */
const LAG_READ_TIMEOUT_MS = 2_000;

const PUBLISH_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];
const HANDLE_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export type HandleOutcome = 'ok' | 'retry' | 'terminated';

interface Observer {
  observe(value: number): void;
}
interface Incrementer {
  inc(): void;
}

export interface PublishInstruments {
  published: Incrementer;
  failed: Incrementer;
  duration: Observer;
}

/** One consumer's instruments per event type, built once so handling an event allocates none. */
export class ConsumerInstruments {
  private readonly byType = new Map<string, Record<HandleOutcome, Incrementer> & Observer>();

  constructor(
    private readonly metrics: EventMetrics,
    private readonly consumer: string,
    types: readonly string[],
  ) {
    for (const type of types) this.byType.set(type, this.build(type));
  }

  /** One handled delivery: its outcome and how long handling (and acknowledging) took. */
  record(type: string, outcome: HandleOutcome, seconds: number): void {
    let instruments = this.byType.get(type);
    if (!instruments) {
      // A type the consumer did not ask for (or a message that is no envelope): bounded.
      const label = this.metrics.typeLabel(type);
      instruments = this.byType.get(label) ?? this.build(label);
      this.byType.set(label, instruments);
    }
    instruments[outcome].inc();
    instruments.observe(seconds);
  }

  private build(type: string) {
    const { handled, handleDuration } = this.metrics;
    const duration = handleDuration.labels(this.consumer, type);
    return {
      ok: handled.labels(this.consumer, type, 'ok'),
      retry: handled.labels(this.consumer, type, 'retry'),
      terminated: handled.labels(this.consumer, type, 'terminated'),
      observe: (seconds: number) => duration.observe(seconds),
    };
  }
}

/** A durable consumer's backlog as the server reports it. */
export interface ConsumerLagSample {
  /** The stream's name without the namespace prefix (e.g. ORDERS). */
  stream: string;
  consumer: string;
  pending: number;
  ackPending: number;
}

/** Reads the lag of the consumers one bus runs. */
export type LagSource = () => Promise<ConsumerLagSample[]>;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Event publishing and handling by type, and the consumers' lag: `events_published_total`,
 * `event_publish_failures_total`, `event_publish_duration_seconds`, `events_handled_total`,
 * `event_handle_duration_seconds`, `event_consumer_pending`, `event_consumer_ack_pending`.
 * The lag is read from the server only when scraped and at most every LAG_REFRESH_MS.
 */
export class EventMetrics {
  readonly handled: Counter<'consumer' | 'type' | 'outcome'>;
  readonly handleDuration: Histogram<'consumer' | 'type'>;
  private readonly published: Counter<'type'>;
  private readonly publishFailed: Counter<'type'>;
  private readonly publishDuration: Histogram<'type'>;
  private readonly pending: Gauge<'stream' | 'consumer'>;
  private readonly ackPending: Gauge<'stream' | 'consumer'>;
  private readonly types = new BoundedLabel(MAX_EVENT_TYPES);
  private readonly publishes = new Map<string, PublishInstruments>();
  private readonly lagSources = new Map<LagSource, ConsumerLagSample[]>();
  private lagReadAt = 0;
  private lagReading: Promise<void> | undefined;

  constructor(metrics: ServiceMetrics) {
    const registers = [metrics.registry];
    this.published = new Counter({
      name: 'events_published_total',
      help: 'Events published to JetStream (acknowledged by the server), by type.',
      labelNames: ['type'],
      registers,
    });
    this.publishFailed = new Counter({
      name: 'event_publish_failures_total',
      help: 'Event publications that failed (the outbox retries them), by type.',
      labelNames: ['type'],
      registers,
    });
    this.publishDuration = new Histogram({
      name: 'event_publish_duration_seconds',
      help: 'Time until JetStream acknowledged a published event, by type, in seconds.',
      labelNames: ['type'],
      buckets: PUBLISH_BUCKETS,
      registers,
    });
    this.handled = new Counter({
      name: 'events_handled_total',
      help: 'Event deliveries handled by durable consumers, by outcome (ok, retry, terminated).',
      labelNames: ['consumer', 'type', 'outcome'],
      registers,
    });
    this.handleDuration = new Histogram({
      name: 'event_handle_duration_seconds',
      help: 'Time a durable consumer spent handling one delivery, by type, in seconds.',
      labelNames: ['consumer', 'type'],
      buckets: HANDLE_BUCKETS,
      registers,
    });
    const collect = () => this.refreshLag();
    this.pending = new Gauge({
      name: 'event_consumer_pending',
      help: 'Messages stored but not yet delivered to a durable consumer of this service.',
      labelNames: ['stream', 'consumer'],
      registers,
      collect,
    });
    this.ackPending = new Gauge({
      name: 'event_consumer_ack_pending',
      help: 'Messages delivered to a durable consumer of this service and not acknowledged yet.',
      labelNames: ['stream', 'consumer'],
      registers,
      collect,
    });
  }

  /** An event type as a label: bounded per process. */
  typeLabel(type: string): string {
    return this.types.of(type);
  }

  publishOf(type: string): PublishInstruments {
    let instruments = this.publishes.get(type);
    if (!instruments) {
      const label = this.typeLabel(type);
      instruments = this.publishes.get(label) ?? {
        published: this.published.labels(label),
        failed: this.publishFailed.labels(label),
        duration: this.publishDuration.labels(label),
      };
      this.publishes.set(label, instruments);
    }
    return instruments;
  }

  consumer(consumer: string, types: readonly string[]): ConsumerInstruments {
    return new ConsumerInstruments(this, consumer, types);
  }

  /** A bus whose consumers' lag is reported; the returned function stops reporting it. */
  addLagSource(source: LagSource): () => void {
    this.lagSources.set(source, []);
    this.lagReadAt = 0;
    return () => {
      this.lagSources.delete(source);
      this.setLag();
    };
  }

  private refreshLag(): Promise<void> {
    if (Date.now() - this.lagReadAt < LAG_REFRESH_MS) return Promise.resolve();
    this.lagReading ??= this.readLag().finally(() => {
      this.lagReading = undefined;
    });
    return this.lagReading;
  }

  /** Asks every source; one that fails or is slow keeps its last reading. Never rejects. */
  private async readLag(): Promise<void> {
    const sources = [...this.lagSources.keys()];
    const readings = await Promise.allSettled(
      sources.map((source) => withTimeout(source(), LAG_READ_TIMEOUT_MS)),
    );
    readings.forEach((reading, i) => {
      const source = sources[i] as LagSource;
      if (reading.status === 'fulfilled' && this.lagSources.has(source)) {
        this.lagSources.set(source, reading.value);
      }
    });
    this.lagReadAt = Date.now();
    this.setLag();
  }

  private setLag(): void {
    this.pending.reset();
    this.ackPending.reset();
    for (const samples of this.lagSources.values()) {
      for (const { stream, consumer, pending, ackPending } of samples) {
        this.pending.set({ stream, consumer }, pending);
        this.ackPending.set({ stream, consumer }, ackPending);
      }
    }
  }
}

/** The service's event instruments (one set per registry). */
export function eventMetrics(metrics: ServiceMetrics): EventMetrics {
  return metrics.part('events', () => new EventMetrics(metrics));
}
