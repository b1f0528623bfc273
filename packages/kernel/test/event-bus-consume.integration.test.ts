import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createStreamNamespace, deleteStreamNamespace, testEnv, waitFor } from '@bloom/testing';
import { type EventEnvelope, createEvent, defineEvent } from '../src/events/envelope.js';
import { EventBus } from '../src/events/event-bus.js';
import { createLogger } from '../src/logging/logger.js';

const logger = createLogger({ service: 'bus-test', level: 'silent' });
const probed = defineEvent('orders.probe.counted', z.object({ n: z.number() }));
let namespace: string;
let bus: EventBus;
let durables = 0;

beforeAll(async () => {
  namespace = await createStreamNamespace();
  bus = await EventBus.connect({ servers: testEnv.NATS_URL, namespace, name: 'bus-test', logger });
});

afterAll(async () => {
  await bus.close();
  await deleteStreamNamespace(namespace);
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const nOf = (event: EventEnvelope) => (event.payload as { n: number }).n;

/**
 * Publishes `perSubject` events for each subject, in runs of `run` per subject (s0#1, s0#2,
 * s0#3, s1#1, …), so one subject's events sit next to each other in the stream.
 */
async function publish(
  prefix: string,
  subjects: number,
  perSubject: number,
  run = 1,
): Promise<void> {
  for (let from = 1; from <= perSubject; from += run) {
    for (let s = 0; s < subjects; s += 1) {
      for (let n = from; n < from + run && n <= perSubject; n += 1) {
        const meta = { source: 'test', subjectId: `${prefix}${s}`, sequence: n, traceId: '' };
        await bus.publish(createEvent(probed, meta, { n }));
      }
    }
  }
}

/** Counts handlers running at once, and the most seen. */
function gauge() {
  const state = { running: 0, max: 0 };
  return {
    state,
    async around<T>(work: () => Promise<T>): Promise<T> {
      state.running += 1;
      state.max = Math.max(state.max, state.running);
      try {
        return await work();
      } finally {
        state.running -= 1;
      }
    },
  };
}

/** Each test reads only its own subjects, through its own durable consumer. */
const durable = () => `bus-test-${(durables += 1)}`;

describe('EventBus.consume', () => {
  it('keeps each subject in order, handles subjects in parallel, never above the limit', async () => {
    const prefix = 'order-';
    const subjects = 24;
    const perSubject = 12;
    const seen = new Map<string, number[]>();
    const g = gauge();
    const consumption = await bus.consume({
      durable: durable(),
      types: [probed.type],
      concurrency: 6,
      handle: (event) =>
        g.around(async () => {
          if (!event.subjectId.startsWith(prefix)) return;
          await sleep(Math.random() * 8);
          seen.set(event.subjectId, [...(seen.get(event.subjectId) ?? []), nOf(event)]);
        }),
    });
    await publish(prefix, subjects, perSubject, 4);
    await waitFor(() => [...seen.values()].flat().length === subjects * perSubject, {
      timeoutMs: 20_000,
      what: 'every event handled',
    });
    await consumption.stop();
    const inOrder = Array.from({ length: perSubject }, (_, i) => i + 1);
    for (let s = 0; s < subjects; s += 1) expect(seen.get(`${prefix}${s}`)).toEqual(inOrder);
    expect(g.state.max).toBeGreaterThan(1);
    expect(g.state.max).toBeLessThanOrEqual(6);
  });

  it('a failed event holds its subject until its redelivery; other subjects go on', async () => {
    const prefix = 'held-';
    const log: string[] = [];
    let failedOnce = false;
    const consumption = await bus.consume({
      durable: durable(),
      types: [probed.type],
      concurrency: 4,
      handle: async (event) => {
        if (!event.subjectId.startsWith(prefix)) return;
        const label = `${event.subjectId}#${nOf(event)}`;
        if (label === `${prefix}0#2` && !failedOnce) {
          failedOnce = true;
          log.push(`${label}!`);
          throw new Error('the store is busy');
        }
        log.push(label);
        await sleep(5);
      },
    });
    await publish(prefix, 2, 5);
    await waitFor(() => log.length === 11, { timeoutMs: 15_000, what: '10 handled + 1 failure' });
    await consumption.stop();
    const a = log.filter((entry) => entry.startsWith(`${prefix}0#`));
    expect(a).toEqual([
      `${prefix}0#1`,
      `${prefix}0#2!`,
      `${prefix}0#2`,
      `${prefix}0#3`,
      `${prefix}0#4`,
      `${prefix}0#5`,
    ]);
    // The other subject did not wait for the redelivery (≥ 250 ms later).
    const bDone = log.indexOf(`${prefix}1#5`);
    expect(bDone).toBeLessThan(log.indexOf(`${prefix}0#2`));
  });

  it('stops taking deliveries when running + waiting reach the limit (back-pressure)', async () => {
    const prefix = 'pressure-';
    const name = durable();
    let open: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const g = gauge();
    let handled = 0;
    const consumption = await bus.consume({
      durable: name,
      types: [probed.type],
      concurrency: 3,
      maxPending: 10,
      handle: (event) =>
        g.around(async () => {
          if (!event.subjectId.startsWith(prefix)) return;
          await gate;
          handled += 1;
        }),
    });
    await publish(prefix, 60, 1);
    await sleep(500);
    const lag = async () =>
      (await bus.streamLag())
        .find((s) => s.name === 'ORDERS')
        ?.consumers.find((c) => c.name === name);
    const blocked = await lag();
    expect(g.state.running).toBe(3);
    expect(blocked?.ackPending).toBeLessThanOrEqual(10);
    expect(blocked?.pending).toBeGreaterThanOrEqual(50);
    open();
    await waitFor(() => handled === 60, { timeoutMs: 15_000, what: 'all 60 handled' });
    await consumption.stop();
    expect(g.state.max).toBe(3);
  });

  it('stop() lets running handlers finish; what it did not handle comes to the next consumer', async () => {
    const prefix = 'drain-';
    const name = durable();
    const handled = new Set<string>();
    const g = gauge();
    const handle = (event: EventEnvelope) =>
      g.around(async () => {
        if (!event.subjectId.startsWith(prefix)) return;
        await sleep(20);
        handled.add(`${event.subjectId}#${nOf(event)}`);
      });
    const first = await bus.consume({
      durable: name,
      types: [probed.type],
      concurrency: 4,
      handle,
    });
    await publish(prefix, 10, 10);
    await waitFor(() => handled.size >= 10, { what: 'some handled' });
    await first.stop();
    expect(g.state.running).toBe(0);
    const afterStop = handled.size;
    expect(afterStop).toBeLessThan(100);
    const second = await bus.consume({
      durable: name,
      types: [probed.type],
      concurrency: 4,
      ackWaitMs: 1_000,
      handle,
    });
    await waitFor(() => handled.size === 100, { timeoutMs: 20_000, what: 'the rest handled' });
    await second.stop();
  });
});
