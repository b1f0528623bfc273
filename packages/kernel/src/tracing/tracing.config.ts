import { z } from 'zod';

const keyValueList = z.string().refine(
  (value) =>
    value
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean)
      .every((part) => /^[^=\s]+=.*$/.test(part)),
  'must be a comma-separated list of key=value',
);

const flag = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');

/**
 * The standard OpenTelemetry variables a service reads (a subset of the SDK's: traces only,
 * OTLP over HTTP/JSON or the console). Tracing is off unless an endpoint or an exporter is set.
 */
export const tracingConfigShape = {
  OTEL_SDK_DISABLED: flag.default(false),
  /** Overrides the service's own name in the traces' resource. */
  OTEL_SERVICE_NAME: z.string().min(1).optional(),
  /** Extra resource attributes, e.g. `deployment.environment=prod,k8s.namespace.name=bloom`. */
  OTEL_RESOURCE_ATTRIBUTES: keyValueList.optional(),
  OTEL_TRACES_EXPORTER: z.enum(['otlp', 'console', 'none']).optional(),
  /** Base URL of an OTLP/HTTP collector; traces go to `<it>/v1/traces`. */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
  /** The full traces URL, when it is not `<OTEL_EXPORTER_OTLP_ENDPOINT>/v1/traces`. */
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: z.url().optional(),
  OTEL_EXPORTER_OTLP_HEADERS: keyValueList.optional(),
  OTEL_EXPORTER_OTLP_TRACES_HEADERS: keyValueList.optional(),
  OTEL_EXPORTER_OTLP_PROTOCOL: z
    .enum(['http/json'], { message: 'only http/json is supported' })
    .optional(),
  OTEL_EXPORTER_OTLP_TIMEOUT: z.coerce.number().int().positive().default(10_000),
  OTEL_TRACES_SAMPLER: z
    .enum([
      'always_on',
      'always_off',
      'traceidratio',
      'parentbased_always_on',
      'parentbased_always_off',
      'parentbased_traceidratio',
    ])
    .default('parentbased_always_on'),
  /** The ratio of the `traceidratio` samplers, 0..1. */
  OTEL_TRACES_SAMPLER_ARG: z.coerce.number().min(0).max(1).optional(),
  OTEL_BSP_SCHEDULE_DELAY: z.coerce.number().int().positive().default(5_000),
  OTEL_BSP_MAX_QUEUE_SIZE: z.coerce.number().int().positive().default(2_048),
  OTEL_BSP_MAX_EXPORT_BATCH_SIZE: z.coerce.number().int().positive().default(512),
};

export type TracingConfig = z.infer<z.ZodObject<typeof tracingConfigShape>>;

/** `a=1,b=x%20y` → `{ a: '1', b: 'x y' }` (values are percent-encoded by the spec). */
export function parseKeyValueList(value: string | undefined): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const part of (value ?? '').split(',')) {
    const at = part.indexOf('=');
    if (at < 1) continue;
    const key = part.slice(0, at).trim();
    const raw = part.slice(at + 1).trim();
    let decoded = raw;
    try {
      decoded = decodeURIComponent(raw);
    } catch {
      // A value that is not valid percent-encoding is taken as written.
    }
    entries[key] = decoded;
  }
  return entries;
}
