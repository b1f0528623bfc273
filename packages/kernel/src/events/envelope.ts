import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { currentTraceCarrier } from '../tracing/trace-spans.js';

/** The one envelope every event on the bus travels in. */
export const envelopeSchema = z.object({
  id: z.string().min(1),
  type: z.string().regex(/^[a-z]+\.[a-zA-Z]+\.[a-zA-Z]+$/, 'context.entity.pastTenseVerb'),
  occurredAt: z.string().datetime(),
  source: z.string().min(1),
  subjectId: z.string().min(1),
  sequence: z.number().int().nonnegative(),
  payload: z.unknown(),
  traceId: z.string(),
  /**
   * W3C trace context of the span that recorded the event (absent with tracing off), so its
   * publishing and handling continue that trace, however late the outbox relays it.
   */
  traceparent: z.string().optional(),
  tracestate: z.string().optional(),
});
export type EventEnvelope<TPayload = unknown> = Omit<z.infer<typeof envelopeSchema>, 'payload'> & {
  payload: TPayload;
};

/** A typed, runtime-validated event contract: the subject and the payload's shape. */
export interface EventContract<TType extends string = string, TPayload = unknown> {
  readonly type: TType;
  readonly payload: z.ZodType<TPayload>;
}

export function defineEvent<TType extends string, TSchema extends z.ZodType>(
  type: TType,
  payload: TSchema,
): EventContract<TType, z.infer<TSchema>> {
  envelopeSchema.shape.type.parse(type);
  return { type, payload: payload as z.ZodType<z.infer<TSchema>> };
}

/**
 * The JetStream stream that carries an event type: one stream per bounded context, named after
 * the context and holding its subjects `<context>.>` (infra/nats/streams.json).
 */
export function streamOf(event: string | EventContract): string {
  const type = typeof event === 'string' ? event : event.type;
  const dot = type.indexOf('.');
  if (dot < 1) throw new RangeError(`not an event type: ${type}`);
  return type.slice(0, dot).toUpperCase();
}

export type PayloadOf<C> = C extends EventContract<string, infer P> ? P : never;

export class EventContractError extends Error {
  constructor(
    readonly type: string,
    readonly issues: string[],
  ) {
    super(`event ${type} does not match its contract: ${issues.join('; ')}`);
    this.name = 'EventContractError';
  }
}

function check<T>(contract: EventContract<string, T>, payload: unknown): T {
  const result = contract.payload.safeParse(payload);
  if (!result.success) {
    throw new EventContractError(
      contract.type,
      result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
    );
  }
  return result.data;
}

/** Builds an envelope; the payload is validated so a producer cannot emit a broken event. */
export function createEvent<T>(
  contract: EventContract<string, T>,
  meta: {
    source: string;
    subjectId: string;
    sequence: number;
    traceId: string;
    id?: string;
    at?: Date;
  },
  payload: T,
): EventEnvelope<T> {
  return {
    id: meta.id ?? randomUUID(),
    type: contract.type,
    occurredAt: (meta.at ?? new Date()).toISOString(),
    source: meta.source,
    subjectId: meta.subjectId,
    sequence: meta.sequence,
    payload: check(contract, payload),
    traceId: meta.traceId,
    ...currentTraceCarrier(),
  };
}

/** Parses raw bytes/JSON from the bus into an envelope (payload not yet typed). */
export function parseEnvelope(raw: unknown): EventEnvelope {
  const result = envelopeSchema.safeParse(raw);
  if (!result.success) {
    throw new EventContractError(
      'envelope',
      result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
    );
  }
  return result.data;
}

/** Consumer side: narrows an envelope to a contract, validating its payload. */
export function decodeEvent<T>(
  contract: EventContract<string, T>,
  envelope: EventEnvelope,
): EventEnvelope<T> {
  if (envelope.type !== contract.type) {
    throw new EventContractError(contract.type, [`got ${envelope.type}`]);
  }
  return { ...envelope, payload: check(contract, envelope.payload) };
}

/** An aggregate that carries its not-yet-published events in the same document (outbox). */
export interface OutboxCarrier {
  outbox: EventEnvelope[];
  eventSequence: number;
}

/**
 * Records an event on the aggregate; it is stored by the same single-document write as the
 * state change, and the outbox relay publishes it afterwards. With a fixed `id` (derived from
 * the aggregate and the change) the event is recorded once: when the outbox already holds that
 * id it is returned as it is, so re-applying a change after a crash cannot emit twice.
 */
export function recordEvent<T>(
  aggregate: OutboxCarrier,
  contract: EventContract<string, T>,
  meta: { source: string; subjectId: string; traceId: string; id?: string; at?: Date },
  payload: T,
): EventEnvelope<T> {
  const recorded =
    meta.id === undefined ? undefined : aggregate.outbox.find((e) => e.id === meta.id);
  if (recorded) return recorded as EventEnvelope<T>;
  aggregate.eventSequence += 1;
  const event = createEvent(contract, { ...meta, sequence: aggregate.eventSequence }, payload);
  // Undefined optional fields would be stored (and published) as null, which contracts refuse.
  const stored = JSON.parse(JSON.stringify(event)) as EventEnvelope<T>;
  aggregate.outbox = [...aggregate.outbox, stored];
  return stored;
}
