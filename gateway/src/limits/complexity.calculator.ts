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
import type { FieldSubgraphs } from './field-subgraphs.table.js';

export interface Complexity {
  /** Nesting levels of fields: `{ a { b } }` is 2. */
  depth: number;
  /** The cost model below: values returned plus storage reads, lists and pages multiplied out. */
  cost: number;
}

/** Arguments that bound how many items a list field or a connection returns. */
const SIZE_ARGUMENTS = ['first', 'last', 'limit'];
/** The items assumed for a plain list field that is not bounded by an argument. */
export const DEFAULT_LIST_SIZE = 10;
/** A connection without `first`: the kernel's default page (`pageSize` in kernel/graphql/paging). */
export const DEFAULT_PAGE_SIZE = 20;
/** The extra cost of a field that makes a subgraph read storage, on top of its 1. */
export const DATABASE_COST = 10;

export interface ComplexityInput {
  schema: GraphQLSchema;
  operation: OperationDefinitionNode;
  fragments: Record<string, FragmentDefinitionNode>;
  variables?: Record<string, unknown>;
  /** From the supergraph; without it no entity fetches are counted (roots and pages still are). */
  fieldSubgraphs?: FieldSubgraphs;
}

interface Measure extends Complexity {
  /** `cost` is per object of the selection set; this part is paid once, however many objects. */
  once: number;
  /** Other subgraphs this selection set needs for its object: one entity fetch each. */
  fetches: ReadonlySet<string>;
}

/** The subgraph of an object when the field table does not tell: no entity fetch is counted. */
const UNKNOWN = '';

const NONE: Measure = { depth: 0, cost: 0, once: 0, fetches: new Set() };

/**
 * Measures an operation against the schema clients see, before anything runs.
 *
 * The cost model (docs/gateway-limits.md), kept to what the gateway can know from the schema:
 * - every field costs 1 each time it is resolved: a plain list field multiplies its selection by
 *   its `first`/`last`/`limit` argument (else the argument's schema default, else
 *   DEFAULT_LIST_SIZE); a connection (a type with `pageInfo` and a `nodes` or `edges` list)
 *   multiplies its `nodes`/`edges` by its `first` (else DEFAULT_PAGE_SIZE), so nested pages
 *   multiply: `products(first: 100) { nodes { store { products(first: 100) { nodes { id } } } } }`
 *   is 10,000 `id`s;
 * - a field that makes a subgraph read storage costs DATABASE_COST more, each time: a root field
 *   (each alias runs its resolver), a connection below the root (a find and a count per
 *   parent), and an entity fetch — a field the subgraph that returned its parent object cannot
 *   resolve, so the planner asks the owning subgraph to load the object (counted once per
 *   object and subgraph, however many of its fields are selected).
 * Introspection and `__typename` are free.
 *
 * Fragments are inlined. A fragment's measure depends only on the subgraph and page it is
 * spread in, so it is computed once for each: a document that spreads fragments into each
 * other exponentially is still measured in linear time.
 *
 * The schema is built by @apollo/gateway, which can hold another copy of graphql than this
 * module (the CommonJS and ESM builds of one version, as under vitest); graphql's `isListType`
 * and friends refuse objects from another copy, so types are read through their own methods
 * and printed form instead.
 */
