import type { IncomingHttpHeaders } from 'node:http';
import { AppError, type Caller, ErrorCode, anonymousCaller } from '@bloom/kernel';
import { ApiKeyLookupError, type ApiKeyResolver } from './api-key.resolver.js';
import type { JwtVerifier } from './jwt.verifier.js';
import type { Revocation, RevocationList } from './revocation.list.js';
import { type TokenBucketLimiter, rateLimitHeaders } from './token-bucket.limiter.js';

/** A request the gateway answers itself, before any GraphQL work. */
export interface Rejection {
  status: number;
  code: ErrorCode;
  message: string;
  headers?: Record<string, string>;
}

/** What a later revocation may name about an accepted credential (sockets outlive requests). */
export interface Credential {
  sessionId?: string;
  apiKeyId?: string;
}

export type Authentication =
  | {
      ok: true;
      caller: Caller;
      credential: Credential;
      /** Sent with the answer: an API key's RateLimit-* figures. */
      headers?: Record<string, string>;
    }
  | { ok: false; rejection: Rejection };

export interface EdgeAuthenticatorDeps {
  verifyJwt: JwtVerifier;
  /** None when the supergraph has no identity subgraph: API keys are then refused. */
  apiKeys: ApiKeyResolver | undefined;
  apiKeyLimiter: TokenBucketLimiter;
  /** Requests without credentials, by client key (the address; see limits/client-key.reader). */
  anonymousLimiter: TokenBucketLimiter;
  /** Sessions ended, keys revoked, users suspended: refused before their credentials expire. */
  revocations?: RevocationList;
}

const REVOKED_MESSAGES: Record<Revocation['kind'], string> = {
  session: 'This session has ended. Sign in again.',
  key: 'Unknown or revoked API key.',
  user: 'This account can no longer be used.',
};

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
 * anonymous, so a client with a broken token finds out instead of seeing less data. API keys
 * are rate-limited per key, anonymous requests per `clientKey` (the caller's address); without
 * a client key (a WebSocket's connection_init) an anonymous caller is not rate-limited here.
 * The client key also goes to subgraphs as the signed caller's `clientAddress`, for limits of
 * their own (giftcards' share-secret guesses).
 */
export function createEdgeAuthenticator(deps: EdgeAuthenticatorDeps) {
  return async (
    headers: IncomingHttpHeaders,
    traceId: string,
    clientKey?: string,
  ): Promise<Authentication> => {
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
      let verified;
      try {
        verified = await deps.verifyJwt(token, traceId);
      } catch (error) {
        if (error instanceof AppError) return reject(401, error.code, error.message);
        throw error;
      }
      const revoked = deps.revocations?.refusesToken({
        userId: verified.caller.userId ?? '',
        sessionId: verified.sessionId,
        issuedAtMs: verified.issuedAtMs,
      });
      if (revoked) return reject(401, ErrorCode.UNAUTHENTICATED, REVOKED_MESSAGES[revoked.kind]);
      return {
        ok: true,
        caller: { ...verified.caller, clientAddress: clientKey },
        credential: { sessionId: verified.sessionId },
      };
    }

    if (apiKey !== undefined) {
      const key = apiKey.trim();
      if (!key) return reject(401, ErrorCode.UNAUTHENTICATED, 'The API key is empty.');
      if (!deps.apiKeys) {
        return reject(401, ErrorCode.UNAUTHENTICATED, 'API keys are not accepted here.');
      }
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
      // A principal cached before the key was revoked must not outlive the revocation.
      if (!principal || deps.revocations?.refusesKey(principal.apiKeyId)) {
        return reject(401, ErrorCode.UNAUTHENTICATED, REVOKED_MESSAGES.key);
      }
      const decision = deps.apiKeyLimiter.take(principal.apiKeyId);
      if (!decision.allowed) {
        return reject(
          429,
          ErrorCode.RATE_LIMITED,
          `Rate limit exceeded for this API key; retry in ${decision.retryAfterSeconds} s.`,
          { 'retry-after': String(decision.retryAfterSeconds), ...rateLimitHeaders(decision) },
        );
      }
      return {
        ok: true,
        headers: rateLimitHeaders(decision),
        credential: { apiKeyId: principal.apiKeyId },
        caller: {
          kind: 'integrator',
          userId: principal.ownerUserId,
          apiKeyId: principal.apiKeyId,
          scopes: principal.scopes,
          roles: [],
          traceId,
          clientAddress: clientKey,
        },
      };
    }

    const decision = clientKey === undefined ? undefined : deps.anonymousLimiter.take(clientKey);
    if (decision && !decision.allowed) {
      return reject(
        429,
        ErrorCode.RATE_LIMITED,
        `Too many requests from this address; retry in ${decision.retryAfterSeconds} s or sign in.`,
        { 'retry-after': String(decision.retryAfterSeconds) },
      );
    }
    return {
      ok: true,
      caller: { ...anonymousCaller(traceId), clientAddress: clientKey },
      credential: {},
    };
  };
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
