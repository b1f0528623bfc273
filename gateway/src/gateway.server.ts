import { readFile } from 'node:fs/promises';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer, type ApolloServerOptions } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import {
  ErrorCode,
  EventBus,
  type Logger,
  type Service,
  createHttpShell,
  createLogger,
  graphqlMetricsPlugin,
  handleGraphQLRequest,
  sendJson,
  serviceMetrics,
  serviceOf,
  serviceVersion,
} from '@bloom/kernel';
import { accessTable } from './access/access.table.js';
import { ApiKeyResolver } from './auth/api-key.resolver.js';
import { followRevocations } from './auth/revocation.follower.js';
import { RevocationList } from './auth/revocation.list.js';
import { type Rejection, createEdgeAuthenticator } from './auth/edge.authenticator.js';
import { createJwtVerifier } from './auth/jwt.verifier.js';
import { TokenBucketLimiter } from './auth/token-bucket.limiter.js';
import { gatewayErrorFormatter } from './errors/error.formatter.js';
import { requestMistakesPlugin } from './errors/request-mistakes.plugin.js';
import { serviceUnavailablePlugin } from './errors/service-unavailable.plugin.js';
import { createExplorerHandler } from './explorer/explorer.handler.js';
import type { GatewayConfig } from './gateway.config.js';
import type { GatewayContext, RequestOutcome } from './gateway.context.js';
import { handleCors } from './http/cors.js';
import { createImagesProxy } from './http/images.proxy.js';
import { requestOutcomePlugin } from './http/request-outcome.plugin.js';
import { TRACE_HEADER, traceIdFrom } from './http/trace-id.js';
import { createClientKeyReader } from './limits/client-key.reader.js';
import { type ComplexityLimits, complexityLimitPlugin } from './limits/complexity-limit.plugin.js';
import { fieldSubgraphsTable } from './limits/field-subgraphs.table.js';
import { withTimeBudget } from './limits/time-budget.executor.js';
import {
  GATEWAY_METRIC_ROUTES,
  GATEWAY_SERVICE,
  gatewayMetrics,
} from './metrics/gateway.metrics.js';
import { OPS_HEALTH_PATH, createOpsHealthHandler } from './ops/ops-health.handler.js';
import { createPlatformHealthProbe } from './ops/platform-health.probe.js';
import { withAliasGuard } from './planning/alias-guard.executor.js';
import {
  type Refusal,
  trustedDocumentsGuard,
} from './trusted-documents/trusted-documents.guard.js';
import { loadTrustedDocuments } from './trusted-documents/trusted-documents.list.js';
import { trustedDocumentsPlugin } from './trusted-documents/trusted-documents.plugin.js';
import { CallerForwardingDataSource } from './subgraphs/caller-forwarding.datasource.js';
import { probeSubgraphs } from './subgraphs/readiness.probe.js';
import { type LiveServer, startLiveServer } from './subscriptions/live.server.js';
import { subgraphEndpoints } from './subgraphs/subgraph.registry.js';

export interface GatewayDeps {
  logger?: Logger;
  /** The composed supergraph; read from SUPERGRAPH_PATH when absent. */
  supergraphSdl?: string;
}

export interface GatewayServer extends Service {
  readonly httpServer: Server;
  /** graphql-ws subscriptions on the same /graphql, once listening. */
  readonly live: LiveServer;
}

/** Paths polled by orchestrators every few seconds: logged at debug level only. */
const PROBE_PATHS = new Set(['/health', '/ready', '/metrics']);

/**
 * The public entry point: authenticates callers at the edge, enforces limits, plans operations
 * over the static supergraph and forwards them to subgraphs with the caller signed. Runs on the
 * kernel's HTTP shell like every subgraph; not listening yet.
 */
