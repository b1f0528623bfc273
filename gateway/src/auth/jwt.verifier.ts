import { errors as joseErrors, jwtVerify } from 'jose';
import { z } from 'zod';
import { AppError, type Caller, ErrorCode, roleSchema } from '@bloom/kernel';
import { TtlLruCache } from './ttl-lru.cache.js';

const accessClaimsSchema = z.object({
  sub: z.string().min(1),
  // A refresh token must never be accepted as an access token, even though both are signed alike.
  typ: z.literal('access'),
  roles: z.array(roleSchema).default([]),
  iat: z.number().optional(),
  exp: z.number(),
  // The session (refresh-token family) the token belongs to, so ending it can refuse the token.
  sid: z.string().optional(),
});

/** A verified access token: its caller, and what a revocation may name. */
export interface VerifiedToken {
  caller: Caller;
  sessionId?: string;
  issuedAtMs: number;
}

export interface JwtVerifierOptions {
  secret: string;
  issuer: string;
  audience: string;
  /** Verified tokens remembered (each until its expiry, at most a minute); 10,000 by default. */
  cacheEntries?: number;
  now?: () => number;
}

/** What a verified token says, kept so its next requests skip the signature check. */
interface VerifiedClaims {
  userId: string;
  roles: Caller['roles'];
  sessionId: string | undefined;
  issuedAtMs: number;
}

const CACHE_TTL_MS = 60_000;

/** Small allowance for clock drift between the identity service and the gateway. */
const CLOCK_TOLERANCE_SECONDS = 5;

/**
 * Verifies an HS256 access token (signature, issuer, audience, expiry, token type) and turns
 * it into the caller that subgraphs receive. Any failure is UNAUTHENTICATED: a client that sent
 * a token must not silently continue as anonymous.
 */
export function createJwtVerifier(options: JwtVerifierOptions) {
  const key = new TextEncoder().encode(options.secret);
  const now = options.now ?? Date.now;
  // A client sends the same token with every request for its lifetime; verifying it once saves
  // a WebCrypto HMAC and key import per request. An entry never outlives the token's expiry,
  // and revocations are checked by the caller of this on every request, cached or not.
  const verified = new TtlLruCache<VerifiedClaims>(options.cacheEntries ?? 10_000, now);
  const tokenOf = (claims: VerifiedClaims, traceId: string): VerifiedToken => ({
    caller: {
      kind: 'user',
      userId: claims.userId,
      roles: claims.roles,
      scopes: [],
      traceId,
    },
    sessionId: claims.sessionId,
    issuedAtMs: claims.issuedAtMs,
  });
  return async (token: string, traceId: string): Promise<VerifiedToken> => {
    const cached = verified.get(token);
    if (cached) return tokenOf(cached, traceId);
    let payload: unknown;
    try {
      ({ payload } = await jwtVerify(token, key, {
        algorithms: ['HS256'],
        issuer: options.issuer,
        audience: options.audience,
        requiredClaims: ['exp', 'sub'],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        currentDate: new Date(now()),
      }));
    } catch (error) {
      // Only expiry is worth telling apart: the client should refresh rather than sign in again.
      throw new AppError(
        ErrorCode.UNAUTHENTICATED,
        error instanceof joseErrors.JWTExpired
          ? 'The access token has expired.'
          : 'The access token is invalid.',
      );
    }
    const claims = accessClaimsSchema.safeParse(payload);
    if (!claims.success) {
      throw new AppError(ErrorCode.UNAUTHENTICATED, 'The access token is invalid.');
    }
    const found: VerifiedClaims = {
      userId: claims.data.sub,
      roles: claims.data.roles,
      sessionId: claims.data.sid,
      issuedAtMs: (claims.data.iat ?? 0) * 1000,
    };
    const ttlMs = Math.min(CACHE_TTL_MS, claims.data.exp * 1000 - now());
    if (ttlMs > 0) verified.set(token, found, ttlMs);
    return tokenOf(found, traceId);
  };
}

export type JwtVerifier = ReturnType<typeof createJwtVerifier>;
