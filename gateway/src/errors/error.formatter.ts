import type { GraphQLFormattedError } from 'graphql';
import { type Logger, maskError } from '@bloom/kernel';
import { BAD_REQUEST, PUBLIC_ERROR_CODES } from './gateway-error-codes.js';

/** Extensions that describe our topology or code, never the client's mistake. */
const INTERNAL_EXTENSIONS = ['serviceName', 'stacktrace', 'exception', 'response'];

/**
 * The gateway's formatError. A coded error from our public set passes through, whichever
 * subgraph raised it; anything else (an uncoded throw, a subgraph's INTERNAL_SERVER_ERROR,
 * a subgraph that answered with an HTTP error or could not be reached) is logged and masked by
 * the kernel's maskError. Internal extensions are removed from both.
 */
export function gatewayErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const extensions = formatted.extensions ?? {};
    const code = extensions.code;
    // `response` is set when a subgraph answered with a non-2xx status: even a 401 there means
    // the gateway and the subgraph disagree (secrets, clocks), which is ours to fix.
    const fromFailedFetch = extensions.response !== undefined;
    if (typeof code === 'string' && PUBLIC_ERROR_CODES.has(code) && !fromFailedFetch) {
      return withoutInternals(formatted);
    }
    if (isRequestRefusal(error)) {
      return { message: formatted.message, extensions: { code: BAD_REQUEST } };
    }
    const serviceName = extensions.serviceName;
    const log = typeof serviceName === 'string' ? logger.child({ subgraph: serviceName }) : logger;
    // The kernel keeps only its own AppErrors and request codes; a subgraph's error is neither.
    return withoutInternals(maskError(log)(formatted, error));
  };
}

/**
 * Apollo Server's own refusal of a malformed request that it left uncoded (a persisted-query
 * hash that does not match the query, an unsupported persisted-query version): it set a 4xx
 * HTTP status, so it describes the client's request, not our internals.
 */
function isRequestRefusal(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('extensions' in error)) return false;
  const extensions = (error as { extensions?: { code?: unknown; http?: { status?: unknown } } })
    .extensions;
  const status = extensions?.http?.status;
  return (
    extensions?.code === undefined && typeof status === 'number' && status >= 400 && status < 500
  );
}

function withoutInternals(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (!formatted.extensions) return formatted;
  const extensions = { ...formatted.extensions };
  for (const key of INTERNAL_EXTENSIONS) delete extensions[key];
  return { ...formatted, extensions };
}
