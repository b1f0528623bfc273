import type { IncomingHttpHeaders } from 'node:http';
import { AppError, type Caller, ErrorCode, anonymousCaller } from '@bloom/kernel';
import { ApiKeyLookupError, type ApiKeyResolver } from './api-key.resolver.js';
import type { JwtVerifier } from './jwt.verifier.js';
import type { TokenBucketLimiter } from './token-bucket.limiter.js';

/** A request the gateway answers itself, before any GraphQL work. */
export interface Rejection {
  status: number;
  code: ErrorCode;
  message: string;
  headers?: Record<string, string>;
}

export type Authentication = { ok: true; caller: Caller } | { ok: false; rejection: Rejection };

export interface EdgeAuthenticatorDeps {
  verifyJwt: JwtVerifier;
  apiKeys: ApiKeyResolver;
  apiKeyLimiter: TokenBucketLimiter;
}

const BEARER = /^Bearer[ \t]+([^\s]+)[ \t]*$/i;

const reject = (
  status: number,
  code: ErrorCode,
  message: string,
  headers?: Record<string, string>,
) => ({ ok: false, rejection: { status, code, message, headers } }) as const;

/**
 * Who is calling: a person with an access token, an integrator with an API key, or nobody.
 * Credentials that are present but not valid are refused outright, never downgraded to
 * anonymous, so a client with a broken token finds out instead of seeing less data.
 */
export function createEdgeAuthenticator(deps: EdgeAuthenticatorDeps) {
  return async (headers: IncomingHttpHeaders, traceId: string): Promise<Authentication> => {
    const authorization = headers.authorization;
    const apiKey = single(headers['x-api-key']);
    if (authorization !== undefined && apiKey !== undefined) {
      return reject(401, ErrorCode.UNAUTHENTICATED, 'Send a bearer token or an API key, not both.');
    }

    if (authorization !== undefined) {
      const token = BEARER.exec(authorization)?.[1];
      if (!token) {
        return reject(401, ErrorCode.UNAUTHENTICATED, 'Authorization must be "Bearer <token>".');
      }
      try {
        return { ok: true, caller: await deps.verifyJwt(token, traceId) };
      } catch (error) {
        if (error instanceof AppError) return reject(401, error.code, error.message);
        throw error;
      }
    }

    if (apiKey !== undefined) {
      const key = apiKey.trim();
      if (!key) return reject(401, ErrorCode.UNAUTHENTICATED, 'The API key is empty.');
      let principal;
      try {
        principal = await deps.apiKeys.resolve(key, traceId);
      } catch (error) {
        if (!(error instanceof ApiKeyLookupError)) throw error;
        // Transient: the client may retry; nothing about the key is cached.
        return reject(
          503,
          ErrorCode.INTERNAL_SERVER_ERROR,
          'The API key could not be checked right now. Please try again.',
          { 'retry-after': '1' },
        );
      }
      if (!principal) return reject(401, ErrorCode.UNAUTHENTICATED, 'Unknown or revoked API key.');
      const decision = deps.apiKeyLimiter.take(principal.apiKeyId);
      if (!decision.allowed) {
        return reject(
          429,
          ErrorCode.RATE_LIMITED,
          `Rate limit exceeded for this API key; retry in ${decision.retryAfterSeconds} s.`,
          { 'retry-after': String(decision.retryAfterSeconds) },
        );
      }
      return {
        ok: true,
        caller: {
          kind: 'integrator',
          userId: principal.ownerUserId,
          apiKeyId: principal.apiKeyId,
          scopes: principal.scopes,
          roles: [],
          traceId,
        },
      };
    }

    return { ok: true, caller: anonymousCaller(traceId) };
  };
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
