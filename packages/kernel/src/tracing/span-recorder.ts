import {
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace';
import { type Tracing, installTracing } from './tracing.provider.js';

export type RecordedSpan = ReadableSpan;

export interface SpanRecorder extends Tracing {
  /** Every span ended so far, in the order they ended. */
  spans(): RecordedSpan[];
  /** The ended spans of one trace. */
  trace(traceId: string): RecordedSpan[];
  reset(): void;
}

/**
 * Tracing for this process into memory, each span kept as it ends: what a test reads to see
 * one request's trace across the services it started in-process.
 */
export function installSpanRecorder(): SpanRecorder {
  const exporter = new InMemorySpanExporter();
  const tracing = installTracing({
    resource: { 'service.name': 'in-process' },
    spanProcessors: [new SimpleSpanProcessor({ exporter })],
  });
  return {
    ...tracing,
    spans: () => exporter.getFinishedSpans(),
    trace: (traceId) =>
      exporter.getFinishedSpans().filter((span) => span.spanContext().traceId === traceId),
    reset: () => exporter.reset(),
  };
}