export async function buildGateway(
  config: GatewayConfig,
  deps: GatewayDeps = {},
): Promise<GatewayServer> {
  const startedAtMs = Date.now();
  const version = serviceVersion(import.meta.url, config.BUILD_COMMIT);
  const logger = deps.logger ?? createLogger({ service: 'gateway', level: config.LOG_LEVEL });
  const supergraphSdl = deps.supergraphSdl ?? (await readSupergraph(config.SUPERGRAPH_PATH));
  const subgraphs = subgraphEndpoints(supergraphSdl, config.SUBGRAPH_URLS);
  const subgraphUrls = new Map(subgraphs.map(({ name, url }) => [name, url]));
  // Without identity (a supergraph of other subgraphs, as in bench/gateway-peers) API keys
  // cannot be resolved, and requests carrying one are refused.
  const identityUrl = subgraphUrls.get('identity');
  const trustedDocuments = await loadTrustedDocuments(config.TRUSTED_DOCUMENTS_PATH);
  const trusted =
    config.TRUSTED_DOCUMENTS === 'enforce' ? trustedDocumentsGuard(trustedDocuments) : undefined;

  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) =>
      new CallerForwardingDataSource({
        name,
        url: subgraphUrls.get(name) ?? url ?? '',
        callerSecret: config.CALLER_SIGNING_SECRET,
      }),
    logger: apolloLogger(logger),
  });
  // The schema clients see; graphql-ws validates subscriptions against it.
  let apiSchema: GraphQLSchema | undefined;
  gateway.onSchemaLoadOrUpdate(({ apiSchema: loaded }) => {
    apiSchema = loaded;
  });
  const limits: ComplexityLimits = {
    maxDepth: config.MAX_QUERY_DEPTH,
    maxCost: config.MAX_QUERY_COST,
    fieldSubgraphs: fieldSubgraphsTable(supergraphSdl),
  };
  const apollo = new ApolloServer<GatewayContext>({
    gateway: withTimeBudget(withAliasGuard(gateway), config.REQUEST_TIME_BUDGET_MS),
    formatError: gatewayErrorFormatter(logger),
    includeStacktraceInErrorResponses: false,
    // The explorer needs introspection; without it, clients use schema/supergraph.graphql.
    introspection: config.EXPLORER,
    // Persisted queries (APQ) stay on with Apollo's default bounded in-memory cache.
    // Credentials travel only in headers (bearer token, API key), never in cookies, so a
    // cross-site GET carries none and CSRF prevention would only refuse plain cacheable GET
    // queries (mutations over GET stay refused by Apollo). See docs/adr/0007.
    csrfPrevention: false,
    stopOnTerminationSignals: false,
    logger: apolloLogger(logger),
    plugins: [
      // Apollo's own landing page loads from a CDN; /explorer is served locally instead.
      ApolloServerPluginLandingPageDisabled(),
      trustedDocumentsPlugin(trustedDocuments),
      complexityLimitPlugin(limits),
      requestOutcomePlugin(),
      // Errors are counted with the request's other refusals, when its response closes.
      graphqlMetricsPlugin(serviceMetrics(GATEWAY_SERVICE), { countErrors: false }),
      requestMistakesPlugin(),
      serviceUnavailablePlugin(),
    ],
  });
  await apollo.start();

  // Every replica follows identity's revocations itself, from the retention window on, and
  // serves only once it has caught up: a restarted gateway never forgets a revoked session.
  const retentionMs = config.REVOCATION_RETENTION_MINUTES * 60_000;
  const revocations = new RevocationList(retentionMs);
  const bus = await EventBus.connect({
    servers: config.NATS_URL,
    namespace: config.EVENT_NAMESPACE,
    name: 'gateway-revocations',
    logger,
  });
  try {
    await (
      await followRevocations(bus, revocations, retentionMs)
    ).caughtUp;
  } catch (error) {
    await bus.close();
    await apollo.stop();
    throw error;
  }
  const metrics = gatewayMetrics();
  const apiKeyLimiter = new TokenBucketLimiter({
    perMinute: config.API_KEY_RATE_LIMIT_PER_MINUTE,
    onRefused: () => metrics.rateLimited('api_key'),
  });
  const anonymousLimiter = new TokenBucketLimiter({
    perMinute: config.ANONYMOUS_RATE_LIMIT_PER_MINUTE,
    onRefused: () => metrics.rateLimited('anonymous'),
  });
  const authenticate = createEdgeAuthenticator({
    verifyJwt: createJwtVerifier({
      secret: config.JWT_SECRET,
      issuer: config.JWT_ISSUER,
      audience: config.JWT_AUDIENCE,
    }),
    apiKeys:
      identityUrl === undefined
        ? undefined
        : new ApiKeyResolver({ identityUrl, callerSecret: config.CALLER_SIGNING_SECRET }),
    apiKeyLimiter,
    anonymousLimiter,
    revocations,
  });
  const clientKeyOf = createClientKeyReader({
    header: config.TRUSTED_PROXY_HEADER,
    trustedProxies: config.TRUSTED_PROXIES,
  });
  const explorer = config.EXPLORER ? createExplorerHandler() : undefined;
  const productsUrl = subgraphUrls.get('products');
  // Images and uploads are served on the public origin too, so their URLs are relative.
  const images = productsUrl ? createImagesProxy({ productsUrl, logger }) : undefined;
  const opsHealth = createOpsHealthHandler({
    authenticate,
    probe: createPlatformHealthProbe({
      subgraphs,
      version,
      startedAtMs,
      streamLag: () => bus.streamLag(),
    }),
  });
  let live: LiveServer | undefined;

  const graphql = async (req: IncomingMessage, res: ServerResponse, outcome: RequestOutcome) => {
    const traceId = traceIdOf(res);
    const authentication = await authenticate(req.headers, traceId, clientKeyOf(req));
    if (!authentication.ok) {
      outcome.errorCodes = [authentication.rejection.code];
      return sendRejection(res, authentication.rejection);
    }
    const { caller } = authentication;
    for (const [name, value] of Object.entries(authentication.headers ?? {})) {
      res.setHeader(name, value);
    }
    outcome.callerKind = caller.kind;
    const context: GatewayContext = { caller, traceId, outcome };
    await handleGraphQLRequest(apollo, req, res, () => Promise.resolve(context), {
      screen:
        trusted &&
        ((request) => {
          const refusal = trusted.screen(caller, request);
          if (!refusal) return undefined;
          outcome.operationName = refusal.operationName;
          outcome.errorCodes = [refusal.code];
          return { status: refusal.status, body: refusalBody(refusal) };
        }),
    });
  };

  const outcomes = new WeakMap<ServerResponse, RequestOutcome>();
  const shell = createHttpShell({
    name: GATEWAY_SERVICE,
    version,
    metricRoutes: GATEWAY_METRIC_ROUTES,
    logger,
    readiness: () => probeSubgraphs(subgraphs),
    // Trace id, CORS and one log line for every request, probes included.
    around: async (req, res, next) => {
      const started = performance.now();
      const traceId = traceIdFrom(req.headers[TRACE_HEADER]);
      res.setHeader(TRACE_HEADER, traceId);
      const outcome: RequestOutcome = { errorCodes: [] };
      outcomes.set(res, outcome);
      res.once('close', () => {
        const path = (req.url ?? '/').split('?')[0] ?? '/';
        const line = {
          traceId,
          method: req.method,
          path,
          status: res.statusCode,
          durationMs: Math.round((performance.now() - started) * 10) / 10,
          callerKind: outcome.callerKind,
          operationName: outcome.operationName,
          errorCodes: outcome.errorCodes,
          ...(res.writableFinished ? {} : { aborted: true }),
        };
        if (PROBE_PATHS.has(path)) logger.debug('request', line);
        else logger.info('request', line);
        for (const code of outcome.errorCodes) metrics.graphql.countError(code);
      });
      if (handleCors(req, res, config.CORS_ORIGINS)) return;
      try {
        await next();
      } catch (error) {
        outcome.errorCodes = [ErrorCode.INTERNAL_SERVER_ERROR];
        throw error;
      }
    },
    handle: async (req, res) => {
      const path = new URL(req.url ?? '/', 'http://gateway').pathname;
      if (path === '/graphql') {
        await graphql(req, res, outcomes.get(res) ?? { errorCodes: [] });
        return true;
      }
      if (path === OPS_HEALTH_PATH) {
        await opsHealth(req, res, traceIdOf(res));
        return true;
      }
      if (images && (await images(req, res, path))) return true;
      return explorer ? explorer(path, res) : false;
    },
    onListening: async (httpServer) => {
      live = await startLiveServer({
        httpServer,
        path: '/graphql',
        schema: () => apiSchema,
        authenticate,
        execute: async (query, variables, caller) => {
          const response = await apollo.executeOperation(
            { query, variables },
            { contextValue: { caller, traceId: caller.traceId, outcome: { errorCodes: [] } } },
          );
          return response.body.kind === 'single' ? response.body.singleResult : { errors: [] };
        },
        nats: { servers: config.NATS_URL, namespace: config.EVENT_NAMESPACE },
        access: accessTable(supergraphSdl),
        revocations,
        // An operation on a socket costs what the same request over HTTP costs.
        clientKeyOf,
        rateLimit: (caller) => {
          const decision =
            caller.kind === 'integrator' && caller.apiKeyId
              ? apiKeyLimiter.take(caller.apiKeyId)
              : caller.kind === 'anonymous' && caller.clientAddress
                ? anonymousLimiter.take(caller.clientAddress)
                : undefined;
          return decision && !decision.allowed ? decision.retryAfterSeconds : undefined;
        },
        limits,
        screen: trusted && ((caller, query) => trusted.refusalFor(caller, query)),
        logger: logger.child({ component: 'live' }),
      });
      logger.info('routing', {
        subgraphs: Object.fromEntries(subgraphUrls),
        explorer: config.EXPLORER,
        trustedDocuments: { mode: config.TRUSTED_DOCUMENTS, operations: trustedDocuments.size },
      });
    },
    onDraining: async () => {
      await live?.close();
    },
    onClose: async () => {
      await apollo.stop();
      await bus.close();
    },
  });
  return serviceOf(
    shell,
    { port: config.PORT, host: config.HOST },
    {
      httpServer: shell.server,
      get live(): LiveServer {
        if (!live) throw new Error('the gateway is not listening yet');
        return live;
      },
    },
  );
}

/** The trace id the request wrapper set on the response. */
function traceIdOf(res: ServerResponse): string {
  const value = res.getHeader(TRACE_HEADER);
  return typeof value === 'string' ? value : '';
}

async function readSupergraph(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `Cannot read the supergraph at ${path} (${reason}). Run npm run schema:compose.`,
    );
  }
}

function refusalBody({ code, message }: Refusal) {
  return { errors: [{ message, extensions: { code } }] };
}

function sendRejection(res: ServerResponse, rejection: Rejection): void {
  for (const [name, value] of Object.entries(rejection.headers ?? {})) res.setHeader(name, value);
  sendJson(res, rejection.status, {
    errors: [{ message: rejection.message, extensions: { code: rejection.code } }],
  });
}

/** Apollo's loggers take loose arguments; ours take a message and fields. */
function apolloLogger(logger: Logger): NonNullable<ApolloServerOptions<GatewayContext>['logger']> {
  const text = (args: unknown[]) => args.map(String).join(' ');
  return {
    debug: (...args: unknown[]) => logger.debug(text(args)),
    info: (...args: unknown[]) => logger.info(text(args)),
    warn: (...args: unknown[]) => logger.warn(text(args)),
    error: (...args: unknown[]) => logger.error(text(args)),
  };
}
