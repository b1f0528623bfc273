import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type BaseContext } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLFormattedError, GraphQLSchema } from 'graphql';
import { CALLER_HEADER, type Caller, verifyCaller } from '../caller/caller.js';
import { AppError, ErrorCode } from '../errors/errors.js';
import type { Logger } from '../logging/logger.js';
import { concurrentUpdateConflict, isConcurrentUpdate } from '../orm/revision.js';
import { handleGraphQLRequest, sendJson } from './apollo-http.js';

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
  schema: GraphQLSchema;
  callerSecret: string;
  logger: Logger;
  /** Builds the per-request context (an EntityManager fork, loaders...) for a verified caller. */
  createContext: (caller: Caller) => TContext | Promise<TContext>;
  /** Throws when a dependency (database, broker) is not usable. */
  readiness?: () => Promise<void>;
  /** Releases the service's resources after the HTTP server has stopped. */
  onClose?: () => Promise<void>;
  /**
   * Extra plain-HTTP routes (e.g. image upload and download), tried before the 404. Returns
   * true when it took the request; it is not behind the gateway signature, so each route
   * authenticates on its own terms.
   */
  routes?: (req: IncomingMessage, res: ServerResponse) => boolean;
}

export interface RunningServer {
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

/**
 * A federated subgraph over plain node:http: POST /graphql (only with a valid gateway
 * signature), GET /health (process alive) and GET /ready (dependencies usable).
 */
export async function startSubgraphServer<TContext extends BaseContext>(
  options: SubgraphServerOptions<TContext>,
  listen: { port: number; host: string },
): Promise<RunningServer> {
  const apollo = new ApolloServer<TContext>({
    schema: options.schema,
    formatError: maskError(options.logger),
    includeStacktraceInErrorResponses: false,
    csrfPrevention: false,
    introspection: true,
    // Traces go to our own logs; Apollo's hosted reporting is not used.
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  await apollo.start();

  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/health') return sendJson(res, 200, { status: 'ok', service: options.name });
    if (path === '/ready') {
      void (options.readiness?.() ?? Promise.resolve()).then(
        () => sendJson(res, 200, { status: 'ready', service: options.name }),
        (error: unknown) => {
          options.logger.warn('not ready', { error });
          sendJson(res, 503, { status: 'unavailable', service: options.name });
        },
      );
      return;
    }
    if (path !== '/graphql') {
      if (options.routes?.(req, res)) return;
      return sendJson(res, 404, { error: 'not found' });
    }
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
    handleGraphQLRequest(apollo, req, res, async () => options.createContext(caller)).catch(
      (error: unknown) => {
        options.logger.error('request failed', { error, traceId: caller.traceId });
        if (!res.headersSent) {
          sendJson(res, 500, {
            errors: [
              { message: 'Internal error.', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } },
            ],
          });
        } else res.end();
      },
    );
  });
  // Gateways keep connections to subgraphs alive; outlive their idle timeout.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listen.port, listen.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  options.logger.info('listening', { url: `http://${listen.host}:${port}/graphql` });

  let closing: Promise<void> | undefined;
  return {
    url: `http://${listen.host}:${port}/graphql`,
    port,
    server,
    close: () => {
      closing ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections();
        });
        await apollo.stop();
        await options.onClose?.();
      })();
      return closing;
    },
  };
}

/** The readiness every subgraph reports: its database answers and its NATS connection is open. */
export function databaseAndBusReadiness(
  db: { command(command: Record<string, unknown>): Promise<unknown> },
  bus: { connection: { isClosed(): boolean } },
): () => Promise<void> {
  return async () => {
    await db.command({ ping: 1 });
    if (bus.connection.isClosed()) throw new Error('NATS connection closed');
  };
}

/** SIGINT/SIGTERM close the service cleanly once; a second signal exits at once. */
export function closeOnSignals(close: () => Promise<void>, logger: Logger): void {
  let stopping = false;
  const onSignal = (signal: string) => {
    if (stopping) process.exit(1);
    stopping = true;
    logger.info('shutting down', { signal });
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error('shutdown failed', { error });
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => onSignal('SIGINT'));
  process.once('SIGTERM', () => onSignal('SIGTERM'));
}
