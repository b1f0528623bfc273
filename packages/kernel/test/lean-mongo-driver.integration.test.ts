import { createRequire } from 'node:module';
import { Entity, MikroORM, PrimaryKey, Property } from '@mikro-orm/mongodb';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { dropDatabase, freshDatabaseName, testEnv } from '@bloom/testing';
import { LeanMongoDriver } from '../src/orm/lean-mongo.driver.js';

@Entity({ collection: 'plants' })
class Plant {
  @PrimaryKey()
  _id!: string;

  @Property()
  name!: string;
}

// The module object MikroORM's CommonJS build calls inspect on.
const util = createRequire(import.meta.url)('node:util') as typeof import('node:util');
const dbName = freshDatabaseName('lean_driver');
const opened: MikroORM[] = [];

async function open(logged: string[] | undefined): Promise<MikroORM> {
  const orm = await MikroORM.init({
    clientUrl: testEnv.MONGO_URL,
    dbName,
    entities: [Plant],
    driver: LeanMongoDriver,
    allowGlobalContext: true,
    ...(logged ? { debug: ['query' as const], logger: (line: string) => logged.push(line) } : {}),
  });
  opened.push(orm);
  return orm;
}

afterEach(() => vi.restoreAllMocks());
afterAll(async () => {
  for (const orm of opened) await orm.close(true);
  await dropDatabase(dbName);
});

describe('LeanMongoDriver', () => {
  it('reads without describing the query when queries are not logged', async () => {
    const orm = await open(undefined);
    await orm.em.fork().insert(Plant, { _id: 'p1', name: '장미' });
    const inspect = vi.spyOn(util, 'inspect');
    const found = await orm.em.fork().find(Plant, { name: '장미' }, { orderBy: { _id: 'asc' } });
    expect(found.map((p) => p._id)).toEqual(['p1']);
    expect(inspect).not.toHaveBeenCalled();
  });

  it('still logs the text of each query when asked to', async () => {
    const logged: string[] = [];
    const orm = await open(logged);
    await orm.em.fork().find(Plant, { name: '튤립' });
    expect(logged.join('\n')).toContain(`db.getCollection('plants').find({ name: '튤립' }`);
  });
});
