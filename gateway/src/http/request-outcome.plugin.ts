import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../gateway.context.js';

/**
 * Copies what only Apollo knows (the operation's name, the codes of the errors sent) into the
 * request's context, where the HTTP layer reads it for the request's log line.
 */
export function requestOutcomePlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    requestDidStart: () =>
      Promise.resolve({
        willSendResponse: ({ contextValue, operationName, request, response }) => {
          contextValue.outcome.operationName = operationName ?? request.operationName ?? undefined;
          const errors =
            response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          contextValue.outcome.errorCodes = (errors ?? []).map((error) =>
            typeof error.extensions?.code === 'string' ? error.extensions.code : 'UNKNOWN',
          );
          return Promise.resolve();
        },
      }),
  };
}
