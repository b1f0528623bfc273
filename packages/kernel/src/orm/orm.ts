import { type EntityManager, MikroORM, type Options } from '@mikro-orm/mongodb';
import type { Db } from 'mongodb';
import { LeanMongoDriver } from './lean-mongo.driver.js';
import { traceMongoCommands } from '../tracing/mongo-command.tracing.js';
import { tracingEnabled } from '../tracing/tracing.provider.js';

export type { EntityManager } from '@mikro-orm/mongodb';

export interface OrmOptions {
  clientUrl: string;
  dbName: string;
  entities: NonNullable<Options['entities']>;
  debug?: boolean;
  /** The tracer scope of database spans (the service's name); none without tracing. */
  traceScope?: string;
}

/**
 * One MikroORM instance per service. There is no global context: each request, subscription
 * operation and handled event works in its own `orm.em.fork()`.
 */
export async function createOrm(options: OrmOptions): Promise<MikroORM> {
  const tracing = tracingEnabled() && options.traceScope !== undefined;
  const orm = await MikroORM.init({
    clientUrl: options.clientUrl,
    dbName: options.dbName,
    entities: options.entities,
    driver: LeanMongoDriver,
    allowGlobalContext: false,
    implicitTransactions: false,
    ensureIndexes: true,
    // One update per changed entity, so a Revisioned entity's compare-and-set is checked on
    // each (the batched path does not check what it updated).
    useBatchUpdates: false,
    debug: options.debug ?? false,
    driverOptions: {
      maxPoolSize: 20,
      serverSelectionTimeoutMS: 5_000,
      // Command events cost something per command: only asked for when spans are made of them.
      monitorCommands: tracing,
    },
  });
  if (tracing) traceMongoCommands(orm.em.getConnection().getClient(), options.traceScope ?? 'db');
  await backfillRevisions(orm);
  return orm;
}

/**
 * A Revisioned entity's updates filter on the revision they loaded; documents written before
 * their entity had one (or by hand) get revision 0, so their first update can match.
 */
async function backfillRevisions(orm: MikroORM): Promise<void> {
  const db = rawDb(orm.em);
  const revisioned = Object.values(orm.getMetadata().getAll()).filter(
    (meta) => !meta.embeddable && !meta.abstract && meta.concurrencyCheckKeys.has('revision'),
  );
  await Promise.all(
    revisioned.map((meta) =>
      db
        .collection(meta.collection)
        .updateMany({ revision: { $exists: false } }, { $set: { revision: 0 } }),
    ),
  );
}

/** The raw driver database, for kernel infrastructure (outbox, processed events). */
export function rawDb(em: EntityManager): Db {
  return em.getConnection().getDb();
}
