import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApolloServer, type BaseContext } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLFormattedError, GraphQLSchema } from 'graphql';
import { CALLER_HEADER, type Caller, verifyCaller } from '../caller/caller.js';
import { AppError, ErrorCode } from '../errors/errors.js';
import type { Logger } from '../logging/logger.js';
import { graphqlMetricsPlugin } from '../metrics/graphql-metrics.js';
import { serviceMetrics } from '../metrics/metrics.registry.js';
import { concurrentUpdateConflict, isConcurrentUpdate } from '../orm/revision.js';
import { handleGraphQLRequest, sendJson } from './apollo-http.js';
import { type HttpShell, type Readiness, createHttpShell } from './http-shell.js';

/** Codes Apollo itself produces for bad requests; they are safe to show as they are. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** Keeps expected, coded errors; replaces anything else with a masked internal error. */
export function maskError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof AppError) return formatted;
    if (isConcurrentUpdate(original)) {
      const { message, extensions } = concurrentUpdateConflict();
      return { message, path: formatted.path, locations: formatted.locations, extensions };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code)) return formatted;
    logger.error('unexpected error', { error: original, path: formatted.path });
    return {
      message: 'Something went wrong on our side. Please try again.',
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}

export interface SubgraphServerOptions<TContext extends BaseContext> {
  name: string;
  /** `serviceVersion(import.meta.url, config.BUILD_COMMIT)`: shown in /ready. */
  version: string;
  schema: GraphQLSchema;
  callerSecret: string;
  logger: Logger;
  /** Builds the per-request context (an EntityManager fork, loaders...) for a verified caller. */
  createContext: (caller: Caller) => TContext | Promise<TContext>;
  /** Whether the dependencies (database, broker) are usable; a throw counts as not. */
  readiness?: () => Promise<Readiness>;
  /** Releases the service's resources after the HTTP server has stopped. */
  onClose?: () => Promise<void>;
  /**
   * Extra plain-HTTP routes (e.g. image upload and download), tried before the 404. Returns
   * true when it took the request; it is not behind the gateway signature, so each route
   * authenticates on its own terms.
   */
  routes?: (req: IncomingMessage, res: ServerResponse) => boolean;
}

/**
 * A federated subgraph on the kernel's HTTP shell: POST /graphql only with a valid gateway
 * signature, plus /health, /ready, /metrics and the service's own routes; every operation is
 * timed by name and its errors counted by code. Not listening yet.
 */
export async function createSubgraphServer<TContext extends BaseContext>(
  options: SubgraphServerOptions<TContext>,
): Promise<HttpShell> {
  const apollo = new ApolloServer<TContext>({
    schema: options.schema,
    formatError: maskError(options.logger),
    includeStacktraceInErrorResponses: false,
    csrfPrevention: false,
    introspection: true,
    // Traces go to our own logs; Apollo's hosted reporting is not used.
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      graphqlMetricsPlugin<TContext>(serviceMetrics(options.name)),
    ],
  });
  await apollo.start();

  const graphql = async (req: IncomingMessage, res: ServerResponse) => {
    let caller: Caller;
    try {
      const header = req.headers[CALLER_HEADER];
      caller = verifyCaller(Array.isArray(header) ? header[0] : header, options.callerSecret);
    } catch (error) {
      const message = error instanceof Error ? error.message : 'Unauthenticated.';
      return sendJson(res, 401, {
        errors: [{ message, extensions: { code: ErrorCode.UNAUTHENTICATED } }],
      });
    }
    await handleGraphQLRequest(apollo, req, res, async () => options.createContext(caller));
  };

  return createHttpShell({
    name: options.name,
    version: options.version,
    logger: options.logger,
    readiness: options.readiness,
    handle: async (req, res) => {
      const path = (req.url ?? '/').split('?')[0];
      if (path === '/graphql') {
        await graphql(req, res);
        return true;
      }
      return options.routes?.(req, res) ?? false;
    },
    onClose: async () => {
      await apollo.stop();
      await options.onClose?.();
    },
  });
}
