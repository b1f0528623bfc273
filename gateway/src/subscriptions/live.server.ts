import type { IncomingHttpHeaders, IncomingMessage, Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import {
  type AccessRule,
  AppError,
  type Caller,
  ErrorCode,
  type Logger,
  checkAccess,
} from '@bloom/kernel';
import {
  LIVE_SUBJECTS,
  liveAuditEntrySchema,
  liveNoticeSchema,
  liveOrderStatusSchema,
  liveRestockSchema,
} from '@bloom/schema';
import { type NatsConnection, type Subscription, connect } from '@nats-io/transport-node';
import {
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type FormattedExecutionResult,
  type FragmentDefinitionNode,
  GraphQLError,
  type GraphQLSchema,
  OperationTypeNode,
  Kind,
  getOperationAST,
  parse,
  print,
  validate,
} from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { decodeJwt } from 'jose';
import { type WebSocket, WebSocketServer } from 'ws';
import type { Authentication, Credential } from '../auth/edge.authenticator.js';
import type { Revocation, RevocationList } from '../auth/revocation.list.js';
import { QUERY_TOO_COMPLEX } from '../errors/gateway-error-codes.js';
import type { ComplexityLimits } from '../limits/complexity-limit.plugin.js';
import { measureComplexity } from '../limits/complexity.calculator.js';
import { gatewayMetrics } from '../metrics/gateway.metrics.js';
import { type FederatedExecutor, LiveHub } from './live.hub.js';
import type { LiveSink } from './live.subscription.js';
import { type LiveOperation, planLiveOperation } from './live-operation.js';

export interface LiveServerOptions {
  httpServer: Server;
  path: string;
  /** The schema clients see (the supergraph's API schema), once the gateway has loaded it. */
  schema: () => GraphQLSchema | undefined;
  authenticate: (
    headers: IncomingHttpHeaders,
    traceId: string,
    clientKey?: string,
  ) => Promise<Authentication>;
  /** The client's address as the HTTP path reads it (socket peer or trusted proxy header). */
  clientKeyOf?: (request: IncomingMessage) => string | undefined;
  execute: FederatedExecutor;
  nats: { servers: string; namespace: string };
  /** Root fields' access rules (from the supergraph); subscriptions are checked here. */
  access: ReadonlyMap<string, AccessRule>;
  /** Revocations close the sockets they name within moments, on every replica. */
  revocations?: RevocationList;
  /**
   * Takes one request from the caller's rate limit (every operation on a socket counts like
   * an HTTP request); undefined when allowed, else the seconds to wait.
   */
  rateLimit?: (caller: Caller) => number | undefined;
  /** The HTTP limits, applied to a subscription's selection when it subscribes. */
  limits: ComplexityLimits;
  /** Refuses a document this caller may not send (trusted documents); undefined admits it. */
  screen?: (caller: Caller, query: string) => GraphQLError | undefined;
  logger: Logger;
}

export interface LiveServer {
  hub: LiveHub;
  /** Open WebSocket connections. */
  connections(): number;
  close(): Promise<void>;
}

interface ConnectionState {
  socket: WebSocket;
  caller?: Caller;
  credential?: Credential;
  expiry?: NodeJS.Timeout;
}

/** The close code and reason for a socket a revocation names, or undefined if it names none. */
function closingFor(state: ConnectionState, revocation: Revocation): [number, string] | undefined {
  const { caller, credential } = state;
  if (!caller) return undefined;
  switch (revocation.kind) {
    case 'session':
      return credential?.sessionId === revocation.sessionId
        ? [UNAUTHORIZED, 'The session has ended.']
        : undefined;
    case 'key':
      return credential?.apiKeyId === revocation.apiKeyId
        ? [UNAUTHORIZED, 'The API key was revoked.']
        : undefined;
    case 'user':
      // A person's own sockets and those of their API keys (which act for them).
      return caller.userId === revocation.userId
        ? [FORBIDDEN, 'This account can no longer be used.']
        : undefined;
  }
}

type Prepared =
  { errors: readonly GraphQLError[] } | { document: DocumentNode; live?: LiveOperation };

/** Distinct prepared requests kept; the oldest is forgotten first. */
const PREPARED_CACHE_SIZE = 2_000;

/** Parse, validate against the API schema, apply the limits and plan the payload query. */
function prepareOperation(
  schema: GraphQLSchema,
  query: string,
  operationName: string | null | undefined,
  variables: Record<string, unknown>,
  limits: ComplexityLimits,
): Prepared {
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch (error) {
    return { errors: [error instanceof GraphQLError ? error : new GraphQLError('Invalid query.')] };
  }
  const errors = validate(schema, document);
  if (errors.length) return { errors };
  const operation = getOperationAST(document, operationName);
  if (!operation) return { errors: [new GraphQLError('Unable to identify operation.')] };
  if (operation.operation !== OperationTypeNode.SUBSCRIPTION) return { document };
  let live: LiveOperation;
  try {
    live = planLiveOperation(document, operation, variables);
  } catch (error) {
    return { errors: [error instanceof GraphQLError ? error : new GraphQLError(String(error))] };
  }
  const fragments = Object.fromEntries(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  const { depth, cost } = measureComplexity({
    schema,
    operation,
    fragments,
    variables,
    fieldSubgraphs: limits.fieldSubgraphs,
  });
  const over =
    depth > limits.maxDepth
      ? { limit: 'depth', measured: depth, maximum: limits.maxDepth }
      : cost > limits.maxCost
        ? { limit: 'cost', measured: cost, maximum: limits.maxCost }
        : undefined;
  if (over) {
    return {
      errors: [
        new GraphQLError(
          `The subscription's ${over.limit} is ${over.measured}, over the limit of ${over.maximum}.`,
          { extensions: { code: QUERY_TOO_COMPLEX, ...over } },
        ),
      ],
    };
  }
  return { document, live };
}

/** graphql-ws serializes errors with toJSON(); Apollo hands back already formatted ones. */
export function toExecutionResult(formatted: FormattedExecutionResult): ExecutionResult {
  const { errors, ...rest } = formatted;
  if (!errors?.length) return rest;
  return {
    ...(rest as ExecutionResult),
    errors: errors.map(
      (e) => new GraphQLError(e.message, { path: e.path, extensions: e.extensions }),
    ),
  };
}

/**
 * Unsent bytes past which a socket's client counts as not keeping up: its further results are
 * dropped (the inbox keeps every notice) rather than held in the gateway's memory.
 */
const MAX_BUFFERED_BYTES = 1 << 20;

/** The socket of one client subscription, as graphql-ws `next` messages for its id. */
function socketSink(socket: WebSocket, id: string): LiveSink {
  const head = `{"id":${JSON.stringify(id)},"type":"next","payload":`;
  return {
    send(resultJson) {
      if (socket.bufferedAmount > MAX_BUFFERED_BYTES) return false;
      socket.send(`${head}${resultJson}}`);
      return true;
    },
  };
}

const UNAUTHORIZED = 4401;
const FORBIDDEN = 4403;

/** connectionParams → the headers the HTTP authenticator reads (same tokens as HTTP). */
function headersFrom(params: Readonly<Record<string, unknown>> | undefined): IncomingHttpHeaders {
  const headers: IncomingHttpHeaders = {};
  if (!params) return headers;
  const pick = (...names: string[]) => {
    for (const name of names) {
      const value = params[name];
      if (typeof value === 'string') return value;
    }
    return undefined;
  };
  const authorization = pick('authorization', 'Authorization');
  const apiKey = pick('x-api-key', 'X-Api-Key', 'apiKey');
  if (authorization !== undefined) headers.authorization = authorization;
  if (apiKey !== undefined) headers['x-api-key'] = apiKey;
  return headers;
}

/**
 * graphql-ws on the gateway's `/graphql` (same HTTP server): callers authenticate in
 * `connection_init` with the same credentials as HTTP; a present but invalid credential closes
 * the socket with 4401 (4403 when refused otherwise). Subscriptions are matched to live
 * messages from core NATS, which every replica receives; queries and mutations sent over the
 * socket run through the federated executor like HTTP ones.
 */
export async function startLiveServer(options: LiveServerOptions): Promise<LiveServer> {
  const { logger } = options;
  const metrics = gatewayMetrics();
  const hub = new LiveHub(options.execute, logger, metrics);
  const nats: NatsConnection = await connect({
    servers: options.nats.servers.split(','),
    name: 'gateway-live',
    maxReconnectAttempts: -1,
  });
  const prefix = options.nats.namespace ? `${options.nats.namespace}.` : '';
  const handlers: Record<string, (data: unknown) => Promise<number>> = {
    [`${prefix}${LIVE_SUBJECTS.notice}`]: (data) => hub.notice(liveNoticeSchema.parse(data)),
    [`${prefix}${LIVE_SUBJECTS.orderStatus}`]: (data) =>
      hub.orderStatus(liveOrderStatusSchema.parse(data)),
    [`${prefix}${LIVE_SUBJECTS.restock}`]: (data) => hub.restock(liveRestockSchema.parse(data)),
    [`${prefix}${LIVE_SUBJECTS.auditEntry}`]: (data) =>
      hub.auditEntry(liveAuditEntrySchema.parse(data)),
  };
  // No queue group: every replica gets every live message and serves its own sockets.
  const subscription: Subscription = nats.subscribe(`${prefix}live.>`, {
    callback: (error, message) => {
      if (error) return logger.error('live subscription failed', { error });
      const handle = handlers[message.subject];
      if (!handle) return;
      let data: unknown;
      try {
        data = message.json();
      } catch (parseError) {
        return logger.warn('live message is not JSON', { subject: message.subject, parseError });
      }
      // A message that breaks its contract is logged, never thrown into the NATS callback.
      Promise.resolve(data)
        .then(handle)
        .catch((handleError: unknown) =>
          logger.error('live message not delivered', { subject: message.subject, handleError }),
        );
    },
  });
  await nats.flush();

  const wss = new WebSocketServer({ server: options.httpServer, path: options.path });
  const states = new WeakMap<object, ConnectionState>();
  const stateOf = (extra: unknown) => states.get(extra as object);
  const open = new Set<ConnectionState>();
  const stopFollowing = options.revocations?.onRevoked((revocation) => {
    for (const state of open) {
      const closing = closingFor(state, revocation);
      if (closing) state.socket.close(...closing);
    }
  });

  /**
   * Parsing, validation, limits and the payload query depend only on the request, not on the
   * caller: thousands of clients sending the same subscription share one prepared entry (and
   * one document in memory) instead of one each.
   */
  const prepared = new Map<string, Prepared>();
  let preparedFor: GraphQLSchema | undefined;
  const prepare = (
    schema: GraphQLSchema,
    query: string,
    operationName: string | null | undefined,
    variables: Record<string, unknown>,
  ): Prepared => {
    if (preparedFor !== schema) {
      prepared.clear();
      preparedFor = schema;
    }
    const key = `${operationName ?? ''}\n${JSON.stringify(variables)}\n${query}`;
    const cached = prepared.get(key);
    if (cached) return cached;
    const entry = prepareOperation(schema, query, operationName, variables, options.limits);
    if (prepared.size >= PREPARED_CACHE_SIZE) {
      prepared.delete(prepared.keys().next().value as string);
    }
    prepared.set(key, entry);
    return entry;
  };

  const runOperation = async (args: ExecutionArgs): Promise<ExecutionResult> => {
    const state = (args.contextValue ?? {}) as { caller?: Caller };
    if (!state.caller) return { errors: [new GraphQLError('Not connected.')] };
    return toExecutionResult(
      await options.execute(print(args.document), args.variableValues ?? {}, state.caller),
    );
  };

  const server = useServer(
    {
      connectionInitWaitTimeout: 5_000,
      onConnect: async (ctx) => {
        const extra = ctx.extra as { socket: WebSocket; request?: IncomingMessage };
        const state: ConnectionState = { socket: extra.socket };
        states.set(ctx.extra, state);
        const clientKey = extra.request && options.clientKeyOf?.(extra.request);
        // The upgrade request (its headers, parser state and buffers) is read only here: let it
        // go instead of holding it, with graphql-ws's context, for the socket's lifetime.
        extra.request = undefined;
        const traceId = `ws-${randomUUID()}`;
        const result = await options.authenticate(
          headersFrom(ctx.connectionParams),
          traceId,
          clientKey,
        );
        if (!result.ok) {
          const code =
            result.rejection.code === ErrorCode.UNAUTHENTICATED ? UNAUTHORIZED : FORBIDDEN;
          extra.socket.close(code, result.rejection.message.slice(0, 120));
          return false;
        }
        state.caller = result.caller;
        state.credential = result.credential;
        open.add(state);
        metrics.liveConnected();
        // An access token stops being valid while the socket is open: close it then, so the
        // client reconnects with a fresh one.
        const token = /^Bearer\s+(\S+)$/i.exec(
          headersFrom(ctx.connectionParams).authorization ?? '',
        )?.[1];
        const exp = token ? decodeJwt(token).exp : undefined;
        if (exp) {
          const delay = exp * 1000 - Date.now();
          state.expiry = setTimeout(
            () => extra.socket.close(UNAUTHORIZED, 'The access token has expired.'),
            Math.max(0, Math.min(delay, 2 ** 31 - 1)),
          );
          state.expiry.unref();
        }
        return true;
      },
      onClose: (ctx, code) => {
        const state = stateOf(ctx.extra);
        // Only connections that were accepted were counted as open.
        if (state && open.delete(state)) metrics.liveDisconnected(code);
        if (state?.expiry) clearTimeout(state.expiry);
      },
      onSubscribe: (ctx, id, payload) => {
        const schema = options.schema();
        const caller = stateOf(ctx.extra)?.caller;
        if (!schema || !caller) return [new GraphQLError('The gateway is not ready.')];
        const retryAfter = options.rateLimit?.(caller);
        if (retryAfter !== undefined) {
          return [
            new AppError(ErrorCode.RATE_LIMITED, `Rate limit exceeded; retry in ${retryAfter} s.`, {
              retryAfterSeconds: retryAfter,
            }),
          ];
        }
        // The same rule as over HTTP, before anything is parsed.
        const refused = options.screen?.(caller, payload.query);
        if (refused) return [refused];
        const variables = payload.variables ?? {};
        const entry = prepare(schema, payload.query, payload.operationName, variables);
        if ('errors' in entry) return [...entry.errors];
        const { document, live } = entry;
        if (live) {
          // Deny by default, like every root field: the gateway serves subscriptions itself.
          const rule = options.access.get(`Subscription.${live.field}`);
          const denied = rule
            ? checkAccess(caller, rule)
            : new AppError(ErrorCode.FORBIDDEN, `${live.field} declares no access rule.`);
          if (denied) return [denied];
        }
        return {
          schema,
          document,
          operationName: payload.operationName,
          variableValues: variables,
          contextValue: { caller, live, sink: socketSink(ctx.extra.socket, id) },
        };
      },
      subscribe: (args) => {
        const { caller, live, sink } = args.contextValue as {
          caller: Caller;
          live: LiveOperation;
          sink: LiveSink;
        };
        return hub.subscribe(caller, live, sink);
      },
      execute: (args) => runOperation(args),
    },
    wss,
  );

  return {
    hub,
    connections: () => wss.clients.size,
    close: async () => {
      stopFollowing?.();
      await server.dispose();
      subscription.unsubscribe();
      if (!nats.isClosed()) await nats.drain();
    },
  };
}
