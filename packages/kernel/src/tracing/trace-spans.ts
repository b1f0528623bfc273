import {
  type Attributes,
  type Context,
  type Link,
  ROOT_CONTEXT,
  type Span,
  SpanKind,
  SpanStatusCode,
  context,
  propagation,
  trace,
} from '@opentelemetry/api';
import { tracingEnabled } from './tracing.provider.js';

export { SpanKind, SpanStatusCode } from '@opentelemetry/api';
export type { Span } from '@opentelemetry/api';

/** The W3C trace-context fields carried by an event envelope or a message's headers. */
export interface TraceCarrier {
  traceparent?: string;
  tracestate?: string;
}

type HeaderBag = Record<string, string | string[] | undefined>;

const headerGetter = {
  keys: (carrier: HeaderBag) => Object.keys(carrier),
  get: (carrier: HeaderBag, key: string) => carrier[key],
};

/** The context a request's `traceparent` header continues (the active one when it has none). */
export function contextFromHeaders(headers: HeaderBag): Context {
  return propagation.extract(ROOT_CONTEXT, headers, headerGetter);
}

/** The context an envelope's or message's trace fields continue, or undefined without one. */
export function contextFromCarrier(carrier: TraceCarrier | undefined): Context | undefined {
  if (!carrier?.traceparent) return undefined;
  const extracted = propagation.extract(ROOT_CONTEXT, carrier);
  return trace.getSpanContext(extracted) ? extracted : undefined;
}

/** Writes the active span's `traceparent` (and `tracestate`) into outgoing headers. */
export function injectTraceHeaders(headers: Record<string, string>, from?: Context): void {
  if (!tracingEnabled()) return;
  propagation.inject(from ?? context.active(), headers);
}

/** The trace-context headers that continue a given span (e.g. on a published message). */
export function carrierOf(span: Span): Record<string, string> {
  const carrier: Record<string, string> = {};
  propagation.inject(trace.setSpan(ROOT_CONTEXT, span), carrier);
  return carrier;
}

/** A link to the span a context carries (none without one). */
export function linksTo(from: Context | undefined): Link[] {
  const span = from && trace.getSpanContext(from);
  return span ? [{ context: span }] : [];
}

/** The active span's trace context to store with an event, so its consumers continue the trace. */
export function currentTraceCarrier(): TraceCarrier {
  if (!tracingEnabled()) return {};
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  const traceparent = carrier.traceparent;
  if (!traceparent) return {};
  return carrier.tracestate ? { traceparent, tracestate: carrier.tracestate } : { traceparent };
}

/** `trace_id`/`span_id` of the active span, for log lines; undefined when none is active. */
export function activeSpanIds(): { trace_id: string; span_id: string } | undefined {
  if (!tracingEnabled()) return undefined;
  const span = trace.getActiveSpan()?.spanContext();
  if (!span || !trace.isSpanContextValid(span)) return undefined;
  return { trace_id: span.traceId, span_id: span.spanId };
}

/** Whether a span is active and recording (child-only spans such as database calls need one). */
export function hasRecordingSpan(): boolean {
  return tracingEnabled() && (trace.getActiveSpan()?.isRecording() ?? false);
}

/** Adds attributes to the active span (e.g. the operation a request turned out to be). */
export function annotateActiveSpan(attributes: Attributes): void {
  if (!tracingEnabled()) return;
  trace.getActiveSpan()?.setAttributes(attributes);
}

export interface SpanOptions {
  kind?: SpanKind;
  attributes?: Attributes;
  links?: Link[];
  /** The parent; the active context when absent. */
  parent?: Context;
}

/** Starts a span (not made active); the caller ends it. Only call when tracing is enabled. */
export function startSpan(scope: string, name: string, options: SpanOptions = {}): Span {
  return trace.getTracer(scope).startSpan(
    name,
    {
      kind: options.kind ?? SpanKind.INTERNAL,
      ...(options.attributes ? { attributes: options.attributes } : {}),
      ...(options.links ? { links: options.links } : {}),
    },
    options.parent ?? context.active(),
  );
}

/** Marks a span failed with the error that ended its work. */
export function failSpan(span: Span, error: unknown): void {
  span.recordException(error instanceof Error ? error : String(error));
  span.setStatus({
    code: SpanStatusCode.ERROR,
    message: error instanceof Error ? error.message : String(error),
  });
}

/**
 * Runs `work` inside a new active span that ends when it settles (failed when it throws);
 * with tracing off it only runs `work`.
 */
export function inSpan<T>(
  scope: string,
  name: string,
  options: SpanOptions,
  work: (span: Span | undefined) => Promise<T>,
): Promise<T> {
  if (!tracingEnabled()) return work(undefined);
  const span = startSpan(scope, name, options);
  const parent = options.parent ?? context.active();
  return context.with(trace.setSpan(parent, span), async () => {
    try {
      return await work(span);
    } catch (error) {
      failSpan(span, error);
      throw error;
    } finally {
      span.end();
    }
  });
}

/** Runs `work` with the given span active (a span the caller ends itself). */
export function withActiveSpan<T>(span: Span, parent: Context, work: () => T): T {
  return context.with(trace.setSpan(parent, span), work);
}

/**
 * Runs `work` outside any trace: for background rounds started by whichever request happened
 * to trigger them (the outbox relay), whose own work should not be counted in that request.
 */
export function outsideTrace<T>(work: () => T): T {
  if (!tracingEnabled()) return work();
  return context.with(ROOT_CONTEXT, work);
}
