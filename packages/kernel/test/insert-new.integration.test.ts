import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropDatabase, freshDatabaseName, testEnv } from '@bloom/testing';
import { insertNew } from '../src/orm/insert-new.js';

const dbName = freshDatabaseName('insert_new');
let client: MongoClient;

beforeAll(async () => {
  client = new MongoClient(testEnv.MONGO_URL);
  await client.connect();
});
afterAll(async () => {
  await client.close();
  await dropDatabase(dbName);
});

describe('insertNew', () => {
  it('inserts the new documents of a batch and leaves the existing ones as they were', async () => {
    const things = client.db(dbName).collection<{ _id: string; v: number }>('things');
    expect(await insertNew(things, [{ _id: 'a', v: 1 }])).toBe(1);
    const batch = ['a', 'b', 'c'].map((_id) => ({ _id, v: 2 }));
    expect(await insertNew(things, batch)).toBe(2);
    expect(await things.find({}, { sort: { _id: 1 } }).toArray()).toEqual([
      { _id: 'a', v: 1 },
      { _id: 'b', v: 2 },
      { _id: 'c', v: 2 },
    ]);
    expect(await insertNew(things, [{ _id: 'b', v: 3 }])).toBe(0);
    expect(await insertNew(things, [])).toBe(0);
  });

  it('throws a failure that is not an existing _id, after inserting what it could', async () => {
    const things = client.db(dbName).collection<{ _id: unknown; v: number }>('mixed');
    // An array is not a valid _id: the server refuses that document with another code.
    await expect(
      insertNew(things, [
        { _id: 'ok', v: 1 },
        { _id: ['not', 'an', 'id'], v: 1 },
      ]),
    ).rejects.toThrow();
    expect(await things.countDocuments({ v: 1 })).toBe(1);
  });
});
