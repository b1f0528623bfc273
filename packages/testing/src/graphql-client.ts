import { CALLER_HEADER, type Caller, signCaller } from '@bloom/kernel';
import { TEST_CALLER_SECRET } from './env.js';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

/** A real HTTP GraphQL request, the way a client or the gateway sends it. */
// Tests read deep response paths; `any` keeps them terse and the assertions do the checking.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function gqlRequest<T = Record<string, any>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  let body: { data?: T | null; errors?: GraphQLResponse['errors'] } = {};
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
