import type {
  AnyBulkWriteOperation,
  Collection,
  Db,
  Document,
  Filter,
  OptionalUnlessRequiredId,
  UpdateFilter,
} from 'mongodb';
import { DUPLICATE_KEY, writeErrorsOf } from './insert-new.js';

interface Pending<T extends Document> {
  op: AnyBulkWriteOperation<T>;
  /** Settles the caller's promise: `duplicate` for an insert whose `_id` exists. */
  settle: (outcome: { error?: Error; duplicate?: boolean }) => void;
}

/**
 * Writes to one collection from concurrent callers, coalesced (a group commit): a write that
 * arrives while a round trip is in flight goes with the next one, as one unordered bulk write.
 * A lone write goes at once; under load many share a round trip. The driver gives every
 * command its own socket write and the database its own parse, which is most of what a small
 * write costs, so the saga's per-event records (claims, steps, payments) go through here.
 *
 * Each caller learns its own write's outcome: an insert refused for an existing `_id` resolves
 * as a duplicate, any other refusal rejects that write only, and a failed round trip rejects
 * every write in it.
 */
export class GroupCommit<T extends Document> {
  private queue: Pending<T>[] = [];
  private writing = false;

  constructor(
    private readonly collection: Collection<T>,
    private readonly maxBatch = 256,
  ) {}

  /**
   * Inserts a document with a fixed `_id`; false when one with that `_id` exists. Fields set
   * to `undefined` are left out (the driver would store them as null).
   */
  insertNew(doc: OptionalUnlessRequiredId<T>): Promise<boolean> {
    const document = Object.fromEntries(
      Object.entries(doc).filter(([, value]) => value !== undefined),
    ) as OptionalUnlessRequiredId<T>;
    return this.enqueue({ insertOne: { document } } as AnyBulkWriteOperation<T>).then(
      (duplicate) => !duplicate,
    );
  }

  /** Inserts documents with fixed `_id`s; resolves to how many were new. */
  async insertAllNew(docs: readonly OptionalUnlessRequiredId<T>[]): Promise<number> {
    const inserted = await Promise.all(docs.map((doc) => this.insertNew(doc)));
    return inserted.filter(Boolean).length;
  }

  /** An update whose matched count nobody needs (a state the document only moves forward to). */
  async updateOne(filter: Filter<T>, update: UpdateFilter<T>): Promise<void> {
    await this.enqueue({ updateOne: { filter, update } });
  }

  private enqueue(op: AnyBulkWriteOperation<T>): Promise<boolean> {
    return new Promise((resolve, reject) => {
      this.queue.push({
        op,
        settle: ({ error, duplicate }) => (error ? reject(error) : resolve(duplicate === true)),
      });
      if (!this.writing) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.writing = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, this.maxBatch);
        await this.write(batch);
      }
    } finally {
      this.writing = false;
    }
  }

  private async write(batch: Pending<T>[]): Promise<void> {
    try {
      await this.collection.bulkWrite(
        batch.map((p) => p.op),
        { ordered: false },
      );
      for (const pending of batch) pending.settle({});
    } catch (error) {
      const writeErrors = writeErrorsOf(error);
      if (!writeErrors) {
        const failure = error instanceof Error ? error : new Error(String(error));
        for (const pending of batch) pending.settle({ error: failure });
        return;
      }
      const refused = new Map(writeErrors.map((e) => [e.index, e]));
      batch.forEach((pending, index) => {
        const writeError = refused.get(index);
        if (!writeError) pending.settle({});
        else if (writeError.code === DUPLICATE_KEY && 'insertOne' in pending.op) {
          pending.settle({ duplicate: true });
        } else {
          pending.settle({
            error: new Error(
              `write to ${this.collection.collectionName} refused: ${writeError.errmsg ?? writeError.code}`,
            ),
          });
        }
      });
    }
  }
}

const byDb = new WeakMap<Db, Map<string, GroupCommit<Document>>>();

/** The process's group commit for one collection (one per database and collection name). */
export function groupCommit<T extends Document>(db: Db, name: string): GroupCommit<T> {
  let named = byDb.get(db);
  if (!named) {
    named = new Map();
    byDb.set(db, named);
  }
  let found = named.get(name);
  if (!found) {
    found = new GroupCommit(db.collection(name));
    named.set(name, found);
  }
  return found as unknown as GroupCommit<T>;
}
