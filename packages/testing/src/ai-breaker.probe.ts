import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { expect } from 'vitest';
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

/** One call through a service's AI path, timed: where its answer came from. */
export interface BreakerCall {
  source?: string;
  ms: number;
}

/** What the breaker cycle drives: the service's call, its probe and the OpenAI stub. */
export interface BreakerCycle<T extends BreakerCall> {
  call: () => Promise<T>;
  probe: ReturnType<typeof aiBreakerProbe>;
  stub: { mode: string; slowMs: number; requests: readonly unknown[] };
  failures: number;
  timeoutMs: number;
  cooldownMs: number;
  /** How much earlier than the timeout a hung call may come back (timer jitter). */
  earlyMs?: number;
}

/**
 * A circuit breaker's whole cycle against a hanging AI: `failures` calls wait for the timeout
 * and answer offline; the breaker is then OPEN in /ready (the service stays ready) and
 * /metrics, and the next call answers offline at once without asking the AI; after the
 * cool-down, of three calls together exactly one asks the (now healthy, slowish) AI while the
 * others answer offline at once, and the breaker is CLOSED again. Resolves to those three.
 */
export async function expectBreakerCycle<T extends BreakerCall>(cycle: BreakerCycle<T>) {
  const { call, probe, stub, failures, timeoutMs } = cycle;
  stub.mode = 'slow';
  stub.slowMs = 10_000;
  for (let i = 0; i < failures; i += 1) {
    const { source, ms } = await call();
    expect(source).toBe('OFFLINE');
    expect(ms).toBeGreaterThanOrEqual(timeoutMs - (cycle.earlyMs ?? 50));
    expect(ms).toBeLessThan(timeoutMs + 5_000);
  }

  const opened = await probe.ready();
  expect(opened.status).toBe(200);
  expect(opened.body).toMatchObject({
    status: 'ready',
    ai: { state: 'OPEN', failures, since: expect.any(String) as unknown },
  });
  expect(await probe.metrics()).toMatchObject({ state: 1, failed: failures, skipped: 0 });

  const asked = stub.requests.length;
  const skipped = await call();
  expect(skipped.source).toBe('OFFLINE');
  expect(skipped.ms).toBeLessThan(timeoutMs);
  expect(stub.requests.length).toBe(asked);
  expect(await probe.metrics()).toMatchObject({ state: 1, skipped: 1 });

  // Slow enough that the trial is still running when the calls started with it arrive.
  await sleep(cycle.cooldownMs);
  stub.slowMs = 150;
  const together = await Promise.all([call(), call(), call()]);
  expect(stub.requests.length).toBe(asked + 1);
  expect(together.map((r) => r.source).sort()).toEqual(['AI', 'OFFLINE', 'OFFLINE']);
  for (const r of together.filter((r) => r.source === 'OFFLINE')) {
    expect(r.ms).toBeLessThan(timeoutMs);
  }
  expect((await probe.ready()).body.ai).toMatchObject({ state: 'CLOSED', failures: 0 });
  expect(await probe.metrics()).toMatchObject({ state: 0, skipped: 3 });
  return together;
}
