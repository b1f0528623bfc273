import { setTimeout as sleep } from 'node:timers/promises';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { type DocumentNode, Kind, type OperationTypeNode, print } from 'graphql';
import { BloomError, type GraphQLErrorEntry } from './bloom.error.js';
import {
  type Connection,
  type PageVariables,
  type PaginateOptions,
  paginateConnection,
} from './pagination.js';
import { type ResponseMeta, readResponseMeta } from './response-meta.js';
import {
  type RetrySettings,
  isRetryableResponse,
  isSafeToRepeat,
  retryDelay,
} from './retry-policy.js';
import { SDK_VERSION } from './sdk-version.js';

export interface BloomClientOptions {
  /** The gateway's GraphQL endpoint, e.g. `https://api.bloom.example/graphql`. */
  url: string;
  /** The integrator's API key, sent as `X-Api-Key`. */
  apiKey: string;
  /** A fetch implementation (default: the global one, Node ≥ 20). */
  fetch?: typeof globalThis.fetch;
  /** Retries after the first attempt on 429 / 503 / SERVICE_UNAVAILABLE (default 3; 0: none). */
  maxRetries?: number;
  /** The longest wait between attempts; a longer Retry-After is not waited for (default 30 s). */
  maxRetryDelayMs?: number;
  /** Sent as `User-Agent`, before the SDK's own token. */
  userAgent?: string;
}

export interface RequestOptions {
  signal?: AbortSignal;
  /** Extra headers for this request (e.g. a `traceparent`). */
  headers?: Record<string, string>;
  /**
   * Whether the operation may be sent again after a retryable failure. By default queries may,
   * and mutations only when their variables carry an `idempotencyKey` (as checkout's input does).
   */
  idempotent?: boolean;
}

export interface BloomResponse<TData> {
  data: TData;
  meta: ResponseMeta;
}

/** The variables argument: optional when the operation has no required variable. */
export type VariablesArgs<TVariables> =
  Record<string, never> extends TVariables
    ? [variables?: TVariables, options?: RequestOptions]
    : [variables: TVariables, options?: RequestOptions];

export interface BloomClient {
  /**
   * Runs an operation and returns its data. Throws a `BloomError` when the response carries
   * GraphQL errors (code, message and path of the first; partial data in `error.data`) or when
   * there is no usable response. Business outcomes come back in the data as result unions:
   * turn them into results with `toResult`.
   */
  request<TData, TVariables>(
    document: TypedDocumentNode<TData, TVariables>,
    ...args: VariablesArgs<TVariables>
  ): Promise<TData>;
  /** `request`, with the response's meta (status, trace id, Retry-After, rate-limit figures). */
  requestWithMeta<TData, TVariables>(
    document: TypedDocumentNode<TData, TVariables>,
    ...args: VariablesArgs<TVariables>
  ): Promise<BloomResponse<TData>>;
  /**
   * Every node of a paginated connection, fetching page after page with `after` set to the
   * previous page's `pageInfo.endCursor`; `select` picks the connection out of the data.
   */
  paginate<TData, TVariables extends PageVariables, TNode>(
    document: TypedDocumentNode<TData, TVariables>,
    variables: TVariables,
    select: (data: TData) => Connection<TNode> | null | undefined,
    options?: PaginateOptions & Omit<RequestOptions, 'signal'>,
  ): AsyncIterable<TNode>;
}

interface PreparedDocument {
  query: string;
  operationName: string | undefined;
  operation: OperationTypeNode;
}

// Printing a document is not free; the SDK's documents are module constants.
const prepared = new WeakMap<DocumentNode, PreparedDocument>();

function prepare(document: DocumentNode): PreparedDocument {
  const known = prepared.get(document);
  if (known) return known;
  const operations = document.definitions.filter(
    (definition) => definition.kind === Kind.OPERATION_DEFINITION,
  );
  const [operation] = operations;
  if (!operation || operations.length > 1) {
    throw new TypeError('A document sent by the SDK holds exactly one operation.');
  }
  const result = {
    query: print(document),
    operationName: operation.name?.value,
    operation: operation.operation,
  };
  prepared.set(document, result);
  return result;
}

interface GraphQLBody {
  data?: unknown;
  errors?: GraphQLErrorEntry[];
}

