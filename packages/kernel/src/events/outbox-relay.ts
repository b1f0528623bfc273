import type { Collection, Document } from 'mongodb';
import type { Logger } from '../logging/logger.js';
import { type DocumentLocks, documentKey } from '../orm/document-locks.js';
import type { EventEnvelope } from './envelope.js';

interface OutboxDoc extends Document {
  outbox?: EventEnvelope[];
}

/**
 * A collection whose documents carry an outbox; with `locks`, removing published events takes
 * the same per-document lock the service's own writes take (see DocumentLocks).
 */
export type OutboxSource =
  Collection<OutboxDoc> | { collection: Collection<OutboxDoc>; locks: DocumentLocks };

/**
 * Publishes the events that aggregates carry in their `outbox` field, then removes them.
 * A crash between publish and removal republishes the event, which JetStream drops by its
 * msgID and consumers ignore by their processed-event record; nothing is ever lost.
 */
export class OutboxRelay {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;

  private readonly sources: { collection: Collection<OutboxDoc>; locks?: DocumentLocks }[];

  constructor(
    sources: OutboxSource[],
    private readonly publish: (event: EventEnvelope) => Promise<void>,
    private readonly logger: Logger,
    private readonly intervalMs = 1_000,
    private readonly batchSize = 200,
  ) {
    this.sources = sources.map((source) => ('locks' in source ? source : { collection: source }));
  }

  start(): void {
    this.stopped = false;
    this.schedule();
  }

  /** Publish now (called right after a write that recorded events). */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .catch((error: unknown) => this.logger.error('outbox relay failed', { error }))
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Publishes everything pending; resolves when the outbox is empty (useful in tests). */
  async flush(): Promise<void> {
    while (this.running) await this.running;
    await this.drain();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    while (this.running) await this.running;
  }

  private schedule(): void {
    this.timer = setTimeout(() => {
      this.kick();
      if (!this.stopped) this.schedule();
    }, this.intervalMs);
    this.timer.unref();
  }

  private async drain(): Promise<void> {
    for (const { collection, locks } of this.sources) {
      for (;;) {
        const docs = await collection
          .find({ 'outbox.0': { $exists: true } }, { projection: { outbox: 1 } })
          .limit(this.batchSize)
          .toArray();
        if (docs.length === 0) break;
        for (const doc of docs) {
          const events = doc.outbox ?? [];
          for (const event of events) await this.publish(event);
          // $pullAll with the documents exactly as read: FerretDB 1.24 ignores a $pull whose
          // condition matches fields of array elements, which left every event in place.
          const remove = () =>
            collection.updateOne({ _id: doc._id }, { $pullAll: { outbox: events } } as Document);
          await (locks ? locks.withLock(documentKey(doc._id), remove) : remove());
        }
        if (docs.length < this.batchSize) break;
      }
    }
  }
}
