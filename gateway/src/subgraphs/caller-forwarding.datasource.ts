import { randomUUID } from 'node:crypto';
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
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

type GatewayGraphQLResponse = Awaited<ReturnType<GraphQLDataSource['process']>>;

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

/** Fetch failures that mean "not there right now": a 503 for the client, never an INTERNAL error. */
async function send(url: string, headers: Record<string, string>, body: string) {
  const signal = operationSignal();
  try {
    return await subgraphFetch(url, { headers, body, signal: signal ?? null });
  } catch (error) {
    // The time budget's abort is its own answer (504); a refused or dropped connection is not.
    if (signal?.aborted || !isUnreachable(error)) throw error;
    throw serviceUnavailable();
  }
}

/** A subgraph's non-2xx answer, as Apollo's RemoteGraphQLDataSource reports one. */
function httpError(url: string, status: number, statusText: string, body: string): GraphQLError {
  const code = status === 401 ? 'UNAUTHENTICATED' : status === 403 ? 'FORBIDDEN' : undefined;
  return new GraphQLError(`${status}: ${statusText}`, {
    extensions: { ...(code ? { code } : {}), response: { url, status, statusText, body } },
  });
}

/**
 * Sends every subgraph fetch with the caller signed by the shared secret (subgraphs refuse
 * requests without it, signed once per client request), the request's trace id and trace
 * context, over the kept-alive node:http pool, and times it into
 * `gateway_subgraph_fetch_duration_seconds{subgraph,outcome}`. A data source of its own rather
 * than Apollo's RemoteGraphQLDataSource: that one builds node-fetch Headers and a Request per
 * fetch that nothing here reads, and honours subgraph Cache-Control hints the platform does not
 * give (no CDN caches its answers), a measurable share of a nested query's CPU.
 */
export class CallerForwardingDataSource implements GraphQLDataSource<GatewayContext> {
  private readonly url: string;
  private readonly callerSecret: string;
  private readonly subgraph: string;
  private readonly metrics = gatewayMetrics();

  constructor(options: { url: string; callerSecret: string; name?: string }) {
    this.url = options.url;
    this.callerSecret = options.callerSecret;
    this.subgraph = options.name ?? 'unknown';
  }

  /** ok: an answer without errors; error: GraphQL errors; failed: no answer or an HTTP error. */
  async process(
    options: GraphQLDataSourceProcessOptions<GatewayContext>,
  ): Promise<GatewayGraphQLResponse> {
    const started = performance.now();
    try {
      const response = await this.fetch(options);
      const outcome = response.errors?.length ? 'error' : 'ok';
      this.metrics.subgraphFetch(this.subgraph, outcome, (performance.now() - started) / 1000);
      return response;
    } catch (error) {
      this.metrics.subgraphFetch(this.subgraph, 'failed', (performance.now() - started) / 1000);
      throw error;
    }
  }

  private async fetch({
    request,
    context,
  }: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    if (!request.query) throw new Error('Missing query');
    const { http: _http, query, ...rest } = request;
    const answer = await send(
      this.url,
      this.headersFor(context),
      JSON.stringify({ query, ...rest }),
    );
    if (UNAVAILABLE_STATUSES.has(answer.status)) throw serviceUnavailable();
    if (answer.status < 200 || answer.status > 299) {
      throw httpError(this.url, answer.status, answer.statusText, answer.body);
    }
    const body: unknown = /^application\/(graphql-response\+)?json/.test(answer.contentType)
      ? JSON.parse(answer.body)
      : answer.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new Error(`Expected JSON response body, but received: ${String(body).slice(0, 200)}`);
    }
    return body;
  }

  private headersFor(context: GraphQLDataSourceProcessOptions<GatewayContext>['context']) {
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
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      [CALLER_HEADER]: signature,
      [TRACE_HEADER]: signed.traceId,
    };
    // The active span is Apollo's `gateway.fetch`: the subgraph's server span continues it.
    injectTraceHeaders(headers);
    return headers;
  }
}
