import { CALLER_HEADER, type Caller, signCaller } from '@bloom/kernel';
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import { TEST_CALLER_SECRET } from './env.js';

export interface GraphQLResponse<T = unknown> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

/**
 * An operation: a typed document from the tests' generated `graphql()` (its result and
 * variables known), or plain text, whose answer is `unknown` until a test says what it reads
 * (for documents that cannot be typed: hostile input, schema walks).
 */
export type Operation<R, V> = DocumentTypeDecoration<R, V> | string;

/**
 * A document typed by hand, for schemas the codegen does not see (the gateway's own fake
 * subgraphs): the test states the result type once, next to the document.
 */
export function typedDocument<R, V = Record<string, unknown>>(
  text: string,
): DocumentTypeDecoration<R, V> {
  return { toString: () => text } as DocumentTypeDecoration<R, V>;
}

/** A typed document's text (the generated documents are `String` objects). */
export const documentText = <R, V>(query: Operation<R, V>): string =>
  typeof query === 'string' ? query : (query as unknown as string).toString();

/** A real HTTP GraphQL request, the way a client or the gateway sends it. */
export async function gqlRequest<R = unknown, V = Record<string, unknown>>(
  url: string,
  query: Operation<R, V>,
  variables?: V,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<R>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: documentText(query), variables: variables ?? {} }),
  });
  const text = await response.text();
  let body: { data?: R | null; errors?: GraphQLResponse['errors'] } = {};
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    body = { errors: [{ message: `non-JSON response: ${text.slice(0, 200)}` }] };
  }
  return { status: response.status, ...body };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Headers a gateway would add, for calling a subgraph directly in its own tests. */
export function callerHeaders(caller: Partial<Caller> = {}): Record<string, string> {
  const full: Caller = { kind: 'anonymous', roles: [], scopes: [], traceId: 'test', ...caller };
  if (full.userId && caller.kind === undefined) full.kind = 'user';
  return { [CALLER_HEADER]: signCaller(full, TEST_CALLER_SECRET) };
}

/** The first error code of a response, for compact assertions. */
export const errorCode = (response: GraphQLResponse<unknown>) =>
  response.errors?.[0]?.extensions?.code;

/** The answer's data, or a thrown error that shows the whole response when there is none. */
export function dataOf<T>(response: GraphQLResponse<T>): T {
  if (response.data === null || response.data === undefined) {
    throw new Error(`expected data, got ${JSON.stringify(response)}`);
  }
  return response.data;
}

type Typename = { __typename?: string };

/**
 * Narrows a result union to one member by `__typename`, failing with the value received, so
 * a test reads the member's fields typed: `expectUnion(res.data?.createStore, 'Store').id`.
 */
export function expectUnion<T extends Typename, N extends NonNullable<T['__typename']>>(
  value: T | null | undefined,
  typename: N,
): Extract<T, { __typename?: N }> {
  if (value?.__typename !== typename) {
    throw new Error(`expected ${typename}, got ${JSON.stringify(value)}`);
  }
  return value as Extract<T, { __typename?: N }>;
}
