import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { Counter, Histogram } from 'prom-client';
import { REQUEST_BUCKETS } from './http-metrics.js';
import {
  BoundedLabel,
  MAX_OPERATION_NAMES,
  errorCodeLabel,
  operationLabel,
} from './metric-labels.js';
import type { ServiceMetrics } from './metrics.registry.js';
import { annotateActiveSpan } from '../tracing/trace-spans.js';

/** Distinct error codes labelled per process: the fixed code set is far smaller. */
const MAX_ERROR_CODES = 100;

export type OperationOutcome = 'ok' | 'error';

/**
 * `graphql_operation_duration_seconds{operation,type,outcome}` and
 * `graphql_errors_total{code}`, with the operation name and the code bounded (metric-labels).
 */
export class GraphQLMetrics {
  private readonly names = new BoundedLabel(MAX_OPERATION_NAMES);
  private readonly codes = new BoundedLabel(MAX_ERROR_CODES);
  // Children by label values: the hot path skips prom-client's label validation.
  private readonly timers = new Map<string, { observe(value: number): void }>();
  private readonly counters = new Map<string, { inc(): void }>();

  constructor(
    private readonly duration: Histogram<'operation' | 'type' | 'outcome'>,
    private readonly errors: Counter<'code'>,
  ) {}

  /** `type`: query, mutation or subscription; anything else (unparsed) is `unknown`. */
  observe(
    name: string | null | undefined,
    type: string | undefined,
    outcome: OperationOutcome,
    seconds: number,
  ): void {
    const operation = operationLabel(this.names, name);
    const kind =
      type === 'query' || type === 'mutation' || type === 'subscription' ? type : 'unknown';
    const key = `${operation} ${kind} ${outcome}`;
    let timer = this.timers.get(key);
    if (!timer) {
      timer = this.duration.labels(operation, kind, outcome);
      this.timers.set(key, timer);
    }
    timer.observe(seconds);
  }

  /** One error sent to a client, by its `extensions.code`. */
  countError(code: unknown): void {
    const label = errorCodeLabel(this.codes, code);
    let counter = this.counters.get(label);
    if (!counter) {
      counter = this.errors.labels(label);
      this.counters.set(label, counter);
    }
    counter.inc();
  }
}

/** The service's GraphQL instruments (one set per registry). */
export function graphqlMetrics(metrics: ServiceMetrics): GraphQLMetrics {
  return metrics.part(
    'graphql',
    (registry) =>
      new GraphQLMetrics(
        new Histogram({
          name: 'graphql_operation_duration_seconds',
          help: 'GraphQL operations by name (bounded), type and outcome, in seconds.',
          labelNames: ['operation', 'type', 'outcome'],
          buckets: REQUEST_BUCKETS,
          registers: [registry],
        }),
        new Counter({
          name: 'graphql_errors_total',
          help: 'Errors sent in GraphQL responses, by extensions.code.',
          labelNames: ['code'],
          registers: [registry],
        }),
      ),
  );
}

export interface GraphQLMetricsPluginOptions {
  /**
   * Count the response's errors by code (default). Off where the server counts them itself,
   * together with the errors it answers before Apollo runs (the gateway's refusals).
   */
  countErrors?: boolean;
}

/**
 * Times every operation Apollo serves, from the request's start until its response is sent,
 * by the name of the operation it resolved (a document's own name, never the client's claim).
 */
export function graphqlMetricsPlugin<TContext extends BaseContext>(
  metrics: ServiceMetrics,
  options: GraphQLMetricsPluginOptions = {},
): ApolloServerPlugin<TContext> {
  const instruments = graphqlMetrics(metrics);
  const countErrors = options.countErrors ?? true;
  return {
    requestDidStart: () => {
      const started = performance.now();
      return Promise.resolve({
        willSendResponse: ({ operationName, operation, response }) => {
          const body = response.body;
          const errors =
            body.kind === 'single' ? body.singleResult.errors : body.initialResult.errors;
          annotateActiveSpan({
            'graphql.operation.name': operationName ?? '',
            ...(operation ? { 'graphql.operation.type': operation.operation } : {}),
            ...(errors && errors.length > 0
              ? {
                  'graphql.error.codes': errors.map((e) =>
                    typeof e.extensions?.code === 'string' ? e.extensions.code : 'UNKNOWN',
                  ),
                }
              : {}),
          });
          instruments.observe(
            operationName,
            operation?.operation,
            errors && errors.length > 0 ? 'error' : 'ok',
            (performance.now() - started) / 1000,
          );
          if (countErrors && errors) {
            for (const error of errors) instruments.countError(error.extensions?.code);
          }
          return Promise.resolve();
        },
      });
    },
  };
}
