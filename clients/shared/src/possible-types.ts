import { Kind, parse } from 'graphql';

/**
 * The cache's `possibleTypes`: which concrete types each interface and union of the supergraph
 * can be. Without it Apollo's cache cannot match `... on UserError { code message }` on a
 * result whose type is, say, `ProductAvailableError`, and typed errors would lose their fields.
 */
export function possibleTypesOf(supergraphSdl: string): Record<string, string[]> {
  const found = new Map<string, Set<string>>();
  const add = (abstract: string, concrete: string) => {
    const set = found.get(abstract) ?? new Set<string>();
    set.add(concrete);
    found.set(abstract, set);
  };
  for (const definition of parse(supergraphSdl).definitions) {
    if (
      definition.kind === Kind.OBJECT_TYPE_DEFINITION ||
      definition.kind === Kind.OBJECT_TYPE_EXTENSION
    ) {
      for (const iface of definition.interfaces ?? []) add(iface.name.value, definition.name.value);
    } else if (
      definition.kind === Kind.UNION_TYPE_DEFINITION ||
      definition.kind === Kind.UNION_TYPE_EXTENSION
    ) {
      for (const member of definition.types ?? []) add(definition.name.value, member.name.value);
    }
  }
  return Object.fromEntries(
    [...found.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([abstract, types]) => [abstract, [...types].sort()]),
  );
}
