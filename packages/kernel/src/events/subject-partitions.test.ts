import { describe, expect, it } from 'vitest';
import { type Delivery, type DeliveryOutcome, SubjectPartitions } from './subject-partitions.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Trace {
  started: string[];
  running: number;
  maxRunning: number;
  deferred: string[];
}

function delivery(
  trace: Trace,
  key: string,
  seq: number,
  work: () => Promise<DeliveryOutcome> = () => Promise.resolve({}),
): Delivery {
  return {
    key,
    seq,
    run: async () => {
      trace.started.push(`${key}#${seq}`);
      trace.running += 1;
      trace.maxRunning = Math.max(trace.maxRunning, trace.running);
      try {
        return await work();
      } finally {
        trace.running -= 1;
      }
    },
    extend: () => undefined,
    defer: () => void trace.deferred.push(`${key}#${seq}`),
  };
}

const newTrace = (): Trace => ({ started: [], running: 0, maxRunning: 0, deferred: [] });
const options = { holdGraceMs: 5_000, extendEveryMs: 1_000 };

describe('SubjectPartitions', () => {
  it('runs one subject in order and different subjects side by side, never above the limit', async () => {
    const trace = newTrace();
    const partitions = new SubjectPartitions({ ...options, concurrency: 3, capacity: 50 });
    for (let n = 1; n <= 10; n += 1) {
      for (const key of ['a', 'b', 'c', 'd', 'e']) {
        await partitions.offer(
          delivery(trace, key, n, () => sleep(Math.random() * 5).then(() => ({}))),
        );
      }
    }
    await partitions.drain();
    for (const key of ['a', 'b', 'c', 'd', 'e']) {
      const order = trace.started.filter((s) => s.startsWith(`${key}#`));
      expect(order).toEqual(Array.from({ length: 10 }, (_, i) => `${key}#${i + 1}`));
    }
    expect(trace.maxRunning).toBe(3);
  });

  it('a failed delivery holds its subject until its redelivery, which runs first', async () => {
    const trace = newTrace();
    const partitions = new SubjectPartitions({ ...options, concurrency: 4, capacity: 50 });
    let failed = false;
    await partitions.offer(
      delivery(trace, 'a', 1, () => {
        if (failed) return Promise.resolve({});
        failed = true;
        return Promise.resolve({ retryInMs: 50 });
      }),
    );
    await partitions.offer(delivery(trace, 'a', 2));
    await partitions.offer(delivery(trace, 'b', 3));
    await sleep(30);
    // b went on; a#2 waits behind the failed a#1.
    expect(trace.started).toEqual(['a#1', 'b#3']);
    await partitions.offer(delivery(trace, 'a', 4));
    await sleep(20);
    expect(trace.started).toEqual(['a#1', 'b#3']);
    // The redelivery of a#1 (same sequence) arrives after the later events: it still goes first.
    await partitions.offer(delivery(trace, 'a', 1));
    await partitions.drain();
    expect(trace.started).toEqual(['a#1', 'b#3', 'a#1', 'a#2', 'a#4']);
  });

  it('lets the subject go on when the redelivery does not come back in time', async () => {
    const trace = newTrace();
    const expired: string[] = [];
    const partitions = new SubjectPartitions({
      concurrency: 2,
      capacity: 10,
      holdGraceMs: 40,
      extendEveryMs: 1_000,
      onHoldExpired: (key, seq) => expired.push(`${key}#${seq}`),
    });
    await partitions.offer(delivery(trace, 'a', 1, () => Promise.resolve({ retryInMs: 10 })));
    await partitions.offer(delivery(trace, 'a', 2));
    await sleep(20);
    expect(trace.started).toEqual(['a#1']);
    await sleep(80);
    expect(expired).toEqual(['a#1']);
    expect(trace.started).toEqual(['a#1', 'a#2']);
    await partitions.drain();
  });

  it('offer waits while running and waiting deliveries fill the capacity', async () => {
    const trace = newTrace();
    const partitions = new SubjectPartitions({ ...options, concurrency: 2, capacity: 4 });
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slow = () => gate.then(() => ({}));
    for (let n = 1; n <= 3; n += 1) await partitions.offer(delivery(trace, `s${n}`, n, slow));
    let fourthTaken = false;
    const fourth = partitions.offer(delivery(trace, 's4', 4, slow)).then(() => {
      fourthTaken = true;
    });
    await sleep(20);
    expect(partitions.held).toBe(4);
    expect(partitions.running).toBe(2);
    expect(fourthTaken).toBe(false);
    release();
    await fourth;
    expect(fourthTaken).toBe(true);
    await partitions.drain();
    expect(trace.started).toHaveLength(4);
  });

  it('drain finishes what runs, then gives back what waits behind a failed delivery', async () => {
    const trace = newTrace();
    const partitions = new SubjectPartitions({ ...options, concurrency: 2, capacity: 10 });
    await partitions.offer(delivery(trace, 'a', 1, () => Promise.resolve({ retryInMs: 1_000 })));
    await partitions.offer(delivery(trace, 'a', 2));
    await partitions.offer(delivery(trace, 'b', 3, () => sleep(30).then(() => ({}))));
    await partitions.offer(delivery(trace, 'b', 4));
    await partitions.drain();
    expect(trace.running).toBe(0);
    expect(trace.started).toEqual(['a#1', 'b#3', 'b#4']);
    expect(trace.deferred).toEqual(['a#2']);
  });
});
