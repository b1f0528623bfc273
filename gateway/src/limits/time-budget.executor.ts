import { AsyncLocalStorage } from 'node:async_hooks';
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
 * Past the budget the operation's subgraph fetches are aborted (through the signal the data
 * sources read from `operationSignal`), so a hanging subgraph does not keep sockets and memory
 * busy for an answer nobody waits for. A mutation a subgraph already received may still take
 * effect (clients retry with their idempotency key).
 */
const operationSignals = new AsyncLocalStorage<AbortSignal>();

/** The abort signal of the operation being executed, if it runs under a time budget. */
export function operationSignal(): AbortSignal | undefined {
  return operationSignals.getStore();
}

export function withTimeBudget(gateway: GatewayInterface, budgetMs: number): GatewayInterface {
  return {
    onSchemaLoadOrUpdate: (callback) => gateway.onSchemaLoadOrUpdate(callback),
    stop: () => gateway.stop(),
    load: async (options) => {
      const loaded = await gateway.load(options);
      const { executor } = loaded;
      if (!executor) return loaded;
      const budgeted: GatewayExecutor = (requestContext) =>
        withinBudget(
          (signal) => operationSignals.run(signal, () => executor(requestContext)),
          budgetMs,
        );
      return { ...loaded, executor: budgeted };
    },
  };
}

async function withinBudget<T>(
  start: (signal: AbortSignal) => Promise<T>,
  budgetMs: number,
): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = timedOut(budgetMs);
      controller.abort(error);
      reject(error);
    }, budgetMs);
  });
  try {
    // A rejection of the work after the timeout (its aborted fetches) is still handled by the race.
    return await Promise.race([start(controller.signal), timeout]);
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
