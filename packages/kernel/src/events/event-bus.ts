import {
  AckPolicy,
  DeliverPolicy,
  type JetStreamClient,
  type JetStreamManager,
  type JsMsg,
  jetstream,
  jetstreamManager,
} from '@nats-io/jetstream';
import { type MsgHdrs, type NatsConnection, connect, headers } from '@nats-io/transport-node';
import type { Logger } from '../logging/logger.js';
import {
  type ConsumerLagSample,
  type EventMetrics,
  eventMetrics,
} from '../metrics/event-metrics.js';
import type { ServiceMetrics } from '../metrics/metrics.registry.js';
import {
  type Span,
  SpanKind,
  type SpanOptions,
  carrierOf,
  contextFromCarrier,
  failSpan,
  inSpan,
  linksTo,
  startSpan,
} from '../tracing/trace-spans.js';
import { tracingEnabled } from '../tracing/tracing.provider.js';
import { EventContractError, type EventEnvelope, parseEnvelope, streamOf } from './envelope.js';
import { type Delivery, type DeliveryOutcome, SubjectPartitions } from './subject-partitions.js';

export interface ConsumeOptions {
  /** Durable name, `<consumer-context>-<purpose>`. */
  durable: string;
  /** Event types (subjects without namespace) this consumer handles, all of one stream. */
  types: string[];
  handle: (event: EventEnvelope, message: JsMsg) => Promise<void>;
  /**
   * How many events are handled at once (the bus's default, EVENT_CONCURRENCY, otherwise).
   * Events of one subject id are always handled one after another, in delivery order; 1 also
   * means a single writer across subjects.
   */
  concurrency?: number;
  /**
   * Events held at once, handled and waiting behind their subject; the server delivers no more
   * (its max_ack_pending). Default max(64, 4 × concurrency).
   */
  maxPending?: number;
  ackWaitMs?: number;
  maxDeliver?: number;
}

export interface Consumption {
  stop(): Promise<void>;
}

/** A consumer's backlog as the server sees it, for operators. */
export interface ConsumerLag {
  name: string;
  /** A durable consumer (a service's); otherwise an ephemeral one, such as a follower. */
  durable: boolean;
  /** Stored messages not delivered to it yet. */
  pending: number;
  /** Delivered but not acknowledged yet. */
  ackPending: number;
  redelivered: number;
  /** When a message was last delivered to it or acknowledged; undefined if never. */
  lastActiveAt?: string;
}

export interface StreamLag {
  /** The stream's name without the namespace prefix (e.g. ORDERS). */
  name: string;
  messages: number;
  bytes: number;
  consumers: ConsumerLag[];
}

export interface FollowOptions {
  /** Event types (subjects without namespace), all of one stream. */
  types: string[];
  /** Replays events from this instant on, then follows new ones. */
  since: Date;
  /** Runs once per event, in stream order; a failure is logged and the next event follows. */
  handle: (event: EventEnvelope) => void | Promise<void>;
}

export interface Following extends Consumption {
  /** Resolves once the events stored when following began have all been handled. */
  caughtUp: Promise<void>;
}

const NANOS_PER_MS = 1_000_000;

/** What EVENT_CONCURRENCY defaults to (kernel config). */
export const DEFAULT_EVENT_CONCURRENCY = 32;

/** The one stream a consumer reads: a durable consumer belongs to a single stream. */
function streamOfTypes(types: readonly string[]): string {
  const streams = [...new Set(types.map((type) => streamOf(type)))];
  if (streams.length !== 1) {
    throw new RangeError(`a consumer reads one stream, not [${streams.join(', ')}]`);
  }
  return streams[0] as string;
}

/**
 * The later of two activity instants. The server sends RFC 3339 strings (the client's types say
 * nanoseconds) and leaves them out for a consumer that was never active.
 */
function latestInstant(...values: unknown[]): string | undefined {
  const times = values
    .map((value) => (typeof value === 'string' ? Date.parse(value) : NaN))
    .filter((time) => Number.isFinite(time) && time > 0);
  return times.length > 0 ? new Date(Math.max(...times)).toISOString() : undefined;
}

/** Seconds since a `performance.now()` reading. */
const secondsSince = (started: number) => (performance.now() - started) / 1000;

/** NATS headers carrying a publish span's trace context to the consumers. */
function traceHeaders(span: Span): MsgHdrs {
  const hdrs = headers();
  for (const [key, value] of Object.entries(carrierOf(span))) hdrs.set(key, value);
  return hdrs;
}

