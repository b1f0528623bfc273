import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  AlwaysOffSampler,
  AlwaysOnSampler,
  BatchSpanProcessor,
  ConsoleSpanExporter,
  ParentBasedSampler,
  type Sampler,
  type SpanExporter,
  type SpanProcessor,
  TraceIdRatioBasedSampler,
  TracerProvider,
} from '@opentelemetry/sdk-trace';
import { type TracingConfig, parseKeyValueList } from './tracing.config.js';

/** A registered tracer provider: flush before a test reads its spans, shut down on close. */
export interface Tracing {
  forceFlush(): Promise<void>;
  /** Flushes, then unregisters everything, so tracing is off again for this process. */
  shutdown(): Promise<void>;
}

let installed = false;

/**
 * Whether a tracer provider is registered in this process. Every span the kernel starts checks
 * this first, so with tracing off a request pays one boolean test, not the API's no-op spans.
 */
export function tracingEnabled(): boolean {
  return installed;
}

/**
 * Registers a tracer provider for the process: AsyncLocalStorage context, W3C trace-context
 * propagation, the given processors. One per process (a second install is refused): services
 * started in one process (the e2e harness) share it, each naming its own tracer.
 */
export function installTracing(options: {
  spanProcessors: SpanProcessor[];
  resource?: Record<string, string>;
  sampler?: Sampler;
}): Tracing {
  if (installed) throw new Error('tracing is already installed in this process');
  const provider = new TracerProvider({
    resource: resourceFromAttributes(options.resource ?? {}),
    spanProcessors: options.spanProcessors,
    ...(options.sampler ? { sampler: options.sampler } : {}),
  });
  const contextManager = new AsyncLocalStorageContextManager().enable();
  context.setGlobalContextManager(contextManager);
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
  installed = true;
  let shutting: Promise<void> | undefined;
  return {
    forceFlush: () => provider.forceFlush(),
    shutdown() {
      shutting ??= (async () => {
        installed = false;
        try {
          await provider.shutdown();
        } finally {
          trace.disable();
          propagation.disable();
          context.disable();
        }
      })();
      return shutting;
    },
  };
}

/** Whether the OTEL_* variables turn tracing on: off unless an exporter or endpoint is set. */
export function tracingConfigured(config: TracingConfig): boolean {
  if (config.OTEL_SDK_DISABLED || config.OTEL_TRACES_EXPORTER === 'none') return false;
  return (
    config.OTEL_TRACES_EXPORTER !== undefined ||
    config.OTEL_EXPORTER_OTLP_ENDPOINT !== undefined ||
    config.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT !== undefined
  );
}

/** Where OTLP traces go: the traces endpoint as given, or `<endpoint>/v1/traces`. */
export function otlpTracesUrl(config: TracingConfig): string {
  if (config.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) return config.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
  const base = config.OTEL_EXPORTER_OTLP_ENDPOINT ?? 'http://localhost:4318';
  return `${base.replace(/\/+$/, '')}/v1/traces`;
}

export function samplerOf(config: TracingConfig): Sampler {
  const ratio = () => new TraceIdRatioBasedSampler(config.OTEL_TRACES_SAMPLER_ARG ?? 1);
  switch (config.OTEL_TRACES_SAMPLER) {
    case 'always_on':
      return new AlwaysOnSampler();
    case 'always_off':
      return new AlwaysOffSampler();
    case 'traceidratio':
      return ratio();
    case 'parentbased_always_off':
      return new ParentBasedSampler({ root: new AlwaysOffSampler() });
    case 'parentbased_traceidratio':
      return new ParentBasedSampler({ root: ratio() });
    case 'parentbased_always_on':
      return new ParentBasedSampler({ root: new AlwaysOnSampler() });
  }
}

function exporterOf(config: TracingConfig): SpanExporter {
  if (config.OTEL_TRACES_EXPORTER === 'console') return new ConsoleSpanExporter();
  return new OTLPTraceExporter({
    url: otlpTracesUrl(config),
    headers: {
      ...parseKeyValueList(config.OTEL_EXPORTER_OTLP_HEADERS),
      ...parseKeyValueList(config.OTEL_EXPORTER_OTLP_TRACES_HEADERS),
    },
    timeoutMillis: config.OTEL_EXPORTER_OTLP_TIMEOUT,
  });
}

/**
 * A service's tracing from its validated config (runService calls it before building the
 * service), or undefined when the config leaves tracing off.
 */
export function startTracing(
  config: TracingConfig,
  service: { name: string; version?: string },
): Tracing | undefined {
  if (!tracingConfigured(config)) return undefined;
  return installTracing({
    resource: {
      ...parseKeyValueList(config.OTEL_RESOURCE_ATTRIBUTES),
      'service.name': config.OTEL_SERVICE_NAME ?? service.name,
      ...(service.version ? { 'service.version': service.version } : {}),
    },
    sampler: samplerOf(config),
    spanProcessors: [
      new BatchSpanProcessor({
        exporter: exporterOf(config),
        scheduledDelayMillis: config.OTEL_BSP_SCHEDULE_DELAY,
        maxQueueSize: config.OTEL_BSP_MAX_QUEUE_SIZE,
        maxExportBatchSize: config.OTEL_BSP_MAX_EXPORT_BATCH_SIZE,
      }),
    ],
  });
}
