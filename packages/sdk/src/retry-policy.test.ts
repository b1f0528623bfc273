import { describe, expect, it } from 'vitest';
import {
  type RetrySettings,
  hasIdempotencyKey,
  isRetryableResponse,
  isSafeToRepeat,
  parseRetryAfter,
  retryDelay,
} from './retry-policy.js';

const settings = (random: number): RetrySettings => ({
  maxRetries: 3,
  maxDelayMs: 10_000,
  baseDelayMs: 500,
  random: () => random,
});

describe('retry policy', () => {
  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2030-01-01T00:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('Tue, 01 Jan 2030 00:00:07 GMT', now)).toBe(7000);
    expect(parseRetryAfter('Mon, 31 Dec 2029 23:59:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });

  it('waits at least Retry-After, with bounded jitter, and gives up beyond the cap', () => {
    expect(retryDelay(0, 2000, settings(0))).toBe(2000);
    expect(retryDelay(0, 2000, settings(0.999))).toBeLessThanOrEqual(2400);
    expect(retryDelay(2, 2000, settings(0.5))).toBeGreaterThanOrEqual(2000);
    expect(retryDelay(0, 10_001, settings(0))).toBeUndefined();
  });

  it('backs off exponentially without Retry-After, up to the cap', () => {
    expect(retryDelay(0, undefined, settings(1))).toBe(500);
    expect(retryDelay(1, undefined, settings(1))).toBe(1000);
    expect(retryDelay(1, undefined, settings(0))).toBe(500);
    expect(retryDelay(10, undefined, settings(1))).toBe(10_000);
  });

  it('retries 429, 503 and SERVICE_UNAVAILABLE / RATE_LIMITED errors only', () => {
    expect(isRetryableResponse(429, undefined)).toBe(true);
    expect(isRetryableResponse(503, undefined)).toBe(true);
    expect(isRetryableResponse(200, [{ extensions: { code: 'SERVICE_UNAVAILABLE' } }])).toBe(true);
    expect(isRetryableResponse(200, [{ extensions: { code: 'FORBIDDEN' } }])).toBe(false);
    expect(isRetryableResponse(500, undefined)).toBe(false);
    expect(isRetryableResponse(504, [{ extensions: { code: 'GATEWAY_TIMEOUT' } }])).toBe(false);
  });

  it('repeats queries, and mutations only with an idempotency key', () => {
    expect(isSafeToRepeat('query', {})).toBe(true);
    expect(isSafeToRepeat('mutation', { productId: 'p1' })).toBe(false);
    expect(isSafeToRepeat('mutation', { input: { idempotencyKey: 'k' } })).toBe(true);
    expect(isSafeToRepeat('mutation', { input: { idempotencyKey: '' } })).toBe(false);
    expect(isSafeToRepeat('mutation', {}, true)).toBe(true);
    expect(isSafeToRepeat('query', {}, false)).toBe(false);
    expect(hasIdempotencyKey([{ a: { idempotencyKey: 'k' } }])).toBe(true);
  });
});