/**
 * A handling span is a child of the publish span (from the message's headers), so one
 * checkout is one trace across services, and links the span that recorded the event.
 */
function handlingSpanOptions(event: EventEnvelope, message: JsMsg, durable: string): SpanOptions {
  const published = contextFromCarrier({
    traceparent: message.headers?.get('traceparent') || undefined,
    tracestate: message.headers?.get('tracestate') || undefined,
  });
  const recorded = contextFromCarrier(event);
  const parent = published ?? recorded;
  return {
    kind: SpanKind.CONSUMER,
    ...(parent ? { parent } : {}),
    ...(published ? { links: linksTo(recorded) } : {}),
    attributes: {
      'messaging.system': 'nats',
      'messaging.operation.type': 'process',
      'messaging.destination.name': message.subject,
      'messaging.consumer.group.name': durable,
      'messaging.message.id': event.id,
      'messaging.message.delivery_count': message.info.deliveryCount,
    },
  };
}

/** Redelivery backoff: quick first retries, then slower, so a broken dependency is not hammered. */
function retryDelayMs(deliveryCount: number): number {
  return Math.min(30_000, 250 * 2 ** Math.max(0, deliveryCount - 1));
}

/**
 * JetStream publishing and durable, explicitly acknowledged consumption. A namespace
 * prefixes every subject and stream so test runs never see each other's events.
 */
export class EventBus {
  private readonly consumptions = new Set<Consumption>();
  /** This process's durable consumers (name → stream without namespace), for their lag. */
  private readonly durables = new Map<string, string>();
  private readonly stopReportingLag: (() => void) | undefined;

  private constructor(
    readonly connection: NatsConnection,
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
    readonly namespace: string,
    private readonly logger: Logger,
    private readonly defaultConcurrency: number,
    private readonly metrics: EventMetrics | undefined,
    /** The service's name: the tracer scope of its publish and handling spans. */
    private readonly scope: string,
  ) {
    this.stopReportingLag = metrics?.addLagSource(() => this.consumerLag());
  }

  static async connect(options: {
    servers: string;
    namespace: string;
    name: string;
    logger: Logger;
    /** Concurrency of consumers that set none (EVENT_CONCURRENCY). */
    defaultConcurrency?: number;
    /** Where publishing, handling and the consumers' lag are recorded; none: not recorded. */
    metrics?: ServiceMetrics;
  }): Promise<EventBus> {
    const connection = await connect({
      servers: options.servers.split(','),
      name: options.name,
      maxReconnectAttempts: -1,
    });
    const jsm = await jetstreamManager(connection);
    return new EventBus(
      connection,
      jetstream(connection),
      jsm,
      options.namespace,
      options.logger,
      options.defaultConcurrency ?? DEFAULT_EVENT_CONCURRENCY,
      options.metrics && eventMetrics(options.metrics),
      options.name,
    );
  }

  subject(type: string): string {
    return this.namespace ? `${this.namespace}.${type}` : type;
  }

  streamName(stream: string): string {
    return this.namespace ? `${this.namespace}_${stream}` : stream;
  }

  /** Publishes with msgID = event id, so a republished event is dropped by the server. */
  async publish(event: EventEnvelope): Promise<void> {
    const instruments = this.metrics?.publishOf(event.type);
    const started = instruments ? performance.now() : 0;
    const subject = this.subject(event.type);
    // The publish continues the trace of the span that recorded the event, however late.
    const recorded = tracingEnabled() ? contextFromCarrier(event) : undefined;
    const span = tracingEnabled()
      ? startSpan(this.scope, `publish ${event.type}`, {
          kind: SpanKind.PRODUCER,
          ...(recorded ? { parent: recorded } : {}),
          attributes: {
            'messaging.system': 'nats',
            'messaging.operation.type': 'send',
            'messaging.destination.name': subject,
            'messaging.message.id': event.id,
          },
        })
      : undefined;
    try {
      await this.js.publish(subject, JSON.stringify(event), {
        msgID: event.id,
        ...(span ? { headers: traceHeaders(span) } : {}),
      });
    } catch (error) {
      instruments?.failed.inc();
      if (span) failSpan(span, error);
      throw error;
    } finally {
      span?.end();
    }
    if (instruments) {
      instruments.published.inc();
      instruments.duration.observe(secondsSince(started));
    }
  }

  /** Core NATS (not JetStream): live fan-out that need not survive a restart. */
  publishLive(subject: string, data: unknown): void {
    this.connection.publish(this.subject(subject), JSON.stringify(data));
  }

