import { randomUUID } from 'node:crypto';
import { type GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { CALLER_HEADER, anonymousCaller, injectTraceHeaders, signCaller } from '@bloom/kernel';
import type { GatewayContext } from '../gateway.context.js';
import { TRACE_HEADER } from '../http/trace-id.js';
import { operationSignal } from '../limits/time-budget.executor.js';
import { SERVICE_UNAVAILABLE } from '../errors/gateway-error-codes.js';
import { gatewayMetrics } from '../metrics/gateway.metrics.js';
import { subgraphFetch } from './subgraph-http.fetcher.js';

/** How long a client should wait before retrying a request a restarting subgraph refused. */
export const RETRY_AFTER_SECONDS = 2;

/** Connection failures (the socket's code, on the error or its `cause`): the subgraph is not there. */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_CLOSED',
]);

/** A subgraph (or the proxy in front of it) saying it cannot serve right now. */
const UNAVAILABLE_STATUSES = new Set([502, 503, 504]);

function isUnreachable(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && UNREACHABLE_CODES.has(code)) return true;
  }
  return false;
}

function serviceUnavailable(): GraphQLError {
  // The HTTP status and Retry-After are set by serviceUnavailablePlugin, which sees the data.
  return new GraphQLError(
    'Part of the service is restarting. Try again in a moment; repeating the same request is safe.',
    { extensions: { code: SERVICE_UNAVAILABLE, retryAfterSeconds: RETRY_AFTER_SECONDS } },
  );
}

/**
 * Each fetch over the kept-alive node:http pool (subgraph-http.fetcher.ts), carrying the
 * operation's abort signal: an operation past its time budget stops waiting on its subgraphs.
 */
const keepAliveFetch: RemoteGraphQLDataSource['fetcher'] = async (url, init) => {
  const signal = operationSignal();
  let response: Awaited<ReturnType<RemoteGraphQLDataSource['fetcher']>>;
  try {
    response = await subgraphFetch(url, { ...init, signal: signal ?? null });
  } catch (error) {
    // The time budget's abort is its own answer (504); a refused or dropped connection is not.
    if (signal?.aborted || !isUnreachable(error)) throw error;
    throw serviceUnavailable();
  }
  if (UNAVAILABLE_STATUSES.has(response.status)) throw serviceUnavailable();
  return response;
};

/**
 * Sends every subgraph fetch with the caller signed by the shared secret (subgraphs refuse
 * requests without it) and the request's trace id, and times it into
 * `gateway_subgraph_fetch_duration_seconds{subgraph,outcome}`.
 */
export class CallerForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly callerSecret: string;
  private readonly subgraph: string;
  private readonly metrics = gatewayMetrics();

  constructor(options: { url: string; callerSecret: string; name?: string }) {
    super({ url: options.url, fetcher: keepAliveFetch });
    this.callerSecret = options.callerSecret;
    this.subgraph = options.name ?? 'unknown';
  }

  /** ok: an answer without errors; error: GraphQL errors; failed: no answer or an HTTP error. */
  override async process(
    options: GraphQLDataSourceProcessOptions<GatewayContext>,
  ): ReturnType<RemoteGraphQLDataSource<GatewayContext>['process']> {
    const started = performance.now();
    try {
      const response = await super.process(options);
      const outcome = response.errors?.length ? 'error' : 'ok';
      this.metrics.subgraphFetch(this.subgraph, outcome, (performance.now() - started) / 1000);
      return response;
    } catch (error) {
      this.metrics.subgraphFetch(this.subgraph, 'failed', (performance.now() - started) / 1000);
      throw error;
    }
  }

  override willSendRequest({
    request,
    context,
  }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    // Apollo's own health checks and schema loads have no client request, so no caller.
    const requestContext = context as Partial<GatewayContext>;
    const { caller, traceId } = requestContext;
    const signed = caller ?? anonymousCaller(traceId ?? randomUUID());
    // Signed once per request, however many subgraph fetches its plan makes.
    let signature = requestContext.signedCaller;
    if (signature === undefined) {
      signature = signCaller(signed, this.callerSecret);
      if (caller) requestContext.signedCaller = signature;
    }
    request.http?.headers.set(CALLER_HEADER, signature);
    request.http?.headers.set(TRACE_HEADER, signed.traceId);
    // The active span is Apollo's `gateway.fetch`: the subgraph's server span continues it.
    const propagated: Record<string, string> = {};
    injectTraceHeaders(propagated);
    for (const [name, value] of Object.entries(propagated)) request.http?.headers.set(name, value);
  }
}