export function measureComplexity(input: ComplexityInput): Complexity {
  const { schema, operation, fragments, fieldSubgraphs } = input;
  const variables = input.variables ?? {};
  const fragmentMeasures = new Map<string, Measure>();
  const visiting = new Set<string>();

  const sizeOf = (node: FieldNode, field: GraphQLField<unknown, unknown> | undefined) => {
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
    if (size !== undefined) return size;
    for (const argument of field?.args ?? []) {
      const value: unknown = argument.defaultValue;
      if (SIZE_ARGUMENTS.includes(argument.name) && typeof value === 'number') {
        size = Math.max(size ?? 0, value, 0);
      }
    }
    return size;
  };

  /**
   * `subgraph`: the one that returned the object the selection set is on (none at the root,
   * UNKNOWN without a table);
   * `page`: the page size when the selection set is a connection's.
   */
  const measure = (
    selectionSet: SelectionSetNode,
    parent: GraphQLNamedType | undefined,
    subgraph: string | undefined,
    page: number | undefined,
  ): Measure => {
    let depth = 0;
    let cost = 0;
    let once = 0;
    const fetches = new Set<string>();
    for (const selection of selectionSet.selections) {
      let inner: Measure;
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (name.startsWith('__')) continue;
        const field = fieldOf(parent, name);
        const printed = field ? String(field.type) : ''; // e.g. "[Product!]!"
        const type = schema.getType(printed.replace(/[[\]!]/g, ''));
        const resolvers = parent && fieldSubgraphs?.get(`${parent.name}.${name}`);
        const owner = resolvers?.[0];
        let resolvedIn = subgraph;
        let own = 1;
        if (subgraph === undefined) {
          own += DATABASE_COST;
          resolvedIn = owner ?? UNKNOWN;
        } else if (subgraph !== UNKNOWN && owner !== undefined && !resolvers?.includes(subgraph)) {
          resolvedIn = owner;
          fetches.add(owner);
        }
        const connection = isConnection(type);
        if (connection && subgraph !== undefined) own += DATABASE_COST;
        let times = 1;
        if (!connection && printed.startsWith('[')) {
          const isPage = page !== undefined && (name === 'nodes' || name === 'edges');
          times = isPage ? page : (sizeOf(selection, field) ?? DEFAULT_LIST_SIZE);
        }
        const children = selection.selectionSet
          ? measure(
              selection.selectionSet,
              type,
              resolvedIn,
              connection ? (sizeOf(selection, field) ?? DEFAULT_PAGE_SIZE) : undefined,
            )
          : NONE;
        inner = {
          depth: 1 + children.depth,
          cost: own + times * children.cost,
          // The planner sends one request per path and subgraph for all the objects there.
          once: children.once + children.fetches.size * DATABASE_COST,
          fetches: NONE.fetches,
        };
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition
          ? schema.getType(selection.typeCondition.name.value)
          : parent;
        inner = measure(selection.selectionSet, type ?? undefined, subgraph, page);
      } else {
        inner = measureFragment(selection.name.value, subgraph, page);
      }
      depth = Math.max(depth, inner.depth);
      cost += inner.cost;
      once += inner.once;
      for (const fetch of inner.fetches) fetches.add(fetch);
    }
    return { depth, cost, once, fetches };
  };

  const measureFragment = (
    name: string,
    subgraph: string | undefined,
    page: number | undefined,
  ): Measure => {
    const key = `${name}\n${subgraph ?? ''}\n${page ?? ''}`;
    const known = fragmentMeasures.get(key);
    if (known) return known;
    const fragment = fragments[name];
    // Validation has already refused unknown and cyclic fragments; stay safe regardless.
    if (!fragment || visiting.has(name)) return NONE;
    visiting.add(name);
    const type = schema.getType(fragment.typeCondition.name.value);
    const result = measure(fragment.selectionSet, type ?? undefined, subgraph, page);
    visiting.delete(name);
    fragmentMeasures.set(key, result);
    return result;
  };

  const root = schema.getRootType(operation.operation);
  const { depth, cost, once } = measure(
    operation.selectionSet,
    root ?? undefined,
    undefined,
    undefined,
  );
  return { depth, cost: cost + once };
}

function fieldOf(
  parent: GraphQLNamedType | undefined,
  name: string,
): GraphQLField<unknown, unknown> | undefined {
  // Object and interface types have fields; unions and leaves do not.
  if (!parent || !('getFields' in parent)) return undefined;
  return (parent.getFields() as Record<string, GraphQLField<unknown, unknown>>)[name];
}

/** A Relay-style page: `pageInfo` next to a `nodes` or `edges` list. */
function isConnection(type: GraphQLNamedType | null | undefined): boolean {
  if (!type || !fieldOf(type, 'pageInfo')) return false;
  return ['nodes', 'edges'].some((name) => String(fieldOf(type, name)?.type).startsWith('['));
}

function defaultOf(operation: OperationDefinitionNode, variable: string): number | undefined {
  const definition = operation.variableDefinitions?.find(
    (candidate) => candidate.variable.name.value === variable,
  );
  const value = definition?.defaultValue && valueFromASTUntyped(definition.defaultValue);
  return typeof value === 'number' ? value : undefined;
}
