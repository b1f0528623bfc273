import { type ApolloServerPlugin, type BaseContext, HeaderMap } from '@apollo/server';
import { checkInputScalars } from '@bloom/kernel';
import { type DocumentNode, GraphQLError, Kind, OperationTypeNode } from 'graphql';
import { BAD_REQUEST } from './gateway-error-codes.js';

/** Apollo Server's code for a document whose operation cannot be chosen. */
export const OPERATION_RESOLUTION_FAILURE = 'OPERATION_RESOLUTION_FAILURE';

function unresolvedOperation(document: DocumentNode, operationName: string | undefined) {
  const operations = document.definitions.filter(
    (definition) => definition.kind === Kind.OPERATION_DEFINITION,
  );
  const message = operationName
    ? `Unknown operation named "${operationName.slice(0, 100)}".`
    : operations.length === 0
      ? 'Must provide an operation.'
      : 'Must provide operation name if query contains multiple operations.';
  return new GraphQLError(message, {
    extensions: {
      code: OPERATION_RESOLUTION_FAILURE,
      http: { status: 400, headers: new HeaderMap() },
    },
  });
}

/**
 * Client mistakes Apollo Gateway would otherwise answer as server errors, refused the way
 * Apollo Server refuses them without a gateway:
 * - a document with several operations and no (or an unknown) `operationName`: the gateway's
 *   executor throws on it, an HTTP 500; here it is a 400 OPERATION_RESOLUTION_FAILURE;
 * - values of the opaque scalars (DateTimeISO) that every subgraph refuses: the gateway passed
 *   them on and reported the subgraph's HTTP 400 as an internal error; here they fail GraphQL's
 *   own validation or variable coercion (BAD_USER_INPUT) before anything is planned;
 * - a subscription sent over HTTP: the gateway cannot plan it (an HTTP 500); here it is a 400
 *   BAD_REQUEST that says where subscriptions are served.
 */
export function requestMistakesPlugin<
  TContext extends BaseContext,
>(): ApolloServerPlugin<TContext> {
  return {
    serverWillStart: () =>
      Promise.resolve({
        schemaDidLoadOrUpdate: ({ apiSchema }) => {
          checkInputScalars(apiSchema);
        },
      }),
    requestDidStart: () =>
      Promise.resolve({
        didResolveOperation: ({ operation, document, request }) => {
          if (!operation) throw unresolvedOperation(document, request.operationName);
          // Over WebSocket the live server turns subscriptions into queries before they get here.
          if (operation.operation === OperationTypeNode.SUBSCRIPTION && request.http) {
            throw new GraphQLError(
              'Subscriptions are served over WebSocket (graphql-ws) on /graphql, not over HTTP.',
              {
                extensions: { code: BAD_REQUEST, http: { status: 400, headers: new HeaderMap() } },
              },
            );
          }
          return Promise.resolve();
        },
      }),
  };
}
