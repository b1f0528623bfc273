import type { Collection, Document } from 'mongodb';
import type { Logger } from '../logging/logger.js';
import type { EventEnvelope } from './envelope.js';

interface OutboxDoc extends Document {
  outbox?: EventEnvelope[];
}

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

  constructor(
    private readonly sources: Collection<OutboxDoc>[],
    private readonly publish: (event: EventEnvelope) => Promise<void>,
    private readonly logger: Logger,
    private readonly intervalMs = 1_000,
    private readonly batchSize = 200,
  ) {}

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
    for (const collection of this.sources) {
      for (;;) {
        const docs = await collection
          .find({ 'outbox.0': { $exists: true } }, { projection: { outbox: 1 } })
          .limit(this.batchSize)
          .toArray();
        if (docs.length === 0) break;
        for (const doc of docs) {
          const events = doc.outbox ?? [];
          for (const event of events) await this.publish(event);
          // By id, in one atomic update: events recorded meanwhile stay for the next round.
          const ids = events.map((event) => event.id);
          await collection.updateOne({ _id: doc._id }, {
            $pull: { outbox: { id: { $in: ids } } },
          } as Document);
        }
        if (docs.length < this.batchSize) break;
      }
    }
  }
}
