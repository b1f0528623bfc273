import { type CommandStartedEvent, MongoClient, type UpdateFilter } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropDatabase, freshDatabaseName, testEnv } from '@bloom/testing';
import { GroupCommit, groupCommit } from '../src/orm/group-commit.js';

const dbName = freshDatabaseName('group_commit');
let client: MongoClient;
const commands: string[] = [];

beforeAll(async () => {
  client = new MongoClient(testEnv.MONGO_URL, { monitorCommands: true });
  client.on('commandStarted', (event: CommandStartedEvent) => {
    if (event.databaseName === dbName) commands.push(event.commandName);
  });
  await client.connect();
});
afterAll(async () => {
  await client.close();
  await dropDatabase(dbName);
});

interface Thing {
  _id: string;
  v: number | string;
}
// `v` is a number or a string here, which the driver's types cannot $inc.
const increment = { $inc: { v: 1 } } as unknown as UpdateFilter<Thing>;

describe('GroupCommit', () => {
  it('sends writes that arrive during a round trip together, each caller told its outcome', async () => {
    const things = new GroupCommit(client.db(dbName).collection<Thing>('things'));
    await things.insertNew({ _id: 'taken', v: 0 });
    commands.length = 0;

    // 60 writes at once: the first goes alone, the rest wait for it and share the next trips.
    const outcomes = await Promise.all([
      ...Array.from({ length: 50 }, (_, i) => things.insertNew({ _id: `t${i}`, v: i })),
      things.insertNew({ _id: 'taken', v: 1 }),
      things.insertNew({ _id: 't7', v: 99 }),
      ...Array.from({ length: 8 }, () => things.updateOne({ _id: 'taken' }, increment)),
    ]);

    expect(outcomes.slice(0, 50).every((o) => o === true)).toBe(true);
    expect(outcomes[50]).toBe(false);
    expect(outcomes[51]).toBe(false);
    expect(commands.filter((c) => c === 'insert' || c === 'update').length).toBeLessThanOrEqual(6);
    expect(commands.length).toBeLessThan(10);
    const stored = await client.db(dbName).collection<Thing>('things').find().toArray();
    expect(stored).toHaveLength(51);
    // The refused insert left it as it was; every update counted.
    expect(stored.find((t) => t._id === 'taken')?.v).toBe(8);
    // Of two inserts of one _id in a trip, the first is kept.
    expect(stored.find((t) => t._id === 't7')?.v).toBe(7);
    expect(stored.find((t) => t._id === 't20')?.v).toBe(20);
  });

  it('rejects only the write the database refused, and every write of a failed round trip', async () => {
    const collection = client.db(dbName).collection<Thing>('mixed');
    const things = new GroupCommit(collection);
    await things.insertNew({ _id: 's', v: 'text' });
    const outcomes = await Promise.allSettled([
      things.insertNew({ _id: 'a', v: 1 }),
      // $inc on a string: refused with a code other than a duplicate key.
      things.updateOne({ _id: 's' }, increment),
      // An array is not a valid _id.
      things.insertNew({ _id: ['not', 'an', 'id'] as unknown as string, v: 1 }),
      things.insertNew({ _id: 'b', v: 1 }),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual([
      'fulfilled',
      'rejected',
      'rejected',
      'fulfilled',
    ]);
    expect(await collection.countDocuments({ v: 1 })).toBe(2);

    const closed = new MongoClient(testEnv.MONGO_URL);
    await closed.connect();
    const lost = new GroupCommit(closed.db(dbName).collection<Thing>('mixed'));
    await closed.close();
    const failed = await Promise.allSettled([
      lost.insertNew({ _id: 'c', v: 1 }),
      lost.insertNew({ _id: 'd', v: 1 }),
    ]);
    expect(failed.map((o) => o.status)).toEqual(['rejected', 'rejected']);
  });

  it('leaves out the fields set to undefined', async () => {
    const collection = client.db(dbName).collection<Thing & { note?: string }>('sparse');
    await new GroupCommit(collection).insertNew({ _id: 'u', v: 1, note: undefined });
    const stored = await collection.findOne({ _id: 'u' });
    expect(stored && Object.keys(stored)).toEqual(['_id', 'v']);
  });

  it('is one per database and collection', () => {
    const db = client.db(dbName);
    expect(groupCommit(db, 'things')).toBe(groupCommit(db, 'things'));
    expect(groupCommit(db, 'things')).not.toBe(groupCommit(db, 'other'));
  });
});
