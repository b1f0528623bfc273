/**
 * When the client tries a request again: on HTTP 429 and 503 and on SERVICE_UNAVAILABLE /
 * RATE_LIMITED errors, waiting what Retry-After says (plus jitter, so many clients told the same
 * second do not return together), and only when repeating the operation cannot do something
 * twice: queries, and mutations that carry an idempotency key.
 */

/** Error codes that mean "nothing was done, try again later" (gateway-error-codes.ts). */
const RETRYABLE_CODES: ReadonlySet<string> = new Set(['RATE_LIMITED', 'SERVICE_UNAVAILABLE']);

export interface RetrySettings {
  /** Retries after the first attempt. */
  maxRetries: number;
  /** The longest wait; a Retry-After beyond it is not waited for (the error is returned). */
  maxDelayMs: number;
  /** First backoff step when the server gives no Retry-After; doubles each retry. */
  baseDelayMs: number;
  /** Source of jitter, [0, 1). */
  random: () => number;
}

/**
 * `Retry-After` in milliseconds: delta-seconds or an HTTP date (RFC 9110 §10.2.3); undefined
 * when absent or unreadable.
 */
export function parseRetryAfter(
  value: string | null | undefined,
  now: number = Date.now(),
): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Whether a response is one to try again, from its status and its GraphQL errors' codes. */
export function isRetryableResponse(
  status: number,
  errors: readonly { extensions?: { code?: unknown } }[] | undefined,
): boolean {
  if (status === 429 || status === 503) return true;
  return (errors ?? []).some((error) => RETRYABLE_CODES.has(String(error.extensions?.code)));
}

/**
 * Whether repeating the operation is safe: a query, or a mutation whose variables carry a
 * non-empty `idempotencyKey` at any depth (checkout's `input.idempotencyKey`). `override`
 * (the request's `idempotent` option) wins over both.
 */
export function isSafeToRepeat(
  operation: 'query' | 'mutation' | 'subscription',
  variables: unknown,
  override?: boolean,
): boolean {
  if (override !== undefined) return override;
  if (operation === 'query') return true;
  return operation === 'mutation' && hasIdempotencyKey(variables);
}

export function hasIdempotencyKey(value: unknown, depth = 0): boolean {
  if (depth > 8 || typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) return value.some((item) => hasIdempotencyKey(item, depth + 1));
  return Object.entries(value).some(([key, item]) =>
    key === 'idempotencyKey'
      ? typeof item === 'string' && item.length > 0
      : hasIdempotencyKey(item, depth + 1),
  );
}

/**
 * How long to wait before retry number `retry` (0 for the first), or undefined to give up
 * because the server asked for longer than the cap.
 */
export function retryDelay(
  retry: number,
  retryAfterMs: number | undefined,
  settings: RetrySettings,
): number | undefined {
  if (retryAfterMs !== undefined) {
    if (retryAfterMs > settings.maxDelayMs) return undefined;
    // Never earlier than told; spread over up to a fifth more (at least 100 ms, at most 1 s).
    const spread = Math.min(1000, Math.max(100, retryAfterMs * 0.2));
    return Math.min(settings.maxDelayMs, retryAfterMs + settings.random() * spread);
  }
  const step = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** retry);
  // "Equal jitter": at least half the step, so backoff still grows.
  return step / 2 + settings.random() * (step / 2);
}
