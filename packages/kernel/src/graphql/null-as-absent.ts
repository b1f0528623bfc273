import {
  type GraphQLArgument,
  type GraphQLFieldResolver,
  type GraphQLInputField,
  type GraphQLInputType,
  type GraphQLSchema,
  getNamedType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
} from 'graphql';

type Definition = Pick<GraphQLArgument | GraphQLInputField, 'name' | 'type' | 'defaultValue'>;

const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
};

function valueWithoutNulls(type: GraphQLInputType, value: unknown): unknown {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) {
    return Array.isArray(value)
      ? (value as unknown[]).map((item) =>
          item === null ? item : valueWithoutNulls(inner.ofType, item),
        )
      : value;
  }
  if (isInputObjectType(inner) && isPlainObject(value)) {
    return withoutNulls(value, Object.values(inner.getFields()));
  }
  return value;
}

/**
 * The arguments (or an input object's fields) with every explicit `null` turned into what
 * leaving the value out gives: its schema default, else no value at all. Scalars (dates,
 * `_Any` representations) are kept as they are.
 */
export function withoutNulls(
  values: Record<string, unknown>,
  definitions: readonly Definition[],
): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  const known = new Set<string>();
  for (const definition of definitions) {
    known.add(definition.name);
    if (!(definition.name in values)) continue;
    const value = values[definition.name];
    if (value === null) {
      if (definition.defaultValue !== undefined) result[definition.name] = definition.defaultValue;
    } else {
      result[definition.name] = valueWithoutNulls(definition.type, value);
    }
  }
  for (const [name, value] of Object.entries(values)) {
    if (!known.has(name)) result[name] = value;
  }
  return result;
}

type Resolver = GraphQLFieldResolver<unknown, unknown>;

/**
 * Services treat an optional input left out as `undefined`; GraphQL hands them `null` when a
 * client writes `phone: null`, and `phone.trim()` then fails as a server error. Every resolver
 * (and subscription) of a field with arguments gets them without explicit nulls, so null
 * means what absent means, whatever the field.
 */
export function treatNullAsAbsent(schema: GraphQLSchema): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.args.length === 0 || !field.args.some((arg) => mayHoldNull(arg.type))) continue;
      const wrap =
        (resolve: Resolver): Resolver =>
        (source, args, context, info) =>
          resolve(source, withoutNulls(args as Record<string, unknown>, field.args), context, info);
      if (field.resolve) field.resolve = wrap(field.resolve);
      if (field.subscribe) field.subscribe = wrap(field.subscribe);
    }
  }
}

/** Whether a value of this type can contain an explicit null somewhere. */
function mayHoldNull(type: GraphQLInputType, seen = new Set<string>()): boolean {
  if (!isNonNullType(type)) return true;
  const inner = type.ofType;
  if (isListType(inner)) return mayHoldNull(inner.ofType, seen);
  const named = getNamedType(inner);
  if (!isInputObjectType(named) || seen.has(named.name)) return false;
  seen.add(named.name);
  return Object.values(named.getFields()).some((field) => mayHoldNull(field.type, seen));
}
