import {
  AckPolicy,
  DeliverPolicy,
  type JetStreamClient,
  type JetStreamManager,
  type JsMsg,
  jetstream,
  jetstreamManager,
} from '@nats-io/jetstream';
import { type NatsConnection, connect } from '@nats-io/transport-node';
import type { Logger } from '../logging/logger.js';
import { EventContractError, type EventEnvelope, parseEnvelope, streamOf } from './envelope.js';

export interface ConsumeOptions {
  /** Durable name, `<consumer-context>-<purpose>`. */
  durable: string;
  /** Event types (subjects without namespace) this consumer handles, all of one stream. */
  types: string[];
  handle: (event: EventEnvelope, message: JsMsg) => Promise<void>;
  /** How many messages are handled at once; order is only kept with 1. */
  concurrency?: number;
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

  private constructor(
    readonly connection: NatsConnection,
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
    readonly namespace: string,
    private readonly logger: Logger,
  ) {}

  static async connect(options: {
    servers: string;
    namespace: string;
    name: string;
    logger: Logger;
  }): Promise<EventBus> {
    const connection = await connect({
      servers: options.servers.split(','),
      name: options.name,
      maxReconnectAttempts: -1,
    });
    const jsm = await jetstreamManager(connection);
    return new EventBus(connection, jetstream(connection), jsm, options.namespace, options.logger);
  }

  subject(type: string): string {
    return this.namespace ? `${this.namespace}.${type}` : type;
  }

  streamName(stream: string): string {
    return this.namespace ? `${this.namespace}_${stream}` : stream;
  }

  /** Publishes with msgID = event id, so a republished event is dropped by the server. */
  async publish(event: EventEnvelope): Promise<void> {
    await this.js.publish(this.subject(event.type), JSON.stringify(event), { msgID: event.id });
  }

  /** Core NATS (not JetStream): live fan-out that need not survive a restart. */
  publishLive(subject: string, data: unknown): void {
    this.connection.publish(this.subject(subject), JSON.stringify(data));
  }

  async consume(options: ConsumeOptions): Promise<Consumption> {
    const stream = this.streamName(streamOfTypes(options.types));
    const config = {
      durable_name: options.durable,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      filter_subjects: options.types.map((type) => this.subject(type)),
      ack_wait: (options.ackWaitMs ?? 30_000) * NANOS_PER_MS,
      max_deliver: options.maxDeliver ?? 20,
      max_ack_pending: Math.max(64, (options.concurrency ?? 1) * 4),
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
    const messages = await consumer.consume({ max_messages: config.max_ack_pending });
    const log = this.logger.child({ consumer: options.durable });
    const limit = Math.max(1, options.concurrency ?? 1);
    const inFlight = new Set<Promise<void>>();

    const handleOne = async (message: JsMsg) => {
      let event: EventEnvelope;
      try {
        event = parseEnvelope(message.json());
      } catch (error) {
        // A message that is not an envelope will never become one: drop it loudly.
        log.error('poison message terminated', { subject: message.subject, error });
        message.term('invalid envelope');
        return;
      }
      try {
        await options.handle(event, message);
        message.ack();
      } catch (error) {
        if (error instanceof EventContractError) {
          log.error('event violates its contract; terminated', { eventId: event.id, error });
          message.term('contract violation');
          return;
        }
        const delay = retryDelayMs(message.info.deliveryCount);
        log.warn('event handling failed; will be redelivered', {
          eventId: event.id,
          type: event.type,
          delivery: message.info.deliveryCount,
          retryInMs: delay,
          error,
        });
        message.nak(delay);
      }
    };

    const loop = (async () => {
      for await (const message of messages) {
        const task = handleOne(message).finally(() => inFlight.delete(task));
        inFlight.add(task);
        if (inFlight.size >= limit) await Promise.race(inFlight);
      }
      await Promise.all(inFlight);
    })();

    const consumption: Consumption = {
      stop: async () => {
        this.consumptions.delete(consumption);
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

  async close(): Promise<void> {
    await Promise.all([...this.consumptions].map((c) => c.stop()));
    if (!this.connection.isClosed()) await this.connection.drain();
  }
}
