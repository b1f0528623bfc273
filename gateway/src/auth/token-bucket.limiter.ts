/** What the bucket allows, with the figures a client sees in the RateLimit-* headers. */
export type RateDecision = {
  /** Requests a full bucket holds (the per-minute figure). */
  limit: number;
  /** Requests left now, after this one. */
  remaining: number;
  /** Seconds until the bucket is full again. */
  resetSeconds: number;
} & ({ allowed: true } | { allowed: false; retryAfterSeconds: number });

/** The `RateLimit-Limit`, `-Remaining` and `-Reset` headers of a decision. */
export const rateLimitHeaders = (decision: RateDecision): Record<string, string> => ({
  'ratelimit-limit': String(decision.limit),
  'ratelimit-remaining': String(decision.remaining),
  'ratelimit-reset': String(decision.resetSeconds),
});

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/**
 * One token bucket per key: `perMinute` requests may arrive at once, then they are let through
 * at the refill rate. State is in this process only, so each gateway replica enforces the limit
 * on its own: the effective limit of a key is `perMinute × replicas` in the worst case.
 */
export class TokenBucketLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly capacity: number;
  private readonly refillPerMs: number;
  private readonly maxKeys: number;
  private readonly onRefused: (() => void) | undefined;

  constructor(
    options: {
      perMinute: number;
      maxKeys?: number;
      /** Called for each refusal (the gateway counts them by limiter). */
      onRefused?: () => void;
    },
    private readonly now: () => number = Date.now,
  ) {
    this.capacity = options.perMinute;
    this.refillPerMs = options.perMinute / 60_000;
    this.maxKeys = options.maxKeys ?? 100_000;
    this.onRefused = options.onRefused;
  }

  take(key: string): RateDecision {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.capacity, updatedAt: now };
    bucket.tokens = Math.min(
      this.capacity,
      bucket.tokens + (now - bucket.updatedAt) * this.refillPerMs,
    );
    bucket.updatedAt = now;
    // Re-insert so Map order is recency order; the least recently used bucket is evicted first
    // (an idle bucket has refilled anyway, so forgetting it changes nothing).
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    if (this.buckets.size > this.maxKeys) {
      const oldest = this.buckets.keys().next();
      if (!oldest.done) this.buckets.delete(oldest.value);
    }
    const figures = () => ({
      limit: this.capacity,
      remaining: Math.max(0, Math.floor(bucket.tokens)),
      resetSeconds: Math.ceil((this.capacity - bucket.tokens) / this.refillPerMs / 1000),
    });
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true, ...figures() };
    }
    const waitMs = (1 - bucket.tokens) / this.refillPerMs;
    this.onRefused?.();
    return {
      allowed: false,
      retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)),
      ...figures(),
    };
  }
}