  /**
   * A durable, explicitly acknowledged consumer. Events are partitioned by their subject id:
   * one subject's events run one after another in delivery order, different subjects side by
   * side up to `concurrency`. At most `maxPending` are held (the server's max_ack_pending, so
   * it stops delivering); waiting ones are kept alive with `working()`. A failed event is
   * nak'ed with a backoff and holds its subject until its redelivery, which runs first. The
   * order holds within one process: replicas sharing a durable split the events between them.
   */
  async consume(options: ConsumeOptions): Promise<Consumption> {
    const bareStream = streamOfTypes(options.types);
    const stream = this.streamName(bareStream);
    const limit = Math.max(1, options.concurrency ?? this.defaultConcurrency);
    const capacity = Math.max(limit, options.maxPending ?? Math.max(64, limit * 4));
    const ackWaitMs = options.ackWaitMs ?? 30_000;
    const maxDeliver = options.maxDeliver ?? 20;
    const config = {
      durable_name: options.durable,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      filter_subjects: options.types.map((type) => this.subject(type)),
      ack_wait: ackWaitMs * NANOS_PER_MS,
      max_deliver: maxDeliver,
      max_ack_pending: capacity,
    };
    try {
      await this.jsm.consumers.info(stream, options.durable);
      await this.jsm.consumers.update(stream, options.durable, {
        filter_subjects: config.filter_subjects,
        ack_wait: config.ack_wait,
        max_deliver: config.max_deliver,
        max_ack_pending: config.max_ack_pending,
      });
    } catch {
      await this.jsm.consumers.add(stream, config);
    }
    const consumer = await this.js.consumers.get(stream, options.durable);
    const messages = await consumer.consume({ max_messages: capacity });
    const log = this.logger.child({ consumer: options.durable });
    const instruments = this.metrics?.consumer(options.durable, options.types);
    const partitions = new SubjectPartitions({
      concurrency: limit,
      capacity,
      holdGraceMs: ackWaitMs,
      extendEveryMs: Math.max(100, Math.floor(ackWaitMs / 3)),
      onHoldExpired: (subjectId, seq) =>
        log.warn('failed event not redelivered here in time; later events of its subject go on', {
          subjectId,
          streamSequence: seq,
        }),
    });

    const handle = (event: EventEnvelope, message: JsMsg): Promise<void> =>
      tracingEnabled()
        ? inSpan(
            this.scope,
            `process ${event.type}`,
            handlingSpanOptions(event, message, options.durable),
            () => options.handle(event, message),
          )
        : options.handle(event, message);

    const handleOne = async (event: EventEnvelope, message: JsMsg): Promise<DeliveryOutcome> => {
      const started = instruments ? performance.now() : 0;
      try {
        await handle(event, message);
        message.ack();
        instruments?.record(event.type, 'ok', secondsSince(started));
        return {};
      } catch (error) {
        if (error instanceof EventContractError) {
          log.error('event violates its contract; terminated', { eventId: event.id, error });
          message.term('contract violation');
          instruments?.record(event.type, 'terminated', secondsSince(started));
          return {};
        }
        const delivery = message.info.deliveryCount;
        if (delivery >= maxDeliver) {
          // The server would not redeliver it: say so, and let its subject go on.
          log.error('event handling failed for the last time; terminated', {
            eventId: event.id,
            type: event.type,
            delivery,
            error,
          });
          message.term('max deliveries');
          instruments?.record(event.type, 'terminated', secondsSince(started));
          return {};
        }
        const delay = retryDelayMs(delivery);
        log.warn('event handling failed; will be redelivered', {
          eventId: event.id,
          type: event.type,
          delivery,
          retryInMs: delay,
          error,
        });
        message.nak(delay);
        instruments?.record(event.type, 'retry', secondsSince(started));
        return { retryInMs: delay };
      }
    };

    const deliveryOf = (message: JsMsg): Delivery | undefined => {
      let event: EventEnvelope;
      try {
        event = parseEnvelope(message.json());
      } catch (error) {
        // A message that is not an envelope will never become one: drop it loudly.
        log.error('poison message terminated', { subject: message.subject, error });
        message.term('invalid envelope');
        instruments?.record('invalid', 'terminated', 0);
        return undefined;
      }
      return {
        key: event.subjectId,
        seq: message.seq,
        run: () => handleOne(event, message),
        extend: () => message.working(),
        defer: (delayMs) => message.nak(delayMs),
      };
    };

    const loop = (async () => {
      for await (const message of messages) {
        const delivery = deliveryOf(message);
        if (delivery) await partitions.offer(delivery);
      }
      await partitions.drain();
    })();

    this.durables.set(options.durable, bareStream);
    const consumption: Consumption = {
      stop: async () => {
        this.consumptions.delete(consumption);
        this.durables.delete(options.durable);
        partitions.stopTaking();
        await messages.close();
        await loop;
      },
    };
    this.consumptions.add(consumption);
    return consumption;
  }

