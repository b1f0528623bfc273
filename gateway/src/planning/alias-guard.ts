import {
  type DocumentNode,
  type FieldNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  Kind,
  TypeInfo,
  isAbstractType,
  isUnionType,
  visit,
  visitWithTypeInfo,
} from 'graphql';

/**
 * Response names the gateway gives client aliases that would collide with a field the query
 * planner adds on its own (a `@key`, `@requires` or `@provides` field, `__typename`). The
 * prefix cannot be a field name of ours, so restoring is a rename of keys that carry it.
 */
const RESERVED = 'bbAlias__';

/**
 * @apollo/gateway merges the fields it adds for entity fetches into the client's selection by
 * response name: a client alias equal to such a field's name (`storeId: store { id }` next to
 * `availableQuantity`, which requires `storeId`) corrupts the representation it sends, and the
 * answer is an error or wrong data (apollographql/federation#3036, #2392). So every alias that
 * equals the name of a field of its parent type (any possible type, for an abstract one) or
 * `__typename` is renamed before planning and restored in the answer. Aliases that cannot
 * collide are left alone, so most operations pass through unchanged.
 */
export function guardAliases(
  schema: GraphQLSchema,
  document: DocumentNode,
): { document: DocumentNode; renamed: boolean; reservedAlias?: string } {
  const typeInfo = new TypeInfo(schema);
  let renamed = false;
  let reservedAlias: string | undefined;
  const guarded = visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node: FieldNode): FieldNode | undefined {
        const alias = node.alias?.value;
        if (!alias || alias === node.name.value) return undefined;
        if (alias.startsWith(RESERVED)) reservedAlias = alias;
        const parent = typeInfo.getParentType();
        if (alias !== '__typename' && !(parent && fieldNames(schema, parent).has(alias))) {
          return undefined;
        }
        renamed = true;
        return { ...node, alias: { kind: Kind.NAME, value: `${RESERVED}${alias}` } };
      },
    }),
  );
  return { document: renamed ? guarded : document, renamed, reservedAlias };
}

const namesCache = new WeakMap<GraphQLCompositeType, Set<string>>();

function fieldNames(schema: GraphQLSchema, type: GraphQLCompositeType): Set<string> {
  const cached = namesCache.get(type);
  if (cached) return cached;
  const names = new Set<string>();
  const types = isAbstractType(type) ? [type, ...schema.getPossibleTypes(type)] : [type];
  // A union has no fields of its own; its members are among the possible types.
  for (const each of types) {
    if (isUnionType(each)) continue;
    for (const name of Object.keys(each.getFields())) names.add(name);
  }
  namesCache.set(type, names);
  return names;
}

/** The answer with the client's own response names back (data keys and error paths). */
export function restoreAliases<T extends { data?: unknown; errors?: readonly unknown[] }>(
  result: T,
): T {
  const restored = { ...result };
  if (result.data !== undefined) restored.data = restoreKeys(result.data);
  if (result.errors) {
    restored.errors = result.errors.map((error) => {
      const withPath = error as { path?: readonly (string | number)[] };
      if (!withPath.path) return error;
      const path = withPath.path.map((segment) =>
        typeof segment === 'string' && segment.startsWith(RESERVED)
          ? segment.slice(RESERVED.length)
          : segment,
      );
      // GraphQLError keeps its fields as own properties; a copy with the path replaced serialises alike.
      return Object.assign(Object.create(Object.getPrototypeOf(error) as object) as object, error, {
        path,
      });
    });
  }
  return restored;
}

function restoreKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(restoreKeys);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    out[key.startsWith(RESERVED) ? key.slice(RESERVED.length) : key] = restoreKeys(inner);
  }
  return out;
}
