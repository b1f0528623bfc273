import { createLogger } from '@bloom/kernel';
import { describe, expect, it } from 'vitest';
import { SagaAdmission } from './saga.admission.js';

const logger = createLogger({ service: 'test', level: 'silent' });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function admission(readBacklog: () => Promise<number | null>, limit = 4, maxWaitMs = 2_000) {
  return new SagaAdmission({ readBacklog, limit, maxWaitMs, logger });
}

describe('SagaAdmission', () => {
  it('admits at once while the backlog is below the limit', async () => {
    const gate = admission(() => Promise.resolve(1));
    expect(await gate.admit()).toBeLessThan(50);
  });

  it('holds checkouts while the saga is behind and lets them go as it catches up', async () => {
    let backlog = 10;
    const gate = admission(() => Promise.resolve(backlog));
    let admitted = false;
    const waiting = gate.admit().then((ms) => {
      admitted = true;
      return ms;
    });
    await sleep(150);
    expect(admitted).toBe(false);
    backlog = 0;
    expect(await waiting).toBeGreaterThanOrEqual(140);
  });

  it('lets a burst through only as far as the room a reading shows', async () => {
    let reads = 0;
    const gate = admission(() => {
      reads += 1;
      return Promise.resolve(1);
    });
    const started = Date.now();
    const at = await Promise.all(
      Array.from({ length: 9 }, () => gate.admit().then(() => Date.now() - started)),
    );
    at.sort((a, b) => a - b);
    // Room for 3 (limit 4 − backlog 1) per reading; the next 3 go only once the first have
    // had time to show in the backlog (100 ms), however slow the machine.
    const gap = (from: number, to: number) => (at[to] ?? 0) - (at[from] ?? 0);
    expect(gap(0, 3)).toBeGreaterThanOrEqual(95);
    expect(gap(3, 6)).toBeGreaterThanOrEqual(95);
    // One reading at a time serves every waiter.
    expect(reads).toBeLessThan(40);
  });

  it('never holds a checkout longer than the longest wait', async () => {
    const gate = admission(() => Promise.resolve(1_000), 4, 120);
    const waited = await gate.admit();
    expect(waited).toBeGreaterThanOrEqual(120);
    expect(waited).toBeLessThan(400);
  });

  it('admits when the backlog cannot be read, or the reading hangs', async () => {
    const failing = admission(() => Promise.reject(new Error('no responders')));
    expect(await failing.admit()).toBeLessThan(100);
    const hanging = admission(() => new Promise<number>(() => undefined));
    expect(await hanging.admit()).toBeLessThan(100);
  });

  it('is off with a limit of 0', async () => {
    let reads = 0;
    const gate = admission(() => {
      reads += 1;
      return Promise.resolve(1_000);
    }, 0);
    expect(await gate.admit()).toBe(0);
    expect(reads).toBe(0);
  });
});