  /**
   * Every event of these types to this process alone, through an ordered (ephemeral, unacked)
   * consumer: for state each replica keeps for itself, such as the gateway's revocations,
   * where a durable consumer shared by replicas would give each event to only one of them.
   */
  async follow(options: FollowOptions): Promise<Following> {
    const stream = this.streamName(streamOfTypes(options.types));
    const consumer = await this.js.consumers.get(stream, {
      filter_subjects: options.types.map((type) => this.subject(type)),
      deliver_policy: DeliverPolicy.StartTime,
      opt_start_time: options.since.toISOString(),
    });
    const pending = (await consumer.info()).num_pending;
    const messages = await consumer.consume();
    const log = this.logger.child({ follower: options.types.join(',') });
    let handled = 0;
    let markCaughtUp: () => void = () => undefined;
    const caughtUp = new Promise<void>((resolve) => {
      markCaughtUp = resolve;
    });
    if (pending === 0) markCaughtUp();
    const loop = (async () => {
      for await (const message of messages) {
        try {
          await options.handle(parseEnvelope(message.json()));
        } catch (error) {
          log.error('followed event not handled', { subject: message.subject, error });
        }
        handled += 1;
        if (handled >= pending) markCaughtUp();
      }
    })();
    const following: Following = {
      caughtUp,
      stop: async () => {
        this.consumptions.delete(following);
        await messages.close();
        await loop;
      },
    };
    this.consumptions.add(following);
    return following;
  }

  /**
   * The streams of this namespace and their consumers' lag. Other namespaces' streams
   * (`<namespace>_<STREAM>`, left by tests on a shared server) are not listed.
   */
  async streamLag(): Promise<StreamLag[]> {
    const prefix = this.namespace ? `${this.namespace}_` : '';
    const streams: StreamLag[] = [];
    for await (const stream of this.jsm.streams.list()) {
      const full = stream.config.name;
      const name = full.slice(prefix.length);
      if (!full.startsWith(prefix) || name.includes('_')) continue;
      const consumers: ConsumerLag[] = [];
      for await (const consumer of this.jsm.consumers.list(full)) {
        consumers.push({
          name: consumer.name,
          durable: Boolean(consumer.config.durable_name),
          pending: consumer.num_pending,
          ackPending: consumer.num_ack_pending,
          redelivered: consumer.num_redelivered,
          lastActiveAt: latestInstant(
            consumer.delivered.last_active,
            consumer.ack_floor.last_active,
          ),
        });
      }
      consumers.sort((a, b) => a.name.localeCompare(b.name));
      streams.push({ name, messages: stream.state.messages, bytes: stream.state.bytes, consumers });
    }
    return streams.sort((a, b) => a.name.localeCompare(b.name));
  }

  /**
   * The lag of this process's durable consumers only (each service reports its own; replicas
   * report the same server-side figures), one consumer-info request each.
   */
  async consumerLag(): Promise<ConsumerLagSample[]> {
    if (this.connection.isClosed()) return [];
    const durables = [...this.durables];
    return Promise.all(
      durables.map(async ([consumer, stream]) => {
        const info = await this.jsm.consumers.info(this.streamName(stream), consumer);
        return { stream, consumer, pending: info.num_pending, ackPending: info.num_ack_pending };
      }),
    );
  }

  /**
   * Events one of this process's durable consumers has not finished: waiting on the server
   * plus delivered and not yet acked (by any replica). Null for a durable it does not consume.
   */
  async consumerBacklog(durable: string): Promise<number | null> {
    const stream = this.durables.get(durable);
    if (stream === undefined || this.connection.isClosed()) return null;
    const info = await this.jsm.consumers.info(this.streamName(stream), durable);
    return info.num_pending + info.num_ack_pending;
  }

  async close(): Promise<void> {
    this.stopReportingLag?.();
    await Promise.all([...this.consumptions].map((c) => c.stop()));
    if (!this.connection.isClosed()) await this.connection.drain();
  }
}
