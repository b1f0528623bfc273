import { describe, expect, it } from 'vitest';
import { TokenBucketLimiter, rateLimitHeaders } from './token-bucket.limiter.js';

describe('TokenBucketLimiter', () => {
  it('allows a burst of the per-minute limit, then refills at that rate', () => {
    let now = 0;
    const limiter = new TokenBucketLimiter({ perMinute: 60 }, () => now);
    for (let i = 0; i < 60; i += 1) expect(limiter.take('k').allowed).toBe(true);
    expect(limiter.take('k')).toMatchObject({ allowed: false, retryAfterSeconds: 1 });
    now += 1_000; // one token per second
    expect(limiter.take('k').allowed).toBe(true);
    expect(limiter.take('k').allowed).toBe(false);
  });

  it('tells how long to wait for the next token', () => {
    let now = 0;
    const limiter = new TokenBucketLimiter({ perMinute: 2 }, () => now);
    limiter.take('k');
    limiter.take('k');
    expect(limiter.take('k')).toMatchObject({ allowed: false, retryAfterSeconds: 30 });
    now += 29_000;
    expect(limiter.take('k')).toMatchObject({ allowed: false, retryAfterSeconds: 1 });
  });

  it('reports the limit, what is left and when the bucket is full again', () => {
    let now = 0;
    const limiter = new TokenBucketLimiter({ perMinute: 60 }, () => now);
    expect(limiter.take('k')).toEqual({ allowed: true, limit: 60, remaining: 59, resetSeconds: 1 });
    for (let i = 0; i < 58; i += 1) limiter.take('k');
    expect(limiter.take('k')).toMatchObject({ allowed: true, remaining: 0, resetSeconds: 60 });
    expect(limiter.take('k')).toMatchObject({ allowed: false, remaining: 0 });
    now += 10_000;
    expect(limiter.take('k')).toMatchObject({ allowed: true, remaining: 9 });
    expect(rateLimitHeaders(limiter.take('k'))).toEqual({
      'ratelimit-limit': '60',
      'ratelimit-remaining': '8',
      'ratelimit-reset': '52',
    });
  });

  it('keeps one bucket per key and forgets the least recently used beyond maxKeys', () => {
    const now = 0;
    const limiter = new TokenBucketLimiter({ perMinute: 1, maxKeys: 2 }, () => now);
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('b').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
    limiter.take('c'); // evicts b, the least recently used
    expect(limiter.take('b').allowed).toBe(true);
  });
});
