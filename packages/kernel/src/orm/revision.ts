import { BeforeUpdate, OptimisticLockError, type Opt, Property } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/mongodb';
import { conflict } from '../errors/errors.js';

/**
 * Optimistic concurrency for a document that several writers change (a customer, a seller, an
 * admin, event consumers, the scheduler). Every update of an entity extending it is a
 * compare-and-set on `revision`: MikroORM adds the revision it loaded to the update's filter and
 * the hook below bumps it, so of two writers that loaded the same revision exactly one wins and
 * the other gets an OptimisticLockError instead of overwriting the first (on MongoDB an update
 * sets whole fields: two stale writers of one `outbox` array would otherwise lose an event).
 * The outbox relay's `$pull` of published events does not bump it: a writer that read them
 * before they were pulled writes them back, and they are republished and deduplicated.
 * Needs `useBatchUpdates: false` (createOrm sets it), so each update is checked on its own.
 */
export abstract class Revisioned {
  @Property({ concurrencyCheck: true })
  revision: Opt<number> = 0;

  @BeforeUpdate()
  protected nextRevision(): void {
    this.revision += 1;
  }
}

/** A write lost a compare-and-set on `revision` to a concurrent writer. */
export function isConcurrentUpdate(error: unknown): error is OptimisticLockError {
  return error instanceof OptimisticLockError;
}

/** For a writer that finds it lost a race another way (a unique insert): decide again. */
export const lostRace = (entity: object): OptimisticLockError =>
  OptimisticLockError.lockFailed(entity);

const pause = (attempt: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(50, 2 ** attempt)));

/**
 * Runs `work` (load what it changes, decide, flush) in a fresh fork of `em`, and again in a new
 * one while it loses to a concurrent writer; after `attempts` losses it gives up with a
 * CONFLICT error. Other errors pass through at once.
 */
export async function retryOnConflict<T>(
  em: EntityManager,
  work: (fresh: EntityManager) => Promise<T>,
  attempts = 12,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work(em.fork());
    } catch (error) {
      if (!isConcurrentUpdate(error)) throw error;
      if (attempt >= attempts) throw concurrentUpdateConflict();
      await pause(attempt);
    }
  }
}

/** What a caller sees when its change lost to another one and was not applied. */
export const concurrentUpdateConflict = () =>
  conflict('Someone changed this at the same moment; nothing was saved. Please try again.');
