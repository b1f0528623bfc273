import type { ApolloServerOptions, BaseContext } from '@apollo/server';
import { type DocumentNode, GraphQLError, type GraphQLSchema, buildSchema } from 'graphql';
import { guardAliases, restoreAliases } from './alias-guard.js';

type GatewayInterface = NonNullable<ApolloServerOptions<BaseContext>['gateway']>;
type Loaded = Awaited<ReturnType<GatewayInterface['load']>>;
type GatewayExecutor = NonNullable<Loaded['executor']>;

/** Guarded documents kept (per query hash and operation name); the oldest is forgotten first. */
const CACHE_SIZE = 2_000;

interface Guarded {
  document: DocumentNode;
  renamed: boolean;
  reservedAlias?: string;
}

/**
 * The gateway with colliding client aliases renamed before planning and restored in the answer
 * (see `guardAliases`). The rename is computed once per distinct operation, next to the query
 * plan Apollo caches under the same hash, so a repeated operation pays a map lookup; one
 * without a colliding alias runs exactly as before.
 */
export function withAliasGuard(gateway: GatewayInterface): GatewayInterface {
  // The full supergraph (fields hidden from clients included): the planner may add those too.
  let schema: GraphQLSchema | undefined;
  const guarded = new Map<string, Guarded>();
  return {
    onSchemaLoadOrUpdate: (callback) => gateway.onSchemaLoadOrUpdate(callback),
    stop: () => gateway.stop(),
    load: async (options) => {
      gateway.onSchemaLoadOrUpdate(({ coreSupergraphSdl }) => {
        schema = buildSchema(coreSupergraphSdl, { assumeValidSDL: true });
        guarded.clear();
      });
      const loaded = await gateway.load(options);
      const { executor } = loaded;
      if (!executor) return loaded;
      const guardedExecutor: GatewayExecutor = async (requestContext) => {
        if (!schema) return executor(requestContext);
        const key = `${requestContext.queryHash}\n${requestContext.request.operationName ?? ''}`;
        let entry = guarded.get(key);
        if (!entry) {
          entry = guardAliases(schema, requestContext.document);
          if (guarded.size >= CACHE_SIZE) guarded.delete(guarded.keys().next().value as string);
          guarded.set(key, entry);
        }
        if (entry.reservedAlias) {
          return {
            errors: [
              new GraphQLError(`The alias "${entry.reservedAlias}" is reserved by the gateway.`, {
                extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
              }),
            ],
          };
        }
        if (!entry.renamed) return executor(requestContext);
        const result = await executor({ ...requestContext, document: entry.document });
        return restoreAliases(result);
      };
      return { ...loaded, executor: guardedExecutor };
    },
  };
}
