import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type VariableDefinitionNode,
  print,
  visit,
} from 'graphql';

/** The subscription fields the gateway serves and the query field each payload resolves with. */
export const LIVE_FIELDS = {
  notificationAdded: { queryField: 'notice', argument: undefined },
  orderStatusChanged: { queryField: 'orderStatusChange', argument: 'orderId' },
  productRestocked: { queryField: 'productRestock', argument: 'productId' },
  auditEntryAdded: { queryField: 'auditEntry', argument: undefined },
} as const;
export type LiveField = keyof typeof LIVE_FIELDS;

/** A validated subscription, turned into the query that resolves each of its payloads. */
export interface LiveOperation {
  field: LiveField;
  /** productId / orderId the subscription is for. */
  argument?: string;
  /** `query Live($liveId: ID!, …) { <alias>: <queryField>(id: $liveId) <selection> } …`. */
  query: string;
  /** The subscription's variables the query still uses. */
  variables: Record<string, unknown>;
  /** Equal for subscriptions whose payloads can share one resolution (same query + variables). */
  shareKey: string;
}

const LIVE_ID = 'liveId';

function reachableFragments(
  selection: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
): FragmentDefinitionNode[] {
  const found = new Map<string, FragmentDefinitionNode>();
  const walk = (node: SelectionSetNode | FragmentDefinitionNode) =>
    visit(node, {
      FragmentSpread(spread) {
        const name = spread.name.value;
        const fragment = fragments.get(name);
        if (fragment && !found.has(name)) {
          found.set(name, fragment);
          walk(fragment);
        }
      },
    });
  walk(selection);
  return [...found.values()];
}

function usedVariables(nodes: readonly (SelectionSetNode | FragmentDefinitionNode)[]): Set<string> {
  const names = new Set<string>();
  for (const node of nodes) {
    visit(node, {
      Variable(variable) {
        names.add(variable.name.value);
      },
    });
  }
  return names;
}

function argumentValue(
  field: FieldNode,
  name: string,
  variables: Record<string, unknown>,
): string | undefined {
  const argument = field.arguments?.find((a) => a.name.value === name);
  if (!argument) return undefined;
  const { value } = argument;
  if (value.kind === Kind.VARIABLE) {
    const given = variables[value.name.value];
    return typeof given === 'string' || typeof given === 'number' ? String(given) : undefined;
  }
  if (value.kind === Kind.STRING || value.kind === Kind.INT) return value.value;
  return undefined;
}

/**
 * Turns a (schema-validated) subscription document into the query that resolves its payload
 * through federation, so fields other subgraphs own (a product's name, a store's name) resolve
 * as in any query. Throws GraphQLError for what the gateway cannot serve.
 */
export function planLiveOperation(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): LiveOperation {
  const root = operation.selectionSet.selections;
  const field = root[0];
  if (root.length !== 1 || !field || field.kind !== Kind.FIELD) {
    throw new GraphQLError('A subscription selects exactly one field, without fragments.');
  }
  const name = field.name.value;
  if (!(name in LIVE_FIELDS)) throw new GraphQLError(`Unknown subscription field ${name}.`);
  const live = LIVE_FIELDS[name as LiveField];
  const argument = live.argument ? argumentValue(field, live.argument, variables) : undefined;
  if (live.argument && !argument) throw new GraphQLError(`${name} needs ${live.argument}.`);

  const fragmentsByName = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  const selection = field.selectionSet;
  if (!selection) throw new GraphQLError(`${name} needs a selection set.`);
  const fragments = reachableFragments(selection, fragmentsByName);
  const used = usedVariables([selection, ...fragments]);
  if (used.has(LIVE_ID)) throw new GraphQLError(`$${LIVE_ID} is reserved in subscriptions.`);
  const definitions: VariableDefinitionNode[] = (operation.variableDefinitions ?? []).filter((d) =>
    used.has(d.variable.name.value),
  );
  const alias = field.alias?.value ?? name;
  const header = [`$${LIVE_ID}: ID!`, ...definitions.map((d) => print(d))].join(', ');
  const query = [
    `query Live(${header}) { ${alias}: ${live.queryField}(id: $${LIVE_ID}) ${print(selection)} }`,
    ...fragments.map((f) => print(f)),
  ].join('\n');
  const kept = Object.fromEntries(Object.entries(variables).filter(([key]) => used.has(key)));
  return {
    field: name as LiveField,
    argument,
    query,
    variables: kept,
    shareKey: `${query}\n${JSON.stringify(kept)}`,
  };
}

export const liveIdVariable = LIVE_ID;
