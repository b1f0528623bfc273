import { createHash } from 'node:crypto';
import { z } from 'zod';
import { CALLER_HEADER, anonymousCaller, injectTraceHeaders, signCaller } from '@bloom/kernel';
import { TRACE_HEADER } from '../http/trace-id.js';
import { TtlLruCache } from './ttl-lru.cache.js';

/**
 * `apiKeyPrincipal` is @inaccessible in the supergraph, so clients cannot reach it through the
 * gateway; the gateway asks the identity subgraph for it directly.
 */
const PRINCIPAL_QUERY = /* GraphQL */ `
  query GatewayApiKeyPrincipal($key: String!) {
    apiKeyPrincipal(key: $key) {
      apiKeyId
      ownerUserId
      scopes
    }
  }
`;

const principalSchema = z.object({
  apiKeyId: z.string().min(1),
  ownerUserId: z.string().min(1),
  scopes: z.array(z.string()),
});
export type ApiKeyPrincipal = z.infer<typeof principalSchema>;

const responseSchema = z.object({
  data: z.object({ apiKeyPrincipal: principalSchema.nullable() }),
  // A null principal next to errors means the lookup failed, not that the key is unknown.
  errors: z.array(z.unknown()).max(0).optional(),
});

export interface ApiKeyResolverOptions {
  identityUrl: string;
  callerSecret: string;
  positiveTtlMs?: number;
  negativeTtlMs?: number;
  maxEntries?: number;
  timeoutMs?: number;
  now?: () => number;
}

/** The identity service could not answer; the key is neither accepted nor refused. */
export class ApiKeyLookupError extends Error {
  override readonly name = 'ApiKeyLookupError';
}

/**
 * Resolves an API key to its principal through the identity subgraph. Answers are cached
 * briefly (a revoked key stops working within the positive TTL) and concurrent lookups of the
 * same key share one request.
 */
export class ApiKeyResolver {
  private readonly cache: TtlLruCache<ApiKeyPrincipal | null>;
  private readonly inFlight = new Map<string, Promise<ApiKeyPrincipal | null>>();
  private readonly positiveTtlMs: number;
  private readonly negativeTtlMs: number;
  private readonly timeoutMs: number;

  constructor(private readonly options: ApiKeyResolverOptions) {
    this.cache = new TtlLruCache(options.maxEntries ?? 10_000, options.now);
    this.positiveTtlMs = options.positiveTtlMs ?? 30_000;
    this.negativeTtlMs = options.negativeTtlMs ?? 5_000;
    this.timeoutMs = options.timeoutMs ?? 2_000;
  }

  async resolve(key: string, traceId: string): Promise<ApiKeyPrincipal | null> {
    // Keys are secrets: the cache holds their digests only.
    const digest = createHash('sha256').update(key).digest('base64url');
    const cached = this.cache.get(digest);
    if (cached !== undefined) return cached;
    let pending = this.inFlight.get(digest);
    if (!pending) {
      pending = this.lookup(key, traceId)
        .then((principal) => {
          this.cache.set(digest, principal, principal ? this.positiveTtlMs : this.negativeTtlMs);
          return principal;
        })
        .finally(() => this.inFlight.delete(digest));
      this.inFlight.set(digest, pending);
    }
    return pending;
  }

  private async lookup(key: string, traceId: string): Promise<ApiKeyPrincipal | null> {
    let response: Response;
    try {
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        [CALLER_HEADER]: signCaller(anonymousCaller(traceId), this.options.callerSecret),
        [TRACE_HEADER]: traceId,
      };
      injectTraceHeaders(headers);
      response = await fetch(this.options.identityUrl, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query: PRINCIPAL_QUERY, variables: { key } }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new ApiKeyLookupError('identity subgraph unreachable', { cause: error });
    }
    const body: unknown = await response.json().catch(() => undefined);
    const parsed = responseSchema.safeParse(body);
    if (!response.ok || !parsed.success) {
      throw new ApiKeyLookupError(`identity subgraph answered ${response.status}`, {
        cause: body,
      });
    }
    return parsed.data.data.apiKeyPrincipal;
  }
}
