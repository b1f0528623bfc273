import { type EntityManager, isDuplicateKeyError } from '@bloom/kernel';
import type { EntityName } from '@mikro-orm/core';

/**
 * `$set` of some fields on the document with this `_id`, creating it if absent. Used for
 * projections and settings where the last writer may win (nothing here is an invariant).
 * Two concurrent upserts of a new `_id` can both try the insert; the loser gets a duplicate
 * key and simply updates the document the winner created.
 */
export async function upsertFields<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  id: string,
  fields: Record<string, unknown>,
): Promise<void> {
  const set = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  for (let attempt = 1; ; attempt += 1) {
    try {
      await em
        .getCollection(entity)
        .updateOne({ _id: id } as never, { $set: set } as never, { upsert: true });
      return;
    } catch (error) {
      if (!isDuplicateKeyError(error) || attempt >= 3) throw error;
    }
  }
}
