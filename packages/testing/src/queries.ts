import { MongoConnection } from '@mikro-orm/mongodb';

type QueryMethod = 'find' | 'aggregate' | 'countDocuments';
const READS: QueryMethod[] = ['find', 'aggregate', 'countDocuments'];

/**
 * Counts the database reads MikroORM makes while `work` runs, by wrapping the connection's
 * query methods (the server under test runs in this process). The outbox relay and the
 * scheduler's id scan use the raw driver, so background work does not disturb the count.
 */
export async function countQueries(
  work: () => Promise<unknown>,
): Promise<{ count: number; collections: string[] }> {
  const collections: string[] = [];
  const prototype = MongoConnection.prototype as unknown as Record<
    QueryMethod,
    (...args: unknown[]) => unknown
  >;
  const originals = READS.map((method) => [method, prototype[method]] as const);
  for (const [method, original] of originals) {
    prototype[method] = function (this: unknown, ...args: unknown[]) {
      collections.push(String(args[0]));
      return original.apply(this, args);
    };
  }
  try {
    await work();
  } finally {
    for (const [method, original] of originals) prototype[method] = original;
  }
  return { count: collections.length, collections };
}
