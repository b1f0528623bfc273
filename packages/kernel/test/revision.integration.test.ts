import {
  Entity,
  type EntityManager,
  type MikroORM,
  PrimaryKey,
  Property,
} from '@mikro-orm/mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropDatabase, freshDatabaseName, testEnv } from '@bloom/testing';
import { createOrm, rawDb } from '../src/orm/orm.js';
import { Revisioned, isConcurrentUpdate, retryOnConflict } from '../src/orm/revision.js';
import { isDuplicateKeyError } from '../src/errors/errors.js';

@Entity({ collection: 'tallies' })
class Tally extends Revisioned {
  @PrimaryKey()
  _id!: string;

  @Property()
  count: number = 0;

  @Property()
  seen: string[] = [];
}

let orm: MikroORM;
const dbName = freshDatabaseName('revision');

beforeAll(async () => {
  orm = await createOrm({ clientUrl: testEnv.MONGO_URL, dbName, entities: [Tally] });
});
afterAll(async () => {
  await orm.close(true);
  await dropDatabase(dbName);
});

async function seed(id: string): Promise<void> {
  const em = orm.em.fork();
  em.create(Tally, { _id: id, count: 0, seen: [] });
  await em.flush();
}

/** Read-modify-write of two fields, the shape every service write has. */
async function bump(id: string, mark: string, em = orm.em.fork()): Promise<void> {
  const tally = await em.findOneOrFail(Tally, { _id: id });
  tally.count += 1;
  tally.seen = [...tally.seen, mark];
  await em.flush();
}

describe('Revisioned', () => {
  it('refuses a write made on a stale copy, and keeps the first', async () => {
    await seed('stale');
    const first = orm.em.fork();
    const second = orm.em.fork();
    const a = await first.findOneOrFail(Tally, { _id: 'stale' });
    const b = await second.findOneOrFail(Tally, { _id: 'stale' });
    a.seen = ['a'];
    await first.flush();
    b.seen = ['b'];
    const error: unknown = await second.flush().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isConcurrentUpdate(error)).toBe(true);
    const stored = await rawDb(orm.em.fork())
      .collection('tallies')
      .findOne({ _id: 'stale' as never });
    expect(stored).toMatchObject({ seen: ['a'], revision: 1 });
  });

  it('with retryOnConflict, 30 racing read-modify-writes of one document all land', async () => {
    await seed('race');
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        retryOnConflict(orm.em, (em) => bump('race', `w${i}`, em), 100),
      ),
    );
    const stored = await orm.em.fork().findOneOrFail(Tally, { _id: 'race' });
    expect(stored.count).toBe(30);
    expect(new Set(stored.seen).size).toBe(30);
    expect(stored.revision).toBe(30);
  });

  it('without it, racing writers lose: some fail, none is silently overwritten', async () => {
    await seed('lossy');
    const results = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) => bump('lossy', `w${i}`)),
    );
    const landed = results.filter((r) => r.status === 'fulfilled').length;
    const refused = results.filter((r) => r.status === 'rejected');
    expect(refused.every((r) => isConcurrentUpdate(r.reason))).toBe(true);
    const stored = await orm.em.fork().findOneOrFail(Tally, { _id: 'lossy' });
    expect(stored.count).toBe(landed);
    expect(stored.seen).toHaveLength(landed);
  });

  it('gives up with a CONFLICT error when it keeps losing, and passes other errors through', async () => {
    await expect(
      retryOnConflict(
        orm.em,
        () => Promise.reject(Object.assign(new Error('x'), { code: 11000 })),
        3,
      ),
    ).rejects.toSatisfy(isDuplicateKeyError);
    await seed('hopeless');
    let tries = 0;
    const hopeless = async (em: EntityManager) => {
      tries += 1;
      const tally = await em.findOneOrFail(Tally, { _id: 'hopeless' });
      await bump('hopeless', `rival${tries}`); // a rival always writes in between
      tally.count = -1;
      await em.flush();
    };
    await expect(retryOnConflict(orm.em, hopeless, 3)).rejects.toMatchObject({
      extensions: { code: 'CONFLICT' },
    });
    expect(tries).toBe(3);
  });

  it('updates a document stored before it had a revision, once the ORM started again', async () => {
    await rawDb(orm.em.fork())
      .collection('tallies')
      .insertOne({ _id: 'legacy' as never, count: 5, seen: [] });
    await orm.close();
    orm = await createOrm({ clientUrl: testEnv.MONGO_URL, dbName, entities: [Tally] });
    await bump('legacy', 'x');
    const stored = await orm.em.fork().findOneOrFail(Tally, { _id: 'legacy' });
    expect(stored.count).toBe(6);
  });
});
