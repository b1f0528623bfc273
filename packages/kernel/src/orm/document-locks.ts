import { randomUUID } from 'node:crypto';
import type { Collection } from 'mongodb';
import { isDuplicateKeyError } from '../errors/errors.js';

interface LockDoc {
  _id: string;
  owner: string;
  expiresAt: Date;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A lock stayed held past the wait limit. */
export class LockTimeoutError extends Error {
  constructor(key: string) {
    super(`${key} stayed locked`);
    this.name = 'LockTimeoutError';
  }
}

/**
 * One writer at a time per document. FerretDB applies every update by reading the whole
 * document and writing it back, so two concurrent updates of one document lose one of them even
 * when they touch different fields (a service's change and the outbox relay's removal of
 * published events, for example). Writers of such documents hold its lock: a lock document
 * inserted under the document's id (unique, so atomic), deleted afterwards. A lock left by a
 * crashed holder expires after its lease.
 */
export class DocumentLocks {
  constructor(
    private readonly locks: Collection<LockDoc>,
    private readonly leaseMs = 15_000,
    private readonly maxWaitMs = 30_000,
  ) {}

  async withLock<T>(key: string, work: () => Promise<T>): Promise<T> {
    const owner = randomUUID();
    const deadline = Date.now() + this.maxWaitMs;
    for (let attempt = 0; ; attempt += 1) {
      try {
        await this.locks.insertOne({
          _id: key,
          owner,
          expiresAt: new Date(Date.now() + this.leaseMs),
        });
        break;
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
      if (attempt % 20 === 19) {
        await this.locks.deleteOne({ _id: key, expiresAt: { $lt: new Date() } });
      }
      if (Date.now() > deadline) throw new LockTimeoutError(key);
      // Jittered, growing pauses keep many waiting writers from hammering the database.
      await sleep(Math.min(40, 4 + attempt * 2) * (0.5 + Math.random()));
    }
    try {
      return await work();
    } finally {
      await this.locks.deleteOne({ _id: key, owner });
    }
  }
}

/** Document ids are ObjectIds in documents and hex strings everywhere else. */
export function documentKey(id: unknown): string {
  if (typeof id === 'string') return id;
  if (typeof id === 'object' && id !== null && 'toHexString' in id) {
    return (id as { toHexString(): string }).toHexString();
  }
  return String(id);
}
