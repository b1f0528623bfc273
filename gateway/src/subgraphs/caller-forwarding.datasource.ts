import { randomUUID } from 'node:crypto';
import { type GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';
import { CALLER_HEADER, anonymousCaller, signCaller } from '@bloom/kernel';
import type { GatewayContext } from '../gateway.context.js';
import { TRACE_HEADER } from '../http/trace-id.js';
import { operationSignal } from '../limits/time-budget.executor.js';

/**
 * Node's global fetch is undici with a keep-alive connection pool that honours each subgraph's
 * Keep-Alive hint. undici's own Agent (for tuning the pool) is not importable without adding
 * undici as a dependency, so the global dispatcher is used as it is. The fetch carries the
 * operation's abort signal: an operation past its time budget stops waiting on its subgraphs.
 */
const keepAliveFetch: RemoteGraphQLDataSource['fetcher'] = (url, init) =>
  fetch(url, { ...init, signal: operationSignal() ?? null });

/**
 * Sends every subgraph fetch with the caller signed by the shared secret (subgraphs refuse
 * requests without it) and the request's trace id.
 */
export class CallerForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly callerSecret: string;

  constructor(options: { url: string; callerSecret: string }) {
    super({ url: options.url, fetcher: keepAliveFetch });
    this.callerSecret = options.callerSecret;
  }

  override willSendRequest({
    request,
    context,
  }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    // Apollo's own health checks and schema loads have no client request, so no caller.
    const { caller, traceId } = context as Partial<GatewayContext>;
    const signed = caller ?? anonymousCaller(traceId ?? randomUUID());
    request.http?.headers.set(CALLER_HEADER, signCaller(signed, this.callerSecret));
    request.http?.headers.set(TRACE_HEADER, signed.traceId);
  }
}
