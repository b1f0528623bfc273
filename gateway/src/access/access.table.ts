import { type AccessRule, accessFromTags } from '@bloom/kernel';
import { type DirectiveNode, Kind, parse } from 'graphql';

const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

/**
 * Every root field's access rule, read from the `@tag(name: "access:…" / "key:…")` directives
 * that each subgraph's `@Access` declaration writes and composition carries into the
 * supergraph. Keyed `Type.field`; a field without a rule is absent (and refused).
 */
export function accessTable(supergraphSdl: string): Map<string, AccessRule> {
  const table = new Map<string, AccessRule>();
  for (const definition of parse(supergraphSdl).definitions) {
    if (
      (definition.kind !== Kind.OBJECT_TYPE_DEFINITION &&
        definition.kind !== Kind.OBJECT_TYPE_EXTENSION) ||
      !ROOT_TYPES.has(definition.name.value)
    ) {
      continue;
    }
    for (const field of definition.fields ?? []) {
      const rule = accessFromTags(tagsOf(field.directives ?? []));
      if (rule) table.set(`${definition.name.value}.${field.name.value}`, rule);
    }
  }
  return table;
}

/** The root fields of the supergraph, declared or not (for the test that all are declared). */
export function rootFields(supergraphSdl: string): string[] {
  const fields: string[] = [];
  for (const definition of parse(supergraphSdl).definitions) {
    if (
      (definition.kind === Kind.OBJECT_TYPE_DEFINITION ||
        definition.kind === Kind.OBJECT_TYPE_EXTENSION) &&
      ROOT_TYPES.has(definition.name.value)
    ) {
      for (const field of definition.fields ?? []) {
        fields.push(`${definition.name.value}.${field.name.value}`);
      }
    }
  }
  return fields;
}

function tagsOf(directives: readonly DirectiveNode[]): string[] {
  const tags: string[] = [];
  for (const directive of directives) {
    if (directive.name.value !== 'tag') continue;
    const name = directive.arguments?.find((argument) => argument.name.value === 'name')?.value;
    if (name?.kind === Kind.STRING) tags.push(name.value);
  }
  return tags;
}
