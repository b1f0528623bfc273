import type { Collection, Document, OptionalUnlessRequiredId } from 'mongodb';

export const DUPLICATE_KEY = 11000;

/** One refused write of a bulk write: its position in the request, the server's code and text. */
export interface WriteErrorInfo {
  index?: number;
  code?: number;
  errmsg?: string;
}

/** The write errors of a failed bulk write (insertMany, bulkWrite), when that is what it is. */
export function writeErrorsOf(error: unknown): WriteErrorInfo[] | null {
  if (typeof error !== 'object' || error === null) return null;
  const { writeErrors } = error as { writeErrors?: unknown };
  if (Array.isArray(writeErrors)) return writeErrors as WriteErrorInfo[];
  // One failed write is sometimes reported as an object, not a list.
  if (typeof writeErrors === 'object' && writeErrors !== null) {
    return [writeErrors];
  }
  return null;
}

/** A bulk write refused only for keys that exist (and nothing else): how many were refused. */
export function duplicateKeysOnly(error: unknown): number | null {
  const writeErrors = writeErrorsOf(error);
  if (!writeErrors || writeErrors.some((e) => e.code !== DUPLICATE_KEY)) return null;
  return writeErrors.length;
}

/**
 * Inserts documents with fixed `_id`s in one round trip; those whose `_id` exists are left as
 * they are (insert-only records: a retry or a duplicate event writes nothing). Any other
 * failure is thrown. Resolves to how many were new.
 */
export async function insertNew<T extends Document>(
  collection: Collection<T>,
  docs: OptionalUnlessRequiredId<T>[],
): Promise<number> {
  if (docs.length === 0) return 0;
  try {
    const result = await collection.insertMany(docs, { ordered: false });
    return result.insertedCount;
  } catch (error) {
    const refused = duplicateKeysOnly(error);
    if (refused === null) throw error;
    // Counted from the refusals: mongo-java-server's insertedCount includes the duplicates.
    return docs.length - refused;
  }
}