async function readBody(response: Response): Promise<GraphQLBody | undefined> {
  const text = await response.text();
  try {
    const body = JSON.parse(text) as unknown;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
    const { data, errors } = body as Record<string, unknown>;
    if (errors !== undefined && !Array.isArray(errors)) return undefined;
    return { data, errors: errors as GraphQLErrorEntry[] | undefined };
  } catch {
    return undefined;
  }
}

/** The data of a response, or the BloomError it amounts to. */
function settle<TData>(body: GraphQLBody | undefined, meta: ResponseMeta): BloomResponse<TData> {
  if (body?.errors && body.errors.length > 0) {
    throw BloomError.fromGraphQLErrors(body.errors, meta, body.data ?? undefined);
  }
  if (!body) {
    const code =
      meta.status === 429
        ? 'RATE_LIMITED'
        : meta.status === 503
          ? 'SERVICE_UNAVAILABLE'
          : meta.status >= 200 && meta.status < 300
            ? 'INVALID_RESPONSE'
            : 'HTTP_ERROR';
    throw new BloomError({ code, message: `HTTP ${meta.status}: not a GraphQL response.`, meta });
  }
  if (meta.status < 200 || meta.status >= 300) {
    throw new BloomError({ code: 'HTTP_ERROR', message: `HTTP ${meta.status}.`, meta });
  }
  if (body.data === null || body.data === undefined) {
    throw new BloomError({ code: 'INVALID_RESPONSE', message: 'The response has no data.', meta });
  }
  return { data: body.data as TData, meta };
}

/**
 * A client for the Blooming Blooms gateway, authenticated with an API key. Operations are the
 * SDK's generated documents (or any TypedDocumentNode), sent as JSON over HTTP POST.
 */
export function createBloomClient(options: BloomClientOptions): BloomClient {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  if (!options.apiKey) throw new TypeError('createBloomClient needs an apiKey.');
  const settings: RetrySettings = {
    maxRetries: Math.max(0, options.maxRetries ?? 3),
    maxDelayMs: options.maxRetryDelayMs ?? 30_000,
    baseDelayMs: 500,
    random: Math.random,
  };
  const userAgent = [options.userAgent, `bloom-sdk/${SDK_VERSION}`].filter(Boolean).join(' ');

  async function requestWithMeta<TData, TVariables>(
    document: TypedDocumentNode<TData, TVariables>,
    variables?: TVariables,
    requestOptions: RequestOptions = {},
  ): Promise<BloomResponse<TData>> {
    const { query, operationName, operation } = prepare(document);
    const repeatable = isSafeToRepeat(operation, variables, requestOptions.idempotent);
    const body = JSON.stringify({ query, operationName, variables: variables ?? {} });
    for (let attempt = 1; ; attempt += 1) {
      let response: Response;
      try {
        response = await fetchImpl(options.url, {
          method: 'POST',
          headers: {
            ...requestOptions.headers,
            'content-type': 'application/json',
            accept: 'application/graphql-response+json, application/json',
            'x-api-key': options.apiKey,
            'user-agent': userAgent,
          },
          body,
          signal: requestOptions.signal,
        });
      } catch (error) {
        if (requestOptions.signal?.aborted) throw error;
        throw new BloomError({
          code: 'NETWORK_ERROR',
          message: `No answer from ${options.url}: ${error instanceof Error ? error.message : String(error)}`,
          cause: error,
        });
      }
      const meta = readResponseMeta(response, attempt);
      const answer = await readBody(response);
      const retry = attempt - 1;
      if (
        repeatable &&
        retry < settings.maxRetries &&
        isRetryableResponse(meta.status, answer?.errors)
      ) {
        const delay = retryDelay(retry, meta.retryAfterMs, settings);
        if (delay !== undefined) {
          await sleep(delay, undefined, { signal: requestOptions.signal });
          continue;
        }
      }
      return settle<TData>(answer, meta);
    }
  }

  return {
    async request(document, ...[variables, requestOptions]) {
      return (await requestWithMeta(document, variables, requestOptions)).data;
    },
    requestWithMeta(document, ...[variables, requestOptions]) {
      return requestWithMeta(document, variables, requestOptions);
    },
    paginate(document, variables, select, paginateOptions = {}) {
      const { maxPages, signal, ...requestOptions } = paginateOptions;
      return paginateConnection(
        async (after) => {
          const page = await requestWithMeta(
            document,
            { ...variables, after: after ?? null },
            { ...requestOptions, signal },
          );
          return select(page.data);
        },
        variables.after,
        { maxPages, signal },
      );
    },
  };
}
