import type { Collection, Db } from 'mongodb';
import { type GroupCommit, groupCommit } from '../orm/group-commit.js';

interface ProcessedEventDoc {
  _id: string;
  consumer: string;
  eventId: string;
  state: 'started' | 'done';
  startedAt: Date;
  doneAt?: Date;
}

export class EventInProgressError extends Error {
  constructor(eventId: string) {
    super(`event ${eventId} is being handled elsewhere`);
    this.name = 'EventInProgressError';
  }
}

/**
 * Exactly-once handling per (consumer, event) on top of at-least-once delivery. The claim is
 * an insert under the unique `_id`, which is atomic. A claim is renewed while its work runs, so
 * one left `started` by a crashed process expires a lease after the crash (15 s, shorter than
 * JetStream's 30 s redelivery) and the redelivery takes it over at once; the takeover is a
 * conditional update, so of several redeliveries only one runs. Handlers make their own effects
 * idempotent with unique keys as well.
 */
export class ProcessedEvents {
  private readonly collection: Collection<ProcessedEventDoc>;
  /** The claim and its completion, shared with the other events handled meanwhile. */
  private readonly writes: GroupCommit<ProcessedEventDoc>;

  constructor(
    db: Db,
    private readonly leaseMs = 15_000,
  ) {
    this.collection = db.collection<ProcessedEventDoc>('processed_events');
    this.writes = groupCommit<ProcessedEventDoc>(db, 'processed_events');
  }

  /** Runs `work` unless this consumer already handled the event; returns whether it ran. */
  async once(consumer: string, eventId: string, work: () => Promise<void>): Promise<boolean> {
    const _id = `${consumer}:${eventId}`;
    const claimed = await this.writes.insertNew({
      _id,
      consumer,
      eventId,
      state: 'started',
      startedAt: new Date(),
    });
    if (!claimed) {
      const existing = await this.collection.findOne({ _id });
      if (existing?.state === 'done') return false;
      if (!existing) throw new EventInProgressError(eventId);
      if (Date.now() - existing.startedAt.getTime() < this.leaseMs) {
        throw new EventInProgressError(eventId);
      }
      // The claim's holder stopped renewing it (it died): take it over, one taker only.
      const taken = await this.collection.updateOne(
        { _id, state: 'started', startedAt: existing.startedAt },
        { $set: { startedAt: new Date() } },
      );
      if (taken.modifiedCount !== 1) throw new EventInProgressError(eventId);
    }
    const renewal = setInterval(() => {
      this.collection
        .updateOne({ _id, state: 'started' }, { $set: { startedAt: new Date() } })
        .catch(() => undefined);
    }, this.leaseMs / 3);
    renewal.unref();
    try {
      await work();
    } catch (error) {
      // Release the claim so the redelivery can try again at once.
      await this.collection.deleteOne({ _id, state: 'started' });
      throw error;
    } finally {
      clearInterval(renewal);
    }
    await this.writes.updateOne({ _id }, { $set: { state: 'done', doneAt: new Date() } });
    return true;
  }
}
