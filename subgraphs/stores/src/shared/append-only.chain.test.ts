import { describe, expect, it } from 'vitest';
import { KeyedQueue } from './append-only.chain.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('KeyedQueue', () => {
  it('runs tasks of one key one at a time in arrival order, other keys alongside', async () => {
    const queue = new KeyedQueue();
    const log: string[] = [];
    let running = 0;
    let most = 0;
    const task = (key: string, id: number) =>
      queue.run(key, async () => {
        running += 1;
        most = Math.max(most, running);
        log.push(`${key}${id}`);
        await tick();
        running -= 1;
        return id;
      });
    const results = await Promise.all([task('a', 1), task('a', 2), task('b', 1), task('a', 3)]);
    expect(results).toEqual([1, 2, 1, 3]);
    expect(log.filter((l) => l.startsWith('a'))).toEqual(['a1', 'a2', 'a3']);
    expect(most).toBe(2);
  });

  it('keeps going after a task fails', async () => {
    const queue = new KeyedQueue();
    const failed = queue.run('k', () => Promise.reject(new Error('boom')));
    const next = queue.run('k', () => Promise.resolve('ok'));
    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBe('ok');
  });
});
