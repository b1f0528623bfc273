import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { type GraphQLFieldResolver, type GraphQLSchema, parse } from 'graphql';
import { type BuildSchemaOptions, buildSchema, createResolversMap } from 'type-graphql';
import type { Caller } from '../caller/caller.js';
import { type AccessRule, checkAccess, describeAccess } from '../graphql/access.js';
import { treatNullAsAbsent } from '../graphql/null-as-absent.js';
import { inSpan } from '../tracing/trace-spans.js';
import { tracingEnabled } from '../tracing/tracing.provider.js';

/** The federation directives a subgraph may use; composition checks them. */
const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@override", "@tag", "@interfaceObject"])';

export type ReferenceResolvers = Record<
  string,
  { __resolveReference: (reference: never, context: never, info: never) => unknown }
>;

/**
 * type-graphql builds the schema from classes; it is printed with its directives (`@key`...)
 * and rebuilt by @apollo/subgraph so `_entities` and `_service` exist.
 */
export async function buildFederatedSchema(
  options: Omit<BuildSchemaOptions, 'skipCheck' | 'validate'>,
  referenceResolvers: ReferenceResolvers = {},
): Promise<GraphQLSchema> {
  const schema = await buildSchema({ ...options, skipCheck: true, validate: false });
  const resolvers = createResolversMap(schema) as Record<string, Record<string, unknown>>;
  guardRootFields(schema, resolvers);
  for (const [typeName, reference] of Object.entries(referenceResolvers)) {
    resolvers[typeName] = { ...resolvers[typeName], ...reference };
  }
  const federated = buildSubgraphSchema({
    typeDefs: parse(`${FEDERATION_LINK}\n${printSchemaWithDirectives(schema)}`),
    resolvers: resolvers as GraphQLResolverMap<unknown>,
  });
  treatNullAsAbsent(federated);
  return federated;
}

type Resolver = GraphQLFieldResolver<unknown, { caller: Caller }>;

const guarded =
  (rule: AccessRule, resolve: Resolver, field?: string): Resolver =>
  (source, args, context, info) => {
    const denied = checkAccess(context.caller, rule);
    if (denied) throw denied;
    if (field === undefined || !tracingEnabled()) return resolve(source, args, context, info);
    // Root fields are the resolvers of note: each is a span inside the request's.
    return inSpan(
      'graphql',
      `resolve ${field}`,
      { attributes: { 'graphql.field.path': field } },
      async () => await resolve(source, args, context, info),
    );
  };

/**
 * Deny by default: every root field must declare its rule with `@Access`; the build fails
 * naming the fields that do not, so an undeclared field can never be served. Each resolver is
 * wrapped to check the rule first, and the rule is written into the field's description.
 */
function guardRootFields(
  schema: GraphQLSchema,
  resolvers: Record<string, Record<string, unknown>>,
): void {
  const undeclared: string[] = [];
  for (const root of [
    schema.getQueryType(),
    schema.getMutationType(),
    schema.getSubscriptionType(),
  ]) {
    if (!root) continue;
    for (const field of Object.values(root.getFields())) {
      const rule = field.extensions.access as AccessRule | undefined;
      if (!rule) {
        undeclared.push(`${root.name}.${field.name}`);
        continue;
      }
      const line = describeAccess(rule);
      field.description = field.description ? `${field.description}\n\n${line}` : line;
      const entry = resolvers[root.name]?.[field.name];
      if (typeof entry === 'function') {
        (resolvers[root.name] as Record<string, unknown>)[field.name] = guarded(
          rule,
          entry as Resolver,
          `${root.name}.${field.name}`,
        );
      } else if (entry && typeof entry === 'object' && 'subscribe' in entry) {
        const subscription = entry as { subscribe: Resolver };
        subscription.subscribe = guarded(rule, subscription.subscribe);
      }
    }
  }
  if (undeclared.length > 0) {
    throw new Error(`root fields without an @Access rule: ${undeclared.join(', ')}`);
  }
}
