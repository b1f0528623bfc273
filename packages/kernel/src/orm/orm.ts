import { type EntityManager, MikroORM, type Options } from '@mikro-orm/mongodb';
import type { Db } from 'mongodb';

export type { EntityManager } from '@mikro-orm/mongodb';

export interface OrmOptions {
  clientUrl: string;
  dbName: string;
  entities: NonNullable<Options['entities']>;
  debug?: boolean;
}

/**
 * One MikroORM instance per service. There is no global context: each request, subscription
 * operation and handled event works in its own `orm.em.fork()`.
 */
export async function createOrm(options: OrmOptions): Promise<MikroORM> {
  const orm = await MikroORM.init({
    clientUrl: options.clientUrl,
    dbName: options.dbName,
    entities: options.entities,
    allowGlobalContext: false,
    implicitTransactions: false,
    ensureIndexes: true,
    debug: options.debug ?? false,
    // Keep connections few and warm; FerretDB serialises writes per database anyway.
    driverOptions: { maxPoolSize: 20, serverSelectionTimeoutMS: 5_000 },
  });
  return orm;
}

/** The raw driver database, for kernel infrastructure (outbox, processed events). */
export function rawDb(em: EntityManager): Db {
  return em.getConnection().getDb();
}
