import { parseRetryAfter } from './retry-policy.js';

/** Rate-limit figures, when the gateway (or a proxy in front of it) sends them. */
export interface RateLimitInfo {
  /** Requests allowed per window (`RateLimit-Limit` / `X-RateLimit-Limit`). */
  limit: number | undefined;
  /** Requests left in the window (`RateLimit-Remaining` / `X-RateLimit-Remaining`). */
  remaining: number | undefined;
  /** Seconds until the window resets (`RateLimit-Reset` / `X-RateLimit-Reset`). */
  resetSeconds: number | undefined;
}

/** What the HTTP response said besides its body. */
export interface ResponseMeta {
  /** HTTP status of the last attempt. */
  status: number;
  /** The gateway's `x-trace-id`: quote it when reporting a problem. */
  traceId: string | undefined;
  /** `Retry-After` (seconds or an HTTP date) in milliseconds; sent with 429 and 503. */
  retryAfterMs: number | undefined;
  rateLimit: RateLimitInfo;
  /** How many HTTP requests this call made (1 without retries). */
  attempts: number;
  headers: Headers;
}

export function readResponseMeta(response: Response, attempts: number): ResponseMeta {
  const { headers } = response;
  const number = (...names: string[]) => {
    for (const name of names) {
      const value = headers.get(name);
      // The IETF draft allows parameters after the figure (`100;w=60`): the figure comes first.
      const figure = value === null ? NaN : Number.parseInt(value, 10);
      if (Number.isFinite(figure)) return figure;
    }
    return undefined;
  };
  return {
    status: response.status,
    traceId: headers.get('x-trace-id') ?? undefined,
    retryAfterMs: parseRetryAfter(headers.get('retry-after')),
    rateLimit: {
      limit: number('ratelimit-limit', 'x-ratelimit-limit'),
      remaining: number('ratelimit-remaining', 'x-ratelimit-remaining'),
      resetSeconds: number('ratelimit-reset', 'x-ratelimit-reset'),
    },
    attempts,
    headers,
  };
}
