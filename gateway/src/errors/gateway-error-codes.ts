import { ErrorCode } from '@bloom/kernel';

/** The gateway's own code, on top of the kernel's set: an operation over the depth or cost limit. */
export const QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX';

/** Codes a client may see as they are, whether the gateway or a subgraph produced them. */
export const PUBLIC_ERROR_CODES: ReadonlySet<string> = new Set([
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.FORBIDDEN,
  ErrorCode.NOT_FOUND,
  ErrorCode.CONFLICT,
  ErrorCode.RATE_LIMITED,
  QUERY_TOO_COMPLEX,
  // Apollo Server's request errors: they describe the client's request, not our internals.
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);
