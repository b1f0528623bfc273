import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { RETRY_AFTER_SECONDS } from '../subgraphs/caller-forwarding.datasource.js';
import { SERVICE_UNAVAILABLE } from './gateway-error-codes.js';

/**
 * A subgraph that could not serve (SERVICE_UNAVAILABLE) tells the client when to retry. With
 * nothing answered (a mutation whose subgraph is restarting) the response is HTTP 503, which
 * clients and proxies retry; when other fields were answered it stays 200 with the partial data
 * (GraphQL over HTTP), and Retry-After still says when the missing part may be back.
 */
export function serviceUnavailablePlugin<
  TContext extends BaseContext,
>(): ApolloServerPlugin<TContext> {
  return {
    // eslint-disable-next-line @typescript-eslint/require-await -- Apollo's hook signature
    async requestDidStart() {
      return {
        // eslint-disable-next-line @typescript-eslint/require-await -- Apollo's hook signature
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          if (!errors?.some((e) => e.extensions?.code === SERVICE_UNAVAILABLE)) return;
          response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
          const answered =
            data !== null &&
            data !== undefined &&
            Object.values(data).some((value) => value !== null);
          if (!answered) response.http.status = 503;
        },
      };
    },
  };
}
