import { errors as joseErrors, jwtVerify } from 'jose';
import { z } from 'zod';
import { AppError, type Caller, ErrorCode, roleSchema } from '@bloom/kernel';

const accessClaimsSchema = z.object({
  sub: z.string().min(1),
  // A refresh token must never be accepted as an access token, even though both are signed alike.
  typ: z.literal('access'),
  roles: z.array(roleSchema).default([]),
  iat: z.number().optional(),
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
}

/** Small allowance for clock drift between the identity service and the gateway. */
const CLOCK_TOLERANCE_SECONDS = 5;

/**
 * Verifies an HS256 access token (signature, issuer, audience, expiry, token type) and turns
 * it into the caller that subgraphs receive. Any failure is UNAUTHENTICATED: a client that sent
 * a token must not silently continue as anonymous.
 */
export function createJwtVerifier(options: JwtVerifierOptions) {
  const key = new TextEncoder().encode(options.secret);
  return async (token: string, traceId: string): Promise<VerifiedToken> => {
    let payload: unknown;
    try {
      ({ payload } = await jwtVerify(token, key, {
        algorithms: ['HS256'],
        issuer: options.issuer,
        audience: options.audience,
        requiredClaims: ['exp', 'sub'],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
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
    return {
      caller: {
        kind: 'user',
        userId: claims.data.sub,
        roles: claims.data.roles,
        scopes: [],
        traceId,
      },
      sessionId: claims.data.sid,
      issuedAtMs: (claims.data.iat ?? 0) * 1000,
    };
  };
}

export type JwtVerifier = ReturnType<typeof createJwtVerifier>;
