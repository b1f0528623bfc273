import { ErrorCode } from '@bloom/kernel';

/** The gateway's own code, on top of the kernel's set: an operation over the depth or cost limit. */
export const QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX';

/** An operation that did not finish within the gateway's time budget (HTTP 504). */
export const GATEWAY_TIMEOUT = 'GATEWAY_TIMEOUT';

/**
 * A subgraph could not be reached or answered 502/503/504 (restarting, overloaded): HTTP 503
 * with Retry-After. Nothing was done by the unreachable part, so a retry (with the same
 * idempotency key for a checkout) is safe.
 */
export const SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE';

/** Apollo Server's code for a request it cannot run as sent (malformed body, wrong APQ hash). */
export const BAD_REQUEST = 'BAD_REQUEST';

/**
 * A request without an API key whose document is not one of the first-party clients' trusted
 * documents (schema/trusted-documents.json), refused before it is parsed where they are enforced.
 */
export const OPERATION_NOT_TRUSTED = 'OPERATION_NOT_TRUSTED';

/** Apollo's code for a persisted-query id it does not know: the client then sends the text. */
export const PERSISTED_QUERY_NOT_FOUND = 'PERSISTED_QUERY_NOT_FOUND';

/** Codes a client may see as they are, whether the gateway or a subgraph produced them. */
export const PUBLIC_ERROR_CODES: ReadonlySet<string> = new Set([
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.FORBIDDEN,
  ErrorCode.NOT_FOUND,
  ErrorCode.CONFLICT,
  ErrorCode.RATE_LIMITED,
  QUERY_TOO_COMPLEX,
  GATEWAY_TIMEOUT,
  SERVICE_UNAVAILABLE,
  OPERATION_NOT_TRUSTED,
  // Apollo Server's request errors: they describe the client's request, not our internals.
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  BAD_REQUEST,
  PERSISTED_QUERY_NOT_FOUND,
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);
