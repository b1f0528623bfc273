import { performance } from 'node:perf_hooks';
import { parsePrometheusText } from '@bloom/kernel';

/**
 * What a service shows of an AI client's circuit breaker: its `/ready` answer (the `ai` detail)
 * and the `ai_circuit_state` / `ai_calls_total` figures of one client on `/metrics`.
 */
export const aiBreakerProbe = (origin: string, client: string) => ({
  async ready() {
    const res = await fetch(`${origin}/ready`);
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  },
  async metrics() {
    const { samples } = parsePrometheusText(await (await fetch(`${origin}/metrics`)).text());
    const of = (name: string, labels: Record<string, string>) =>
      samples.find(
        (s) =>
          s.name === name &&
          Object.entries(labels).every(([key, value]) => s.labels[key] === value),
      )?.value ?? 0;
    return {
      state: of('ai_circuit_state', { client }),
      failed: of('ai_calls_total', { client, outcome: 'failed' }),
      skipped: of('ai_calls_total', { client, outcome: 'skipped' }),
    };
  },
});

/** The call's result and how long it took. */
export async function timed<T>(call: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await call();
  return { result, ms: performance.now() - started };
}
