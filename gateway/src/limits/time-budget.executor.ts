import type { ApolloServerOptions, BaseContext } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { GATEWAY_TIMEOUT } from '../errors/gateway-error-codes.js';

type GatewayInterface = NonNullable<ApolloServerOptions<BaseContext>['gateway']>;
type GatewayExecutor = NonNullable<Awaited<ReturnType<GatewayInterface['load']>>['executor']>;

/**
 * The gateway with every operation's execution (query planning and subgraph fetches) bounded
 * by `budgetMs`: past it, the operation is answered with HTTP 504 GATEWAY_TIMEOUT instead of
 * holding the client's socket open. HTTP requests and operations sent over a WebSocket (a
 * subscription's payload queries included) run through this executor; a subscription itself
 * is served by the live hub and lives as long as its socket.
 *
 * The executor cannot be cancelled: fetches in flight finish in the background and their result
 * is dropped, and a mutation may still take effect (clients retry with their idempotency key).
 */
export function withTimeBudget(gateway: GatewayInterface, budgetMs: number): GatewayInterface {
  return {
    onSchemaLoadOrUpdate: (callback) => gateway.onSchemaLoadOrUpdate(callback),
    stop: () => gateway.stop(),
    load: async (options) => {
      const loaded = await gateway.load(options);
      const { executor } = loaded;
      if (!executor) return loaded;
      const budgeted: GatewayExecutor = (requestContext) =>
        withinBudget(executor(requestContext), budgetMs);
      return { ...loaded, executor: budgeted };
    },
  };
}

async function withinBudget<T>(work: Promise<T>, budgetMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(timedOut(budgetMs)), budgetMs);
  });
  try {
    // A rejection of `work` after the timeout is still handled by the race.
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function timedOut(budgetMs: number): GraphQLError {
  return new GraphQLError(
    `The operation did not finish within ${budgetMs} ms. Ask for less, or try again later.`,
    // Apollo Server turns `http` into the response status and strips it from the body.
    { extensions: { code: GATEWAY_TIMEOUT, budgetMs, http: { status: 504 } } },
  );
}
