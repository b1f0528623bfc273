import { z } from 'zod';
import { DEFAULT_EVENT_CONCURRENCY } from '../events/event-bus.js';
import { tracingConfigShape } from '../tracing/tracing.config.js';

/** Thrown at boot when the environment does not satisfy a service's config schema. */
export class ConfigError extends Error {
  constructor(
    readonly service: string,
    readonly problems: string[],
  ) {
    super(`${service}: invalid configuration\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Variables every service reads; services extend this shape with their own. */
export const baseConfigShape = {
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  HOST: z.string().default('127.0.0.1'),
  MONGO_URL: z.string().startsWith('mongodb://').default('mongodb://127.0.0.1:27017'),
  NATS_URL: z.string().default('nats://127.0.0.1:4222'),
  /** Prefix for stream names and subjects; empty in production, random per test run. */
  EVENT_NAMESPACE: z
    .string()
    .regex(/^[a-z0-9]*$/, 'lowercase letters and digits only')
    .default(''),
  /**
   * Events a durable consumer handles at once (events of one subject still one after
   * another) unless the consumer sets its own concurrency.
   */
  EVENT_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(DEFAULT_EVENT_CONCURRENCY),
  CALLER_SIGNING_SECRET: z.string().min(32, 'must be at least 32 characters'),
  /** The git commit the build came from, shown with the version in /ready; unset locally. */
  BUILD_COMMIT: z
    .string()
    .regex(/^[0-9a-f]{7,40}$/i, 'must be a git commit hash (7 to 40 hex digits)')
    .optional(),
  /** OpenTelemetry tracing (the standard OTEL_* variables; off unless configured). */
  ...tracingConfigShape,
};

/**
 * Parses an environment object against a schema and fails fast with one readable
 * message listing every problem; the result is frozen so nothing mutates it later.
 */
export function loadConfig<S extends z.ZodType>(
  service: string,
  schema: S,
  env: Record<string, string | undefined>,
): Readonly<z.infer<S>> {
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ''),
  );
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    throw new ConfigError(
      service,
      result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
    );
  }
  return Object.freeze(result.data);
}

/** Comma-separated list → array, for env values such as scopes or hosts. */
export const csv = z.string().transform((value) =>
  value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean),
);
