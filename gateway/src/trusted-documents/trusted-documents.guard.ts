import type { HTTPGraphQLRequest } from '@apollo/server';
import type { Caller } from '@bloom/kernel';
import { GraphQLError } from 'graphql';
import { OPERATION_NOT_TRUSTED, PERSISTED_QUERY_NOT_FOUND } from '../errors/gateway-error-codes.js';
import type { TrustedDocuments } from './trusted-documents.list.js';

const NOT_TRUSTED_MESSAGE =
  "Without an API key only the Blooming Blooms apps' own operations are accepted.";

/** A request answered by the gateway itself, before Apollo sees it. */
export interface Refusal {
  status: number;
  code: string;
  message: string;
  /** What the request called its operation, for the request's log line. */
  operationName?: string;
}

export interface TrustedDocumentsGuard {
  /** An HTTP request, before its document is parsed; undefined lets Apollo serve it. */
  screen(caller: Caller, request: HTTPGraphQLRequest): Refusal | undefined;
  /** A document sent on a socket (graphql-ws always sends the text); undefined admits it. */
  refusalFor(caller: Caller, query: string): GraphQLError | undefined;
}

type Params = Record<string, unknown>;

const isRecord = (value: unknown): value is Params =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Where documents are enforced (production): a first-party caller (a person's token, or nobody:
 * no `X-Api-Key`) may run only the clients' trusted documents, sent as their text or by their id
 * alone. Integrators' keys may send any document; their scopes are checked per field as always.
 * A text is refused before Apollo parses or validates it, so it costs nothing and tells nothing
 * about the schema; an id the manifest lacks is answered as Apollo answers an unknown persisted
 * query, so the client sends the text (and is refused) rather than run an integrator's APQ entry.
 */
export function trustedDocumentsGuard(documents: TrustedDocuments): TrustedDocumentsGuard {
  return {
    screen(caller, request) {
      if (caller.kind === 'integrator') return undefined;
      const params = paramsOf(request);
      // Malformed requests go on to Apollo, which refuses them without running anything.
      if (!params) return undefined;
      const operationName =
        typeof params.operationName === 'string' ? params.operationName.slice(0, 100) : undefined;
      const { query, extensions } = params;
      if (typeof query === 'string' && query !== '') {
        if (documents.trusts(query)) return undefined;
        return {
          status: 400,
          code: OPERATION_NOT_TRUSTED,
          message: NOT_TRUSTED_MESSAGE,
          operationName,
        };
      }
      const persisted = isRecord(extensions) ? extensions.persistedQuery : undefined;
      if (!persisted) return undefined;
      const id = isRecord(persisted) ? persisted.sha256Hash : undefined;
      if (typeof id === 'string' && documents.textOf(id) !== undefined) return undefined;
      return {
        status: 200,
        code: PERSISTED_QUERY_NOT_FOUND,
        message: 'PersistedQueryNotFound',
        operationName,
      };
    },
    refusalFor(caller, query) {
      if (caller.kind === 'integrator' || documents.trusts(query)) return undefined;
      return new GraphQLError(NOT_TRUSTED_MESSAGE, { extensions: { code: OPERATION_NOT_TRUSTED } });
    },
  };
}

/** The request's `query`, `extensions` and `operationName` as Apollo reads them (GET or POST). */
function paramsOf(request: HTTPGraphQLRequest): Params | undefined {
  if (request.method !== 'GET') return isRecord(request.body) ? request.body : undefined;
  const search = new URLSearchParams(request.search);
  const extensions = search.get('extensions');
  let parsed: unknown;
  try {
    parsed = extensions === null ? undefined : JSON.parse(extensions);
  } catch {
    return undefined;
  }
  return {
    query: search.get('query') ?? undefined,
    extensions: parsed,
    operationName: search.get('operationName') ?? undefined,
  };
}
