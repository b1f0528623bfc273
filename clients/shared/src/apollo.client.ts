import {
  ApolloClient,
  ApolloLink,
  HttpLink,
  InMemoryCache,
  type PossibleTypesMap,
  type TypePolicies,
  gql,
} from '@apollo/client';
import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { getMainDefinition, print } from '@apollo/client/utilities';
import { Kind, OperationTypeNode } from 'graphql';
import { catchError, from, mergeMap, throwError } from 'rxjs';
import generatedPossibleTypes from './possible-types.generated.json';
import type { AuthPayload, SessionStore } from './session.store.js';
import { trustedDocumentsLink, wireDocument } from './trusted-documents.link.js';

// Sent with fetch, not through the links (they wait for this very refresh), as its text alone:
// in the form the links send, so it is one of the trusted documents like every operation.
const REFRESH = print(
  wireDocument(gql`
    mutation Refresh($t: String!) {
      refreshTokens(refreshToken: $t) {
        __typename
        ... on AuthPayload {
          accessToken
          refreshToken
          expiresIn
          user {
            id
            name
            email
            roles
          }
        }
      }
    }
  `),
);

const unauthenticated = (error: unknown): boolean =>
  (ServerError.is(error) && error.statusCode === 401) ||
  (CombinedGraphQLErrors.is(error) &&
    error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED'));

export interface ApolloClientOptions {
  /** Where /graphql is served; the page's own origin by default. */
  origin?: string;
  /** The supergraph's interfaces and unions; the shared generated map by default. */
  possibleTypes?: PossibleTypesMap;
  /** The client's own cache policies (the storefront merges its id-less `Cart`). */
  typePolicies?: TypePolicies;
}

/**
 * One client for the whole app: queries and mutations over HTTP, GraphQL subscriptions over
 * graphql-ws, both on the same `/graphql` (the gateway). Every request carries the signed-in
 * person's access token, refreshed before it expires; a request refused as unauthenticated is
 * retried once after a refresh. The socket sends the token on connect and reconnects with a
 * fresh one when the gateway closes it at the token's expiry. Every operation goes out as the
 * trusted document the manifest records, with its id (docs/gateway-limits.md, trusted documents).
 */
export function createApolloClient(session: SessionStore, options: ApolloClientOptions = {}) {
  const origin = options.origin ?? window.location.origin;
  const httpUrl = new URL('/graphql', origin).href;
  const wsUrl = httpUrl.replace(/^http/, 'ws');

  const withToken = (token: string | null) => (operation: ApolloLink.Operation) =>
    operation.setContext(({ headers = {} }: { headers?: Record<string, string> }) => ({
      headers: token ? { ...headers, authorization: `Bearer ${token}` } : headers,
    }));

  const auth = new ApolloLink((operation, forward) =>
    from(session.accessToken()).pipe(
      mergeMap((token) => {
        withToken(token)(operation);
        return forward(operation).pipe(
          catchError((error: unknown) => {
            if (!token || !unauthenticated(error)) return throwError(() => error);
            return from(session.refreshNow()).pipe(
              mergeMap((fresh) => {
                if (!fresh) return throwError(() => error);
                withToken(fresh)(operation);
                return forward(operation);
              }),
            );
          }),
        );
      }),
    ),
  );

  // graphql-ws and its link load with the first subscription, off the first paint's critical
  // path: a page that only reads data never downloads them.
  let wsLink: Promise<ApolloLink> | null = null;
  const loadWsLink = () =>
    (wsLink ??= Promise.all([
      import('graphql-ws'),
      import('@apollo/client/link/subscriptions'),
    ]).then(([{ createClient }, { GraphQLWsLink }]) => {
      const ws = createClient({
        url: wsUrl,
        lazy: true,
        retryAttempts: Infinity,
        shouldRetry: () => true,
        connectionParams: async () => {
          const token = await session.accessToken();
          return token ? { authorization: `Bearer ${token}` } : {};
        },
      });
      // A new session (sign-in, sign-out) must not keep the old one's socket.
      session.subscribe(() => ws.terminate());
      return new GraphQLWsLink(ws);
    }));
  const subscriptions = new ApolloLink((operation, forward) =>
    from(loadWsLink()).pipe(mergeMap((link) => link.request(operation, forward))),
  );

  const transport = ApolloLink.split(
    ({ query }) => {
      const definition = getMainDefinition(query);
      return (
        definition.kind === Kind.OPERATION_DEFINITION &&
        definition.operation === OperationTypeNode.SUBSCRIPTION
      );
    },
    subscriptions,
    ApolloLink.from([auth, new HttpLink({ uri: httpUrl })]),
  );

  const client = new ApolloClient({
    link: trustedDocumentsLink().concat(transport),
    cache: new InMemoryCache({
      possibleTypes: options.possibleTypes ?? generatedPossibleTypes,
      ...(options.typePolicies ? { typePolicies: options.typePolicies } : {}),
    }),
  });

  session.useRefresh(async (refreshToken) => {
    const result = await fetch(httpUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: REFRESH, variables: { t: refreshToken } }),
    });
    const body = (await result.json()) as {
      data?: { refreshTokens?: (AuthPayload & { __typename: string }) | null };
    };
    const payload = body.data?.refreshTokens;
    return payload?.__typename === 'AuthPayload' ? payload : null;
  });
  return client;
}
