import { type ConstArgumentNode, Kind, parse } from 'graphql';

export interface SubgraphEndpoint {
  name: string;
  /** The GraphQL endpoint the gateway sends operations to. */
  url: string;
  /** The subgraph's liveness endpoint, next to its GraphQL endpoint. */
  healthUrl: string;
  /** Its readiness endpoint (dependencies usable, version), likewise. */
  readyUrl: string;
}

/**
 * Reads the subgraphs and their URLs from the supergraph's `join__Graph` enum and applies the
 * per-name overrides, so every consumer (query plans, readiness, API-key lookups) agrees on
 * where a subgraph lives.
 */
export function subgraphEndpoints(
  supergraphSdl: string,
  overrides: Partial<Record<string, string>> = {},
): SubgraphEndpoint[] {
  const document = parse(supergraphSdl);
  const endpoints: SubgraphEndpoint[] = [];
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.ENUM_TYPE_DEFINITION || definition.name.value !== 'join__Graph') {
      continue;
    }
    for (const value of definition.values ?? []) {
      const graph = value.directives?.find((directive) => directive.name.value === 'join__graph');
      const name = stringArgument(graph?.arguments, 'name');
      const url = stringArgument(graph?.arguments, 'url');
      if (!name || url === undefined) continue;
      const effective = overrides[name] ?? url;
      endpoints.push({
        name,
        url: effective,
        healthUrl: healthUrlOf(effective),
        readyUrl: healthUrlOf(effective, 'ready'),
      });
    }
  }
  if (endpoints.length === 0) throw new Error('The supergraph names no subgraphs (join__Graph).');
  return endpoints;
}

/** `http://host:4001/graphql` → `http://host:4001/health`, the convention every subgraph follows. */
export function healthUrlOf(graphqlUrl: string, probe: 'health' | 'ready' = 'health'): string {
  const url = new URL(graphqlUrl);
  url.pathname = url.pathname.replace(/\/?(graphql\/?)?$/, '') + `/${probe}`;
  url.search = '';
  return url.href;
}

function stringArgument(
  args: readonly ConstArgumentNode[] | undefined,
  name: string,
): string | undefined {
  const value = args?.find((argument) => argument.name.value === name)?.value;
  return value?.kind === Kind.STRING ? value.value : undefined;
}
