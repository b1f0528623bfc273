import { describe, expect, it } from 'vitest';
import { ServiceMetrics } from '../metrics/metrics.registry.js';
import { parsePrometheusText } from '../metrics/prometheus-text.parser.js';
import { CIRCUIT_OPEN, CircuitBreaker } from './circuit-breaker.js';

const COOLDOWN_MS = 1_000;

function setup(metrics?: ServiceMetrics) {
  const clock = { ms: Date.parse('2026-05-01T00:00:00Z') };
  const breaker = new CircuitBreaker({
    client: 'search',
    failureThreshold: 3,
    cooldownMs: COOLDOWN_MS,
    metrics,
    now: () => clock.ms,
  });
  let calls = 0;
  const ok = () => {
    calls += 1;
    return Promise.resolve('answer');
  };
  const fail = () => {
    calls += 1;
    return Promise.reject(new Error('boom'));
  };
  return {
    clock,
    breaker,
    ok,
    fail,
    calls: () => calls,
    failTimes: async (n: number) => {
      for (let i = 0; i < n; i += 1) await expect(breaker.run(fail)).rejects.toThrow('boom');
    },
  };
}

/** A call that stays pending until the test settles it. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('CircuitBreaker', () => {
  it('passes results and errors through while closed, and a success resets the count', async () => {
    const { breaker, ok, failTimes } = setup();
    expect(await breaker.run(ok)).toBe('answer');
    await failTimes(2);
    expect(breaker.snapshot()).toMatchObject({ state: 'CLOSED', failures: 2 });
    expect(await breaker.run(ok)).toBe('answer');
    await failTimes(2);
    expect(breaker.snapshot()).toMatchObject({ state: 'CLOSED', failures: 2 });
  });

  it('opens after the threshold of consecutive failures and then skips without calling', async () => {
    const { breaker, clock, ok, failTimes, calls } = setup();
    clock.ms += 5_000;
    await failTimes(3);
    expect(breaker.snapshot()).toEqual({
      state: 'OPEN',
      since: new Date(clock.ms).toISOString(),
      failures: 3,
    });
    const before = calls();
    clock.ms += COOLDOWN_MS - 1;
    expect(await breaker.run(ok)).toBe(CIRCUIT_OPEN);
    expect(calls()).toBe(before);
  });

  it('counts results the caller calls failures (a null answer) like errors', async () => {
    const { breaker } = setup();
    const none = () => Promise.resolve(null);
    for (let i = 0; i < 3; i += 1) {
      expect(await breaker.run(none, (answer) => answer === null)).toBeNull();
    }
    expect(breaker.snapshot().state).toBe('OPEN');
  });

  it('after the cool-down lets one trial through: success closes the circuit', async () => {
    const { breaker, clock, ok, failTimes } = setup();
    await failTimes(3);
    clock.ms += COOLDOWN_MS;
    expect(await breaker.run(ok)).toBe('answer');
    expect(breaker.snapshot()).toEqual({
      state: 'CLOSED',
      since: new Date(clock.ms).toISOString(),
      failures: 0,
    });
    expect(await breaker.run(ok)).toBe('answer');
  });

  it('a failed trial opens the circuit again for a whole cool-down', async () => {
    const { breaker, clock, ok, failTimes } = setup();
    await failTimes(3);
    clock.ms += COOLDOWN_MS;
    await failTimes(1);
    expect(breaker.snapshot()).toMatchObject({
      state: 'OPEN',
      since: new Date(clock.ms).toISOString(),
    });
    clock.ms += COOLDOWN_MS - 1;
    expect(await breaker.run(ok)).toBe(CIRCUIT_OPEN);
    clock.ms += 1;
    expect(await breaker.run(ok)).toBe('answer');
    expect(breaker.snapshot().state).toBe('CLOSED');
  });

  it('half-open: of calls started together exactly one reaches fn, the others skip at once', async () => {
    const { breaker, clock, failTimes } = setup();
    await failTimes(3);
    clock.ms += COOLDOWN_MS;
    const trial = deferred<string>();
    let reached = 0;
    const fn = () => {
      reached += 1;
      return trial.promise;
    };
    const runs = Array.from({ length: 5 }, () => breaker.run(fn));
    // The four skipped calls settle while the trial is still pending.
    const skipped = await Promise.all(runs.slice(1));
    expect(skipped).toEqual([CIRCUIT_OPEN, CIRCUIT_OPEN, CIRCUIT_OPEN, CIRCUIT_OPEN]);
    expect(reached).toBe(1);
    expect(breaker.snapshot().state).toBe('HALF_OPEN');
    expect(await breaker.run(fn)).toBe(CIRCUIT_OPEN);
    trial.resolve('answer');
    expect(await runs[0]).toBe('answer');
    expect(reached).toBe(1);
    expect(breaker.snapshot().state).toBe('CLOSED');
  });

  it('ignores results of calls started before the last state change', async () => {
    const { breaker, clock, ok, failTimes } = setup();
    const late = deferred<string>();
    const stale = breaker.run(() => late.promise);
    await failTimes(3);
    late.resolve('late answer');
    expect(await stale).toBe('late answer');
    expect(breaker.snapshot().state).toBe('OPEN');
    clock.ms += COOLDOWN_MS;
    expect(await breaker.run(ok)).toBe('answer');
  });

  it('records its state and every call outcome', async () => {
    const metrics = new ServiceMetrics('breaker-test');
    const { breaker, clock, ok, failTimes } = setup(metrics);
    const read = async () => {
      const { samples } = parsePrometheusText(await metrics.render());
      const state = samples.find((s) => s.name === 'ai_circuit_state')?.value;
      const calls = Object.fromEntries(
        samples
          .filter((s) => s.name === 'ai_calls_total' && s.labels.client === 'search')
          .map((s): [string, number] => [s.labels.outcome ?? '', s.value]),
      );
      return { state, calls };
    };
    expect((await read()).state).toBe(0);
    await breaker.run(ok);
    await failTimes(3);
    await breaker.run(ok);
    expect(await read()).toEqual({ state: 1, calls: { ok: 1, failed: 3, skipped: 1 } });
    clock.ms += COOLDOWN_MS;
    const trial = deferred<string>();
    const running = breaker.run(() => trial.promise);
    expect((await read()).state).toBe(2);
    trial.resolve('answer');
    await running;
    expect(await read()).toEqual({ state: 0, calls: { ok: 2, failed: 3, skipped: 1 } });
  });
});
