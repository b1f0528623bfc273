import { randomUUID } from 'node:crypto';
import { Entity, PrimaryKey, Property } from '@mikro-orm/mongodb';
import { type Collection, type Document, MongoClient } from 'mongodb';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import {
  createStreamNamespace,
  deleteStreamNamespace,
  dropDatabase,
  freshDatabaseName,
  testEnv,
  waitFor,
} from '@bloom/testing';
import { type EventEnvelope, createEvent, defineEvent } from '../src/events/envelope.js';
import { EventBus } from '../src/events/event-bus.js';
import { OutboxRelay } from '../src/events/outbox-relay.js';
import { createLogger } from '../src/logging/logger.js';
import { ServiceRuntime } from '../src/server/service-runtime.js';

const logger = createLogger({ service: 'relay-test', level: 'silent' });
const noted = defineEvent('orders.probe.noted', z.object({ n: z.number() }));
const dbName = freshDatabaseName('relay');
const namespaces: string[] = [];
let client: MongoClient;

@Entity({ collection: 'probes' })
class Probe {
  @PrimaryKey()
  _id!: string;

  @Property()
  outbox: EventEnvelope[] = [];

  @Property()
  eventSequence = 0;
}

beforeAll(async () => {
  client = await new MongoClient(testEnv.MONGO_URL).connect();
});

afterAll(async () => {
  await client.close();
  await dropDatabase(dbName);
  for (const namespace of namespaces) await deleteStreamNamespace(namespace);
});

const eventOf = (subjectId: string, n: number, id = randomUUID()) =>
  createEvent(noted, { source: 'test', subjectId, sequence: n, traceId: '', id }, { n });

/** A fresh collection with `count` documents carrying `perDoc` events each. */
async function seed(count: number, perDoc = 1): Promise<{ things: Collection; ids: string[] }> {
  const things = client.db(dbName).collection(`things_${randomUUID().slice(0, 8)}`);
  const ids = Array.from({ length: count }, (_, i) => `doc${i}`);
  await things.insertMany(
    ids.map((id) => ({
      _id: id,
      outbox: Array.from({ length: perDoc }, (_, n) => eventOf(id, n + 1)),
    })) as unknown as Document[],
  );
  return { things, ids };
}

/**
 * Records the filter of every `find` sent to the collection, through any handle of it (a
 * `db.collection()` handle is a new object each time).
 */
function spyFinds(collection: Collection): Document[] {
  const filters: Document[] = [];
  const prototype = Object.getPrototypeOf(collection) as Collection;
  const original = Reflect.get(prototype, 'find') as (...args: unknown[]) => unknown;
  const find = (handle: Collection, filter: Document, options?: Document): unknown =>
    Reflect.apply(original, handle, [filter, options]);
  const spy = vi.spyOn(prototype, 'find').mockImplementation(function (
    this: Collection,
    filter: Document,
    options?: Document,
  ) {
    if (this.collectionName === collection.collectionName) filters.push(filter);
    return find(this, filter, options);
  } as never);
  spies.push(spy);
  return filters;
}
const spies: { mockRestore(): void }[] = [];
afterEach(() => {
  for (const spy of spies.splice(0)) spy.mockRestore();
});

const isScan = (filter: Document) => !('_id' in filter);

/** A publisher that holds every publish until `open()`, so kicks can arrive mid-round. */
function gatedPublisher() {
  const published: EventEnvelope[] = [];
  let open: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  const publish = async (event: EventEnvelope) => {
    await gate;
    published.push(event);
  };
  return { published, publish, open: () => open() };
}

