import {
  type ConstDirectiveNode,
  type DefinitionNode,
  type FieldDefinitionNode,
  type InterfaceTypeDefinitionNode,
  type InterfaceTypeExtensionNode,
  Kind,
  type ObjectTypeDefinitionNode,
  type ObjectTypeExtensionNode,
  parse,
} from 'graphql';

/** `Type.field` → the subgraphs that can resolve the field, as composition recorded them. */
export type FieldSubgraphs = ReadonlyMap<string, readonly string[]>;

type Fielded =
  | ObjectTypeDefinitionNode
  | ObjectTypeExtensionNode
  | InterfaceTypeDefinitionNode
  | InterfaceTypeExtensionNode;

/**
 * Which subgraphs resolve each object and interface field, read from the supergraph's
 * `@join__type` / `@join__field` directives: a field's own non-external `@join__field` graphs,
 * or, without any, every graph that declares its type. The cost calculator uses it to see where
 * the query planner has to fetch an entity from another subgraph.
 */
export function fieldSubgraphsTable(supergraphSdl: string): Map<string, string[]> {
  const typeGraphs = new Map<string, string[]>();
  const fields = new Map<string, FieldDefinitionNode[]>();
  for (const definition of parse(supergraphSdl).definitions) {
    if (!isFielded(definition)) continue;
    const name = definition.name.value;
    const graphs = typeGraphs.get(name) ?? [];
    for (const directive of definition.directives ?? []) {
      const graph =
        directive.name.value === 'join__type' ? argument(directive, 'graph') : undefined;
      if (typeof graph === 'string' && !graphs.includes(graph)) graphs.push(graph);
    }
    typeGraphs.set(name, graphs);
    fields.set(name, [...(fields.get(name) ?? []), ...(definition.fields ?? [])]);
  }
  const table = new Map<string, string[]>();
  for (const [type, definitions] of fields) {
    for (const field of definitions) {
      const joins = (field.directives ?? []).filter((d) => d.name.value === 'join__field');
      const own = joins
        .filter((d) => argument(d, 'external') !== true && argument(d, 'usedOverridden') !== true)
        .map((d) => argument(d, 'graph'))
        .filter((graph): graph is string => typeof graph === 'string');
      // A `@join__field` without a graph (or none at all) leaves the field to its type's graphs.
      const graphs = own.length > 0 ? own : (typeGraphs.get(type) ?? []);
      if (graphs.length > 0) table.set(`${type}.${field.name.value}`, [...new Set(graphs)]);
    }
  }
  return table;
}

function isFielded(definition: DefinitionNode): definition is Fielded {
  return (
    definition.kind === Kind.OBJECT_TYPE_DEFINITION ||
    definition.kind === Kind.OBJECT_TYPE_EXTENSION ||
    definition.kind === Kind.INTERFACE_TYPE_DEFINITION ||
    definition.kind === Kind.INTERFACE_TYPE_EXTENSION
  );
}

/** An enum (graph name) or boolean argument of a join directive. */
function argument(directive: ConstDirectiveNode, name: string): string | boolean | undefined {
  const value = directive.arguments?.find((candidate) => candidate.name.value === name)?.value;
  if (value?.kind === Kind.ENUM) return value.value;
  if (value?.kind === Kind.BOOLEAN) return value.value;
  return undefined;
}
