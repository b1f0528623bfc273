import type { ResponseMeta } from './response-meta.js';

/**
 * The codes a request can fail with: the gateway's public `extensions.code`s (the kernel's set,
 * the gateway's limits, Apollo's request errors) and the client's own (no answer, not JSON).
 */
export type KnownBloomErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'INTERNAL_SERVER_ERROR'
  | 'RATE_LIMITED'
  | 'QUERY_TOO_COMPLEX'
  | 'GATEWAY_TIMEOUT'
  | 'SERVICE_UNAVAILABLE'
  | 'GRAPHQL_PARSE_FAILED'
  | 'GRAPHQL_VALIDATION_FAILED'
  | 'BAD_REQUEST'
  | 'PERSISTED_QUERY_NOT_FOUND'
  | 'PERSISTED_QUERY_NOT_SUPPORTED'
  | 'OPERATION_RESOLUTION_FAILURE'
  /** The request did not get an answer (DNS, refused or reset connection). */
  | 'NETWORK_ERROR'
  /** An answer that is not a GraphQL response (not JSON, or neither data nor errors). */
  | 'INVALID_RESPONSE'
  /** A non-2xx HTTP status without GraphQL errors (e.g. a proxy's 502 page). */
  | 'HTTP_ERROR';

/** A known code, or one added to the platform after this SDK was built. */
export type BloomErrorCode = KnownBloomErrorCode | (string & Record<never, never>);

/** One entry of a GraphQL response's `errors`. */
export interface GraphQLErrorEntry {
  message: string;
  path?: readonly (string | number)[];
  locations?: readonly { line: number; column: number }[];
  extensions?: Record<string, unknown>;
}

export interface BloomErrorInit {
  code: BloomErrorCode;
  message: string;
  path?: readonly (string | number)[];
  extensions?: Record<string, unknown>;
  errors?: readonly GraphQLErrorEntry[];
  meta?: ResponseMeta;
  data?: unknown;
  cause?: unknown;
}

/**
 * A request that failed: a GraphQL error in the response (the first one's code, message and
 * path; all of them in `errors`) or no usable response. Expected business outcomes (out of
 * stock, total mismatch…) are not errors: they come back in the data as result-union members.
 */
export class BloomError extends Error {
  readonly code: BloomErrorCode;
  readonly path: readonly (string | number)[] | undefined;
  readonly extensions: Record<string, unknown>;
  readonly errors: readonly GraphQLErrorEntry[];
  /** The response's meta (status, trace id, Retry-After…) when there was a response. */
  readonly meta: ResponseMeta | undefined;
  /** Partial data that came with the errors, if any. */
  readonly data: unknown;

  constructor(init: BloomErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'BloomError';
    this.code = init.code;
    this.path = init.path;
    this.extensions = init.extensions ?? {};
    this.errors = init.errors ?? [];
    this.meta = init.meta;
    this.data = init.data;
  }

  /** The error for a response's first GraphQL error. */
  static fromGraphQLErrors(
    errors: readonly GraphQLErrorEntry[],
    meta: ResponseMeta,
    data: unknown,
  ): BloomError {
    const [first] = errors;
    const code = first?.extensions?.code;
    return new BloomError({
      code: typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR',
      message: first?.message ?? 'The request failed.',
      path: first?.path,
      extensions: first?.extensions,
      errors,
      meta,
      data,
    });
  }
}

export function isBloomError(error: unknown): error is BloomError {
  return error instanceof BloomError;
}
