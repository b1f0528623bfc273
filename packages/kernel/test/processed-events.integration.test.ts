import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropDatabase, freshDatabaseName, testEnv } from '@bloom/testing';
import { EventInProgressError, ProcessedEvents } from '../src/events/processed-events.js';

const dbName = freshDatabaseName('processed');
let client: MongoClient;

beforeAll(async () => {
  client = new MongoClient(testEnv.MONGO_URL);
  await client.connect();
});
afterAll(async () => {
  await client.close();
  await dropDatabase(dbName);
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('ProcessedEvents claims', () => {
  it('take over the claim of a process that died, once, after the lease', async () => {
    const db = client.db(dbName);
    // A claim a crashed process left behind, older than the lease.
    await db.collection('processed_events').insertOne({
      _id: 'c:dead' as never,
      consumer: 'c',
      eventId: 'dead',
      state: 'started',
      startedAt: new Date(Date.now() - 1_000),
    });
    const runs: number[] = [];
    const takers = Array.from({ length: 5 }, () => new ProcessedEvents(db, 300));
    const results = await Promise.allSettled(
      takers.map((p, i) => p.once('c', 'dead', () => Promise.resolve(void runs.push(i)))),
    );
    expect(runs).toHaveLength(1);
    // The others found it in progress, or (once the winner finished) already done.
    for (const r of results) {
      if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(EventInProgressError);
    }
    expect(results.filter((r) => r.status === 'fulfilled' && r.value)).toHaveLength(1);
  });

  it('keep a live claim for as long as its work runs, past the lease', async () => {
    const db = client.db(dbName);
    const holder = new ProcessedEvents(db, 300);
    const other = new ProcessedEvents(db, 300);
    let release!: () => void;
    const working = holder.once('c', 'slow', () => new Promise<void>((r) => (release = r)));
    await sleep(900);
    // Three leases later the holder is still renewing: a redelivery must wait.
    await expect(other.once('c', 'slow', () => Promise.resolve())).rejects.toBeInstanceOf(
      EventInProgressError,
    );
    release();
    await working;
    expect(await other.once('c', 'slow', () => Promise.resolve())).toBe(false);
  });
});
