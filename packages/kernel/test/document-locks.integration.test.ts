import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropDatabase, freshDatabaseName, testEnv } from '@bloom/testing';
import { DocumentLocks } from '../src/orm/document-locks.js';

let client: MongoClient;
const dbName = freshDatabaseName('locks');

beforeAll(async () => {
  client = await MongoClient.connect(testEnv.MONGO_URL);
});
afterAll(async () => {
  await client.close();
  await dropDatabase(dbName);
});

describe('DocumentLocks', () => {
  it('keeps every one of 20 concurrent updates of different fields of one document', async () => {
    const db = client.db(dbName);
    const docs = db.collection<{ _id: string; [field: string]: unknown }>('docs');
    await docs.insertOne({ _id: 'd1' });
    const locks = new DocumentLocks(db.collection('locks'));
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        locks.withLock('d1', () => docs.updateOne({ _id: 'd1' }, { $set: { [`f${i}`]: i } })),
      ),
    );
    const doc = await docs.findOne({ _id: 'd1' });
    for (let i = 0; i < 20; i += 1) expect(doc?.[`f${i}`]).toBe(i);
    expect(await db.collection('locks').countDocuments()).toBe(0);
  });

  it('takes over a lock whose holder died after its lease', async () => {
    const db = client.db(dbName);
    await db.collection<{ _id: string; owner: string; expiresAt: Date }>('locks').insertOne({
      _id: 'stale',
      owner: 'crashed',
      expiresAt: new Date(Date.now() - 1_000),
    });
    const locks = new DocumentLocks(db.collection('locks'), 15_000, 5_000);
    await expect(locks.withLock('stale', () => Promise.resolve('ran'))).resolves.toBe('ran');
  });
});
