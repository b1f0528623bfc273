import type { Readiness } from '@bloom/kernel';
import type { SubgraphEndpoint } from './subgraph.registry.js';

export interface SubgraphsReadiness extends Readiness {
  /** 'ok', or why a subgraph is not usable. */
  subgraphs: Record<string, string>;
  failed: string[];
}

/** Asks every subgraph's /health at once; one that does not answer 2xx in time fails the probe. */
export async function probeSubgraphs(
  endpoints: readonly SubgraphEndpoint[],
  timeoutMs = 1_000,
): Promise<SubgraphsReadiness> {
  const results = await Promise.all(
    endpoints.map(async ({ name, healthUrl }): Promise<[string, string]> => {
      try {
        const response = await fetch(healthUrl, { signal: AbortSignal.timeout(timeoutMs) });
        await response.body?.cancel();
        return [name, response.ok ? 'ok' : `HTTP ${response.status}`];
      } catch (error) {
        const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
        return [name, timedOut ? `no answer within ${timeoutMs} ms` : 'unreachable'];
      }
    }),
  );
  const failed = results.filter(([, state]) => state !== 'ok').map(([name]) => name);
  return { ready: failed.length === 0, subgraphs: Object.fromEntries(results), failed };
}
