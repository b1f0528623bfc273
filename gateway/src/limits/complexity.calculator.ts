import {
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  valueFromASTUntyped,
} from 'graphql';

export interface Complexity {
  /** Nesting levels of fields: `{ a { b } }` is 2. */
  depth: number;
  /** 1 per field; a list field's selection counts once per expected item. */
  cost: number;
}

/** Arguments that bound how many items a list field returns. */
const SIZE_ARGUMENTS = ['first', 'last', 'limit'];
/** The items assumed for a list field that is not bounded by an argument. */
export const DEFAULT_LIST_SIZE = 10;

export interface ComplexityInput {
  schema: GraphQLSchema;
  operation: OperationDefinitionNode;
  fragments: Record<string, FragmentDefinitionNode>;
  variables?: Record<string, unknown>;
}

const NONE: Complexity = { depth: 0, cost: 0 };

/**
 * Measures an operation against the schema clients see. Fragments are inlined; introspection
 * and `__typename` are free. A fragment's measure does not depend on where it is spread, so it
 * is computed once: a document that spreads fragments into each other exponentially is still
 * measured in linear time.
 *
 * The schema is built by @apollo/gateway, which can hold another copy of graphql than this
 * module (the CommonJS and ESM builds of one version, as under vitest); graphql's `isListType`
 * and friends refuse objects from another copy, so types are read through their own methods
 * and printed form instead.
 */
export function measureComplexity(input: ComplexityInput): Complexity {
  const { schema, operation, fragments } = input;
  const variables = input.variables ?? {};
  const fragmentMeasures = new Map<string, Complexity>();
  const visiting = new Set<string>();

  const sizeOf = (node: FieldNode): number => {
    let size: number | undefined;
    for (const argument of node.arguments ?? []) {
      if (!SIZE_ARGUMENTS.includes(argument.name.value)) continue;
      const value = valueFromASTUntyped(argument.value, variables);
      const fallback =
        argument.value.kind === Kind.VARIABLE
          ? defaultOf(operation, argument.value.name.value)
          : undefined;
      const given = typeof value === 'number' ? value : fallback;
      if (given !== undefined && Number.isFinite(given)) size = Math.max(size ?? 0, given, 0);
    }
    return size ?? DEFAULT_LIST_SIZE;
  };

  const measure = (
    selectionSet: SelectionSetNode,
    parent: GraphQLNamedType | undefined,
  ): Complexity => {
    let depth = 0;
    let cost = 0;
    for (const selection of selectionSet.selections) {
      let inner: Complexity;
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith('__')) continue;
        const field = fieldOf(parent, selection.name.value);
        const printed = field ? String(field.type) : ''; // e.g. "[Product!]!"
        const children = selection.selectionSet
          ? measure(selection.selectionSet, schema.getType(printed.replace(/[[\]!]/g, '')))
          : NONE;
        const isList = printed.startsWith('[');
        inner = {
          depth: 1 + children.depth,
          cost: 1 + (isList ? sizeOf(selection) : 1) * children.cost,
        };
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition
          ? schema.getType(selection.typeCondition.name.value)
          : parent;
        inner = measure(selection.selectionSet, type);
      } else {
        inner = measureFragment(selection.name.value);
      }
      depth = Math.max(depth, inner.depth);
      cost += inner.cost;
    }
    return { depth, cost };
  };

  const measureFragment = (name: string): Complexity => {
    const known = fragmentMeasures.get(name);
    if (known) return known;
    const fragment = fragments[name];
    // Validation has already refused unknown and cyclic fragments; stay safe regardless.
    if (!fragment || visiting.has(name)) return NONE;
    visiting.add(name);
    const result = measure(
      fragment.selectionSet,
      schema.getType(fragment.typeCondition.name.value),
    );
    visiting.delete(name);
    fragmentMeasures.set(name, result);
    return result;
  };

  const root = schema.getRootType(operation.operation);
  return measure(operation.selectionSet, root ?? undefined);
}

function fieldOf(
  parent: GraphQLNamedType | undefined,
  name: string,
): GraphQLField<unknown, unknown> | undefined {
  // Object and interface types have fields; unions and leaves do not.
  if (!parent || !('getFields' in parent)) return undefined;
  return (parent.getFields() as Record<string, GraphQLField<unknown, unknown>>)[name];
}

function defaultOf(operation: OperationDefinitionNode, variable: string): number | undefined {
  const definition = operation.variableDefinitions?.find(
    (candidate) => candidate.variable.name.value === variable,
  );
  const value = definition?.defaultValue && valueFromASTUntyped(definition.defaultValue);
  return typeof value === 'number' ? value : undefined;
}
