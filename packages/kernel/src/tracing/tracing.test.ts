import { type IncomingHttpHeaders, type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { httpExchange } from '../http/http-exchange.js';
import { createLogger } from '../logging/logger.js';
import { createHttpShell } from '../server/http-shell.js';
import { installSpanRecorder } from './span-recorder.js';
import { tracingConfigShape } from './tracing.config.js';
import {
  SpanKind,
  activeSpanIds,
  contextFromCarrier,
  currentTraceCarrier,
  inSpan,
} from './trace-spans.js';
import {
  type Tracing,
  otlpTracesUrl,
  startTracing,
  tracingConfigured,
  tracingEnabled,
} from './tracing.provider.js';

const config = (env: Record<string, string> = {}) => z.object(tracingConfigShape).parse(env);

/** A local server that records every request it gets, answering 200 with `answer`. */
async function recordingServer(answer = '{}') {
  const seen: { method?: string; url?: string; headers: IncomingHttpHeaders; body: string }[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      seen.push({
        method: req.method,
        url: req.url,
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
      });
      res.writeHead(200, { 'content-type': 'application/json' }).end(answer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    seen,
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let installed: Tracing | undefined;
afterEach(async () => {
  await installed?.shutdown();
  installed = undefined;
});

describe('tracing config', () => {
  it('is off unless an endpoint or an exporter is set, and off when disabled', () => {
    expect(tracingConfigured(config())).toBe(false);
    expect(tracingConfigured(config({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318' }))).toBe(true);
    expect(tracingConfigured(config({ OTEL_TRACES_EXPORTER: 'console' }))).toBe(true);
    expect(
      tracingConfigured(
        config({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_SDK_DISABLED: 'true' }),
      ),
    ).toBe(false);
    expect(
      tracingConfigured(
        config({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_TRACES_EXPORTER: 'none' }),
      ),
    ).toBe(false);
    expect(startTracing(config(), { name: 'off' })).toBeUndefined();
    expect(tracingEnabled()).toBe(false);
  });

  it('sends traces to <endpoint>/v1/traces unless a traces endpoint is given', () => {
    expect(otlpTracesUrl(config({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318/' }))).toBe(
      'http://c:4318/v1/traces',
    );
    expect(
      otlpTracesUrl(
        config({
          OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318',
          OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://t:9999/traces',
        }),
      ),
    ).toBe('http://t:9999/traces');
  });

  it('refuses what it cannot honour with a readable message', () => {
    const protocol = z.object(tracingConfigShape).safeParse({
      OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc',
    });
    expect(protocol.error?.issues[0]?.message).toBe('only http/json is supported');
    const headers = z.object(tracingConfigShape).safeParse({ OTEL_EXPORTER_OTLP_HEADERS: 'nokey' });
    expect(headers.error?.issues[0]?.message).toBe('must be a comma-separated list of key=value');
    expect(z.object(tracingConfigShape).safeParse({ OTEL_TRACES_SAMPLER_ARG: '2' }).success).toBe(
      false,
    );
  });
});

describe('tracing off', () => {
  it('runs work without spans, ids or carriers', async () => {
    expect(await inSpan('t', 'work', {}, (span) => Promise.resolve(span))).toBeUndefined();
    expect(activeSpanIds()).toBeUndefined();
    expect(currentTraceCarrier()).toEqual({});
  });
});

describe('OTLP export', () => {
  it('posts the spans as OTLP/JSON with the configured headers and resource', async () => {
    const collector = await recordingServer();
    try {
      installed = startTracing(
        config({
          OTEL_EXPORTER_OTLP_ENDPOINT: collector.origin,
          OTEL_EXPORTER_OTLP_HEADERS: 'x-api-key=s3cr%20t',
          OTEL_RESOURCE_ATTRIBUTES: 'deployment.environment=test',
        }),
        { name: 'kernel-test' },
      );
      expect(installed).toBeDefined();
      await inSpan('kernel', 'exported work', {}, () => Promise.resolve());
      await installed?.shutdown();
      const post = collector.seen.find((r) => r.url === '/v1/traces');
      expect(post?.method).toBe('POST');
      expect(post?.headers['x-api-key']).toBe('s3cr t');
      expect(post?.headers['content-type']).toMatch(/json/);
      expect(post?.body).toContain('exported work');
      expect(post?.body).toContain('kernel-test');
      expect(post?.body).toContain('deployment.environment');
    } finally {
      await collector.close();
    }
  });
});

describe('with a recorder', () => {
  it('continues a caller’s traceparent in a server span, leaves probes out, and propagates on httpExchange', async () => {
    const recorder = installSpanRecorder();
    installed = recorder;
    const downstream = await recordingServer();
    const lines: string[] = [];
    const logger = createLogger({ service: 'shell', sink: (line) => lines.push(line) });
    const shell = createHttpShell({
      name: 'shell',
      logger,
      handle: async (req, res) => {
        if (req.url !== '/graphql') return false;
        logger.info('inside');
        await httpExchange({
          method: 'POST',
          url: `${downstream.origin}/pay`,
          body: '{}',
          timeoutMs: 2_000,
          spanName: 'pg test',
        });
        res.writeHead(200).end('{}');
        return true;
      },
    });
    const { origin } = await shell.listen(0, '127.0.0.1');
    try {
      const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
      const callerSpan = '00f067aa0ba902b7';
      await fetch(`${origin}/graphql`, {
        method: 'POST',
        headers: { traceparent: `00-${traceId}-${callerSpan}-01` },
      });
      await fetch(`${origin}/health`);
      logger.info('outside');

      const spans = recorder.trace(traceId);
      const server = spans.find((s) => s.kind === SpanKind.SERVER);
      const client = spans.find((s) => s.kind === SpanKind.CLIENT);
      expect(server?.name).toBe('POST /graphql');
      expect(server?.parentSpanContext?.spanId).toBe(callerSpan);
      expect(server?.attributes['http.response.status_code']).toBe(200);
      expect(client?.name).toBe('pg test');
      expect(client?.parentSpanContext?.spanId).toBe(server?.spanContext().spanId);
      // The downstream call carried the client span's context.
      expect(downstream.seen[0]?.headers.traceparent).toBe(
        `00-${traceId}-${client?.spanContext().spanId}-01`,
      );
      expect(recorder.spans().filter((s) => s.name.includes('/health'))).toEqual([]);

      // A log line inside the span names it; one outside does not.
      const inside = JSON.parse(lines.find((l) => l.includes('"inside"')) ?? '{}') as Record<
        string,
        unknown
      >;
      expect(inside).toMatchObject({
        trace_id: traceId,
        span_id: server?.spanContext().spanId,
      });
      const outside = JSON.parse(lines.find((l) => l.includes('"outside"')) ?? '{}') as Record<
        string,
        unknown
      >;
      expect(outside.trace_id).toBeUndefined();
    } finally {
      await shell.close();
      await downstream.close();
    }
  });

  it('carries the active span in an envelope’s fields, which a consumer can continue', async () => {
    const recorder = installSpanRecorder();
    installed = recorder;
    const carrier = await inSpan('kernel', 'recording', {}, () =>
      Promise.resolve(currentTraceCarrier()),
    );
    const recording = recorder.spans().find((s) => s.name === 'recording');
    expect(carrier.traceparent).toBe(
      `00-${recording?.spanContext().traceId}-${recording?.spanContext().spanId}-01`,
    );
    const continued = contextFromCarrier(carrier);
    expect(continued).toBeDefined();
    expect(contextFromCarrier({ traceparent: 'garbage' })).toBeUndefined();
    expect(contextFromCarrier(undefined)).toBeUndefined();
  });
});
