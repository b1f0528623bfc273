import { describe, expect, it } from 'vitest';
import {
  type Execution,
  IdempotencyStore,
  canonicalJson,
  requestFingerprint,
} from './idempotency.store.js';

const ok = (body: unknown): Execution => ({ response: { status: 200, body }, remember: true });

describe('IdempotencyStore', () => {
  it('executes once and replays the first response for the same key and fingerprint', async () => {
    const store = new IdempotencyStore(10);
    let runs = 0;
    const execute = () => Promise.resolve(ok({ run: ++runs }));
    const first = await store.run('k', 'f', execute);
    const second = await store.run('k', 'f', execute);
    expect(first).toEqual({ kind: 'executed', response: { status: 200, body: { run: 1 } } });
    expect(second).toEqual({ kind: 'replayed', response: { status: 200, body: { run: 1 } } });
    expect(runs).toBe(1);
  });

  it('reports a conflict when the key comes back with another request', async () => {
    const store = new IdempotencyStore(10);
    await store.run('k', 'f1', () => Promise.resolve(ok(1)));
    expect(await store.run('k', 'f2', () => Promise.resolve(ok(2)))).toEqual({
      kind: 'conflict',
    });
  });

  it('makes concurrent requests with one key wait for the first execution', async () => {
    const store = new IdempotencyStore(10);
    let runs = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const execute = async () => {
      runs += 1;
      await gate;
      return ok({ run: runs });
    };
    const all = Promise.all(Array.from({ length: 20 }, () => store.run('k', 'f', execute)));
    release();
    const outcomes = await all;
    expect(runs).toBe(1);
    expect(outcomes.filter((o) => o.kind === 'executed')).toHaveLength(1);
    expect(outcomes.filter((o) => o.kind === 'replayed')).toHaveLength(19);
    for (const outcome of outcomes) {
      expect(outcome.kind !== 'conflict' && outcome.response.body).toEqual({ run: 1 });
    }
  });

  it('releases the key after a transient failure or a thrown error', async () => {
    const store = new IdempotencyStore(10);
    const failed = await store.run('k', 'f', () =>
      Promise.resolve({ response: { status: 500, body: 'boom' }, remember: false }),
    );
    expect(failed.kind).toBe('executed');
    expect((await store.run('k', 'f', () => Promise.resolve(ok('again')))).kind).toBe('executed');

    await expect(store.run('t', 'f', () => Promise.reject(new Error('crash')))).rejects.toThrow(
      'crash',
    );
    expect((await store.run('t', 'f', () => Promise.resolve(ok('now')))).kind).toBe('executed');
  });

  it('forgets the oldest settled keys past its capacity', async () => {
    const store = new IdempotencyStore(3);
    for (const key of ['a', 'b', 'c', 'd'])
      await store.run(key, 'f', () => Promise.resolve(ok(key)));
    expect(store.size).toBe(3);
    expect((await store.run('a', 'f', () => Promise.resolve(ok('a2')))).kind).toBe('executed');
    expect((await store.run('d', 'f', () => Promise.resolve(ok('d2')))).kind).toBe('replayed');
  });
});

describe('requestFingerprint', () => {
  it('ignores key order but not values, paths or methods', () => {
    const base = requestFingerprint('POST', '/v1/p/1/capture', { amount: 1, note: 'x' });
    expect(requestFingerprint('POST', '/v1/p/1/capture', { note: 'x', amount: 1 })).toBe(base);
    expect(requestFingerprint('POST', '/v1/p/1/capture', { amount: 2, note: 'x' })).not.toBe(base);
    expect(requestFingerprint('POST', '/v1/p/1/cancel', { amount: 1, note: 'x' })).not.toBe(base);
    expect(canonicalJson({ b: [1, { d: 1, c: 2 }], a: null })).toBe(
      '{"a":null,"b":[1,{"c":2,"d":1}]}',
    );
  });
});
