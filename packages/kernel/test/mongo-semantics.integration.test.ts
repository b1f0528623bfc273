import { type Collection, type Db, MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropDatabase, freshDatabaseName, testEnv } from '@bloom/testing';
import { isDuplicateKeyError } from '../src/errors/errors.js';

/**
 * The single-document promises the code relies on (ARCHITECTURE.md "Data"), checked against
 * whatever MONGO_URL points at: the local mongo-java-server in `npm test`, a MongoDB 7 with
 * TEST_MONGO_URL. A server that fails here (FerretDB 1.24 did) must not run the system.
 */
let client: MongoClient;
let db: Db;
const dbName = freshDatabaseName('semantics');
const RACERS = 50;

interface Counter {
  _id: string;
  n: number;
  stock: number;
  status: string;
  items: { id: string; done: boolean }[];
}

beforeAll(async () => {
  // A pool as wide as the race, so the updates really overlap on the server.
  client = await MongoClient.connect(testEnv.MONGO_URL, { maxPoolSize: RACERS });
  db = client.db(dbName);
});
afterAll(async () => {
  await client.close();
  await dropDatabase(dbName);
});

async function seeded(name: string, doc: Partial<Counter> = {}): Promise<Collection<Counter>> {
  const collection = db.collection<Counter>(name);
  await collection.insertOne({ _id: 'c', n: 0, stock: 0, status: 'OPEN', items: [], ...doc });
  return collection;
}

const race = <T>(work: (i: number) => Promise<T>) =>
  Promise.all(Array.from({ length: RACERS }, (_, i) => work(i)));

describe('single-document atomicity', () => {
  it(`${RACERS} concurrent $inc on one document lose no update`, async () => {
    const counters = await seeded('inc');
    await race(() => counters.updateOne({ _id: 'c' }, { $inc: { n: 1 } }));
    expect((await counters.findOne({ _id: 'c' }))?.n).toBe(RACERS);
  });

  it(`concurrent $inc on different fields and $push keep every change`, async () => {
    const counters = await seeded('mixed');
    await race((i) =>
      i % 2 === 0
        ? counters.updateOne({ _id: 'c' }, { $inc: { stock: 1 } })
        : counters.updateOne({ _id: 'c' }, { $push: { items: { id: `i${i}`, done: false } } }),
    );
    const doc = await counters.findOne({ _id: 'c' });
    expect(doc?.stock).toBe(RACERS / 2);
    expect(doc?.items).toHaveLength(RACERS / 2);
  });

  it('a guarded decrement raced by many never goes below its guard, and reports only real changes', async () => {
    const counters = await seeded('guard', { stock: 10 });
    const results = await race(() =>
      counters.updateOne({ _id: 'c', stock: { $gte: 1 } }, { $inc: { stock: -1 } }),
    );
    expect(results.filter((r) => r.modifiedCount === 1)).toHaveLength(10);
    expect((await counters.findOne({ _id: 'c' }))?.stock).toBe(0);
  });

  it('a compare-and-set on a status field has exactly one winner', async () => {
    const counters = await seeded('cas');
    const results = await race((i) =>
      counters.updateOne({ _id: 'c', status: 'OPEN' }, { $set: { status: `TAKEN-${i}` } }),
    );
    expect(results.filter((r) => r.modifiedCount === 1)).toHaveLength(1);
    expect((await counters.findOne({ _id: 'c' }))?.status).toMatch(/^TAKEN-\d+$/);
  });

  it('findOneAndUpdate hands each racer a distinct value', async () => {
    const counters = await seeded('fau');
    const seen = await race(async () => {
      const doc = await counters.findOneAndUpdate(
        { _id: 'c' },
        { $inc: { n: 1 } },
        { returnDocument: 'after' },
      );
      return doc?.n;
    });
    expect(new Set(seen).size).toBe(RACERS);
    expect(Math.max(...seen.map(Number))).toBe(RACERS);
  });
});

describe('unique indexes', () => {
  it('a duplicate key is error 11000 on insert, and exactly one of many racing inserts wins', async () => {
    const claims = db.collection<{ _id: string; by: number }>('claims');
    const results = await race((i) =>
      claims.insertOne({ _id: 'coupon:user', by: i }).then(
        () => 'inserted',
        (error: unknown) => {
          expect(isDuplicateKeyError(error)).toBe(true);
          expect((error as { code?: number }).code).toBe(11000);
          return 'duplicate';
        },
      ),
    );
    expect(results.filter((r) => r === 'inserted')).toHaveLength(1);
  });

  it('an update that would break a unique index is error 11000 and changes nothing', async () => {
    const users = db.collection<{ _id: string; email: string }>('users');
    await users.createIndex({ email: 1 }, { unique: true });
    await users.insertMany([
      { _id: 'a', email: 'a@bloom.test' },
      { _id: 'b', email: 'b@bloom.test' },
    ]);
    const error: unknown = await users
      .updateOne({ _id: 'b' }, { $set: { email: 'a@bloom.test' } })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect((error as { code?: number } | undefined)?.code).toBe(11000);
    expect(await users.findOne({ _id: 'b' })).toEqual({ _id: 'b', email: 'b@bloom.test' });
  });
});

describe('updates and aggregation the services use', () => {
  it('$group computes several accumulators at once', async () => {
    const sales = db.collection<{ store: string; amount: number; qty: number }>('sales');
    await sales.insertMany([
      { store: 's1', amount: 1000, qty: 1 },
      { store: 's1', amount: 2500, qty: 2 },
      { store: 's2', amount: 700, qty: 3 },
    ]);
    const rows = await sales
      .aggregate<{ _id: string; total: number; count: number; qty: number; top: number }>([
        {
          $group: {
            _id: '$store',
            total: { $sum: '$amount' },
            count: { $sum: 1 },
            qty: { $sum: '$qty' },
            top: { $max: '$amount' },
          },
        },
        { $sort: { _id: 1 } },
      ])
      .toArray();
    expect(rows).toEqual([
      { _id: 's1', total: 3500, count: 2, qty: 3, top: 2500 },
      { _id: 's2', total: 700, count: 1, qty: 3, top: 700 },
    ]);
  });

  it('$pull with a condition on array elements removes exactly the matching ones', async () => {
    const carriers = await seeded('pull', {
      items: [
        { id: 'e1', done: true },
        { id: 'e2', done: false },
        { id: 'e3', done: true },
      ],
    });
    await carriers.updateOne({ _id: 'c' }, { $pull: { items: { id: { $in: ['e1', 'e3'] } } } });
    expect((await carriers.findOne({ _id: 'c' }))?.items).toEqual([{ id: 'e2', done: false }]);
  });

  it('arrayFilters update only the elements they name', async () => {
    const carriers = await seeded('filters', {
      items: [
        { id: 'e1', done: false },
        { id: 'e2', done: false },
      ],
    });
    await carriers.updateOne(
      { _id: 'c' },
      { $set: { 'items.$[it].done': true } },
      { arrayFilters: [{ 'it.id': 'e2' }] },
    );
    expect((await carriers.findOne({ _id: 'c' }))?.items).toEqual([
      { id: 'e1', done: false },
      { id: 'e2', done: true },
    ]);
  });
});