describe('OutboxRelay', () => {
  it('publishes kicked documents by _id without scanning, and leaves the others', async () => {
    const { things } = await seed(5, 2);
    const filters = spyFinds(things);
    const published: EventEnvelope[] = [];
    const relay = new OutboxRelay([things], (e) => Promise.resolve(void published.push(e)), logger);
    relay.kick(things.collectionName, ['doc1', 'doc3']);
    await waitFor(() => published.length === 4);
    await relay.stop();
    // Each document's events in order; different documents side by side.
    const of = (id: string) => published.filter((e) => e.subjectId === id).map((e) => e.sequence);
    expect([of('doc1'), of('doc3'), published.length]).toEqual([[1, 2], [1, 2], 4]);
    expect(filters).toEqual([{ _id: { $in: ['doc1', 'doc3'] } }]);
    const left = await things.find({ 'outbox.0': { $exists: true } }).toArray();
    expect(left.map((d) => d._id).sort()).toEqual(['doc0', 'doc2', 'doc4']);
  });

  it('publishes what a writer hands over without reading it, and pulls it after', async () => {
    const { things } = await seed(3, 2);
    const written = (await things.find({}).toArray()) as unknown as {
      _id: string;
      outbox: EventEnvelope[];
    }[];
    const filters = spyFinds(things);
    const { published, publish, open } = gatedPublisher();
    const relay = new OutboxRelay([things], publish, logger);
    // A first round (doc2, read) is publishing while doc0 and doc1 are handed over, and doc1
    // is then written again and kicked bare: it is read, not taken as handed over.
    relay.kick(things.collectionName, 'doc2');
    relay.kickWritten(
      things.collectionName,
      written.filter((d) => d._id !== 'doc2'),
    );
    relay.kick(things.collectionName, 'doc1');
    open();
    await waitFor(() => published.length === 6);
    await relay.stop();
    expect(filters).toEqual([{ _id: { $in: ['doc2'] } }, { _id: { $in: ['doc1'] } }]);
    const of = (id: string) => published.filter((e) => e.subjectId === id).map((e) => e.sequence);
    expect([of('doc0'), of('doc1'), of('doc2')]).toEqual([
      [1, 2],
      [1, 2],
      [1, 2],
    ]);
    expect(await things.countDocuments({ 'outbox.0': { $exists: true } })).toBe(0);
  });

  it('coalesces concurrent kicks into batches by _id', async () => {
    const { things, ids } = await seed(100);
    const filters = spyFinds(things);
    const { published, publish, open } = gatedPublisher();
    const relay = new OutboxRelay([things], publish, logger);
    // 100 writes kick one after another while the first round is still publishing.
    for (const id of ids) relay.kick(things.collectionName, id);
    await new Promise((resolve) => setTimeout(resolve, 20));
    open();
    await waitFor(() => published.length === 100);
    await relay.stop();
    expect(new Set(published.map((e) => e.id)).size).toBe(100);
    expect(filters.some(isScan)).toBe(false);
    // The first kick's round, then everything that arrived meanwhile in one read.
    expect(filters.map((f) => (f._id as { $in: unknown[] }).$in.length)).toEqual([1, 99]);
  });

  it('past its cap of remembered kicks it falls back to one scan, losing nothing', async () => {
    const { things, ids } = await seed(30);
    const filters = spyFinds(things);
    const published: EventEnvelope[] = [];
    const relay = new OutboxRelay(
      [things],
      (e) => Promise.resolve(void published.push(e)),
      logger,
      { maxPendingRefs: 5 },
    );
    relay.kick(things.collectionName, ids);
    await waitFor(() => published.length === 30);
    await relay.stop();
    expect(new Set(published.map((e) => e.id)).size).toBe(30);
    expect(filters.filter(isScan)).toEqual([{ 'outbox.id': { $exists: true } }]);
  });

  it('a crash between publish and pull republishes, and JetStream keeps one copy by msgID', async () => {
    const namespace = await createStreamNamespace();
    namespaces.push(namespace);
    const bus = await EventBus.connect({
      servers: testEnv.NATS_URL,
      namespace,
      name: 'relay-test',
      logger,
    });
    try {
      const { things } = await seed(3, 2);
      const pull = vi
        .spyOn(things, 'bulkWrite')
        .mockRejectedValueOnce(new Error('crashed before the pull'));
      let publishes = 0;
      const relay = new OutboxRelay(
        [things],
        (e) => {
          publishes += 1;
          return bus.publish(e);
        },
        logger,
      );
      relay.kick(things.collectionName, ['doc0', 'doc1', 'doc2']);
      await waitFor(() => pull.mock.calls.length === 1);
      expect(await things.countDocuments({ 'outbox.0': { $exists: true } })).toBe(3);
      relay.kick(things.collectionName, ['doc0', 'doc1', 'doc2']);
      await waitFor(
        async () => (await things.countDocuments({ 'outbox.0': { $exists: true } })) === 0,
      );
      await relay.stop();
      expect(publishes).toBe(12);
      const stream = (await bus.streamLag()).find((s) => s.name === 'ORDERS');
      expect(stream?.messages).toBe(6);
    } finally {
      await bus.close();
    }
  });

  it('the periodic scan publishes what nobody kicked', async () => {
    const { things } = await seed(4);
    const filters = spyFinds(things);
    const published: EventEnvelope[] = [];
    const relay = new OutboxRelay(
      [things],
      (e) => Promise.resolve(void published.push(e)),
      logger,
      { scanIntervalMs: 100 },
    );
    await relay.ensureIndexes();
    relay.start();
    await waitFor(() => published.length === 4);
    // Written after the start-up scan, never kicked: the next scan finds it.
    await things.insertOne({ _id: 'late', outbox: [eventOf('late', 1)] } as unknown as Document);
    await waitFor(() => published.length === 5, { timeoutMs: 3_000 });
    await relay.stop();
    expect(published.at(-1)?.subjectId).toBe('late');
    expect(filters.every(isScan)).toBe(true);
  });

  it('in a service runtime, kick(entity) finds the collection and _id from the ORM', async () => {
    const namespace = await createStreamNamespace();
    namespaces.push(namespace);
    const runtime = await ServiceRuntime.start({
      name: 'relay-test',
      logger,
      mongoUrl: testEnv.MONGO_URL,
      dbName,
      entities: [Probe],
      natsUrl: testEnv.NATS_URL,
      namespace,
      outbox: ['probes'],
      outboxScanIntervalMs: 60_000,
    });
    try {
      await runtime.relay.flush();
      const probes = runtime.db.collection('probes');
      const filters = spyFinds(probes);
      const em = runtime.orm.em.fork();
      const probe = em.create(Probe, { _id: 'p1', outbox: [eventOf('p1', 1)], eventSequence: 1 });
      await em.flush();
      runtime.relay.kick(probe);
      const raw = client.db(dbName).collection<{ _id: string; outbox: unknown[] }>('probes');
      await waitFor(async () => (await raw.findOne({ _id: 'p1' }))?.outbox.length === 0);
      // The relay's read by id (besides this test's own findOne polls), and no scan.
      expect(filters.filter((f) => typeof f._id !== 'string')).toEqual([{ _id: { $in: ['p1'] } }]);
      const stream = (await runtime.bus.streamLag()).find((s) => s.name === 'ORDERS');
      expect(stream?.messages).toBe(1);
    } finally {
      await runtime.close();
    }
  });
});
