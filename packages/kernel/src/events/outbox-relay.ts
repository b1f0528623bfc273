import type { AnyBulkWriteOperation, Collection, Document, ObjectId } from 'mongodb';
import type { Logger } from '../logging/logger.js';
import type { ServiceMetrics } from '../metrics/metrics.registry.js';
import { type OutboxMetrics, ageInSeconds, outboxMetrics } from '../metrics/outbox-metrics.js';
import { outsideTrace } from '../tracing/trace-spans.js';
import type { EventEnvelope } from './envelope.js';

interface OutboxDoc extends Document {
  outbox?: EventEnvelope[];
}

/** A document as its writer just stored it: its `_id` and the outbox it wrote. */
export interface WrittenOutbox {
  _id: OutboxDocId;
  outbox: readonly EventEnvelope[];
}

/** A kicked document: read by `_id` before publishing, unless its writer handed it over. */
interface PendingRef {
  id: OutboxDocId;
  written?: OutboxDoc;
}

/** A document's `_id` as stored: a string or an ObjectId. */
export type OutboxDocId = string | ObjectId;

/** An entity that carries an outbox (a MikroORM entity: its class names the collection). */
export interface OutboxEntity {
  _id: OutboxDocId;
}

/** Where a written entity lives: the runtime answers from the ORM's metadata. */
export type OutboxLocator = (entity: object) => { collection: string; id: OutboxDocId } | undefined;

export interface OutboxRelayOptions {
  /** Crash recovery: how often every outbox collection is scanned for what nobody kicked. */
  scanIntervalMs?: number;
  /** Documents read (by id or by scan) and published per round. */
  batchSize?: number;
  /**
   * Documents kicked but not yet published that are remembered; past this the relay forgets
   * new kicks and scans instead, so a burst never grows memory without bound.
   */
  maxPendingRefs?: number;
  locate?: OutboxLocator;
  /** Where the publish delay and the oldest waiting event are recorded; none: not recorded. */
  metrics?: ServiceMetrics;
}

/** Sparse: on MongoDB only documents with pending events are in it, which the scan reads. */
const OUTBOX_PENDING_INDEX = { key: { 'outbox.id': 1 }, name: 'outbox_pending' } as const;
const PENDING_FILTER = { 'outbox.id': { $exists: true } };

const refKey = (id: OutboxDocId): string =>
  typeof id === 'string' ? `s:${id}` : `o:${id.toHexString()}`;

/**
 * Publishes the events that aggregates carry in their `outbox` field, then removes them.
 * A write that recorded events kicks the relay with what it wrote (`kick(order)`,
 * `kick('saga_steps', id)`); those documents are read by `_id` (or taken as handed over, with
 * `kickWritten`, from a writer that has them) and published at once, and
 * kicks that arrive meanwhile are coalesced into the next round. A periodic scan of every
 * outbox collection publishes whatever nobody kicked (a crash between the write and the
 * kick). A crash between publish and removal republishes the event, which JetStream drops by
 * its msgID and consumers ignore by their processed-event record; nothing is ever lost.
 */
export class OutboxRelay {
  private readonly sources = new Map<string, Collection<OutboxDoc>>();
  private readonly pending = new Map<string, Map<string, PendingRef>>();
  private pendingCount = 0;
  private scanRequested = false;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;
  private readonly scanIntervalMs: number;
  private readonly batchSize: number;
  private readonly maxPendingRefs: number;
  private readonly metrics: OutboxMetrics | undefined;

  constructor(
    sources: Collection<OutboxDoc>[],
    private readonly publish: (event: EventEnvelope) => Promise<void>,
    private readonly logger: Logger,
    private readonly options: OutboxRelayOptions = {},
  ) {
    for (const source of sources) this.sources.set(source.collectionName, source);
    this.scanIntervalMs = options.scanIntervalMs ?? 5_000;
    this.batchSize = options.batchSize ?? 200;
    this.maxPendingRefs = options.maxPendingRefs ?? 10_000;
    this.metrics = options.metrics && outboxMetrics(options.metrics);
  }

  /** The index the recovery scan reads (a no-op where it exists). */
  async ensureIndexes(): Promise<void> {
    await Promise.all(
      [...this.sources.values()].map((collection) =>
        collection.createIndex(OUTBOX_PENDING_INDEX.key, {
          name: OUTBOX_PENDING_INDEX.name,
          sparse: true,
        }),
      ),
    );
  }

  /** Scans once now (events a crash left behind), then every `scanIntervalMs`. */
  start(): void {
    this.stopped = false;
    this.kick();
    this.schedule();
  }

  /**
   * Publish now, right after a write that recorded events: with no argument every outbox is
   * scanned; with the written entities, or a collection and document ids, only those
   * documents are read (by `_id`).
   */
  kick(): void;
  kick(written: OutboxEntity | readonly OutboxEntity[]): void;
  kick(collection: string, ids: OutboxDocId | readonly OutboxDocId[]): void;
  kick(
    target?: string | OutboxEntity | readonly OutboxEntity[],
    ids?: OutboxDocId | readonly OutboxDocId[],
  ): void {
    if (this.stopped) return;
    if (target === undefined) {
      this.scanRequested = true;
    } else if (typeof target === 'string') {
      const list: readonly (OutboxDocId | undefined)[] = Array.isArray(ids) ? ids : [ids];
      this.remember(
        target,
        list.flatMap((id) => (id === undefined ? [] : [{ id }])),
      );
    } else {
      const entities: readonly OutboxEntity[] = Array.isArray(target) ? target : [target];
      for (const entity of entities) this.rememberEntity(entity);
    }
    this.run();
  }

  /**
   * Publish now what a write just stored, without reading it back: for a writer that has the
   * documents it wrote, outbox and all, and only once the write succeeded (what is handed over
   * is published as it is). Events already published are published again at worst, which
   * JetStream drops by their msgID; the published ones are pulled as after a read.
   */
  kickWritten(collection: string, docs: readonly WrittenOutbox[]): void {
    if (this.stopped) return;
    this.remember(
      collection,
      docs.map((doc) => ({ id: doc._id, written: { _id: doc._id, outbox: [...doc.outbox] } })),
    );
    this.run();
  }

  /** Publishes everything pending; resolves when the outbox is empty (useful in tests). */
  async flush(): Promise<void> {
    this.scanRequested = true;
    if (this.stopped) {
      while (this.running) await this.running;
      await this.drain();
      return;
    }
    // Through the one runner, so a kick meanwhile cannot start a second one.
    this.run();
    while (this.running) await this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    while (this.running) await this.running;
  }

  private rememberEntity(entity: OutboxEntity): void {
    const located = this.options.locate?.(entity);
    if (!located) {
      this.logger.error('outbox relay kicked with an entity it cannot locate; scanning', {
        entity: entity.constructor.name,
      });
      this.scanRequested = true;
      return;
    }
    this.remember(located.collection, [{ id: located.id }]);
  }

  private remember(collection: string, refs: readonly PendingRef[]): void {
    if (!this.sources.has(collection)) {
      // A call site naming a collection the service does not relay: never lose its events.
      this.logger.error('outbox relay kicked for a collection it does not relay; scanning', {
        collection,
      });
      this.scanRequested = true;
      return;
    }
    let pending = this.pending.get(collection);
    if (!pending) {
      pending = new Map();
      this.pending.set(collection, pending);
    }
    for (const ref of refs) {
      const key = refKey(ref.id);
      const known = pending.get(key);
      if (known) {
        // Two kicks before one round: the newer hand-over stands; a bare kick (a write whose
        // outbox nobody handed over) has the document read.
        known.written = known.written && ref.written;
        continue;
      }
      if (this.pendingCount >= this.maxPendingRefs) {
        // Over the cap: forget the rest, the scan that follows finds them.
        this.scanRequested = true;
        return;
      }
      pending.set(key, { ...ref });
      this.pendingCount += 1;
    }
  }

  /** One runner at a time; kicks during a round are taken by the next. */
  private run(): void {
    if (this.running) return;
    // Outside the trace of whichever request kicked first: each event's publish span
    // continues the trace its envelope carries instead.
    this.running = outsideTrace(() => this.drain())
      .catch((error: unknown) => this.logger.error('outbox relay failed', { error }))
      .finally(() => {
        this.running = undefined;
        if (!this.stopped && (this.pendingCount > 0 || this.scanRequested)) this.run();
      });
  }

  private schedule(): void {
    this.timer = setTimeout(() => {
      this.kick();
      if (!this.stopped) this.schedule();
    }, this.scanIntervalMs);
    this.timer.unref();
  }

  private async drain(): Promise<void> {
    await this.drainRefs();
    if (!this.scanRequested) return;
    this.scanRequested = false;
    await this.scan();
  }

  /** Kicked documents, by `_id`, in batches, until no kick is left. */
  private async drainRefs(): Promise<void> {
    while (this.pendingCount > 0) {
      for (const [name, refs] of this.pending) {
        const ids: OutboxDocId[] = [];
        const written: OutboxDoc[] = [];
        for (const [key, ref] of refs) {
          if (ids.length + written.length >= this.batchSize) break;
          if (ref.written) written.push(ref.written);
          else ids.push(ref.id);
          refs.delete(key);
        }
        this.pendingCount -= ids.length + written.length;
        if (refs.size === 0) this.pending.delete(name);
        if (ids.length + written.length === 0) continue;
        const collection = this.sources.get(name) as Collection<OutboxDoc>;
        // `_id` alone: mongo-java-server answers from its `_id` index only when the filter
        // names nothing else, so documents already published are skipped in code.
        const docs =
          ids.length === 0
            ? []
            : await collection
                .find({ _id: { $in: ids } } as Document, { projection: { outbox: 1 } })
                .toArray();
        await this.publishDocs(collection, [...written, ...docs]);
      }
    }
  }

  /**
   * Crash recovery over every outbox collection. Kicked documents go first between batches,
   * so a slow scan never delays the hot path by more than one batch.
   */
  private async scan(): Promise<void> {
    for (const collection of this.sources.values()) {
      let oldest = 0;
      for (;;) {
        const docs = await collection
          .find(PENDING_FILTER, { projection: { outbox: 1 } })
          .limit(this.batchSize)
          .toArray();
        if (this.metrics) {
          // Set before publishing: while publishing fails, each scan shows a larger age.
          oldest = Math.max(oldest, oldestAge(docs));
          this.metrics.setOldest(collection.collectionName, oldest);
        }
        if (docs.length === 0) break;
        await this.publishDocs(collection, docs);
        await this.drainRefs();
        if (docs.length < this.batchSize) break;
      }
    }
  }

  /**
   * Publishes each document's events in order, documents of one subject one after another and
   * the others side by side, then pulls what was published, by event id, in one round trip:
   * events recorded meanwhile stay for the next round.
   */
  private async publishDocs(collection: Collection<OutboxDoc>, docs: OutboxDoc[]): Promise<void> {
    const chains = new Map<string, Promise<void>>();
    const published: OutboxDoc[] = [];
    const delay = this.metrics?.delayOf(collection.collectionName);
    const runs = docs.map((doc) => {
      const events = doc.outbox ?? [];
      if (events.length === 0) return Promise.resolve();
      const subject = events[0]?.subjectId ?? '';
      const run = (chains.get(subject) ?? Promise.resolve()).then(async () => {
        for (const event of events) {
          await this.publish(event);
          delay?.observe(ageInSeconds(event.occurredAt));
        }
        published.push(doc);
      });
      chains.set(subject, run);
      return run;
    });
    const outcomes = await Promise.allSettled(runs);
    if (published.length > 0) {
      const pulls = published.map((doc) => {
        const ids = (doc.outbox ?? []).map((event) => event.id);
        const update = { $pull: { outbox: { id: { $in: ids } } } } as Document;
        return { updateOne: { filter: { _id: doc._id as unknown }, update } };
      }) as AnyBulkWriteOperation<OutboxDoc>[];
      await collection.bulkWrite(pulls, { ordered: false });
    }
    const failed = outcomes.find((outcome) => outcome.status === 'rejected');
    if (failed) throw failed.reason;
  }
}

/** Seconds since the oldest event of these documents occurred; 0 for none. */
function oldestAge(docs: readonly OutboxDoc[]): number {
  const now = Date.now();
  let oldest = 0;
  for (const doc of docs) {
    for (const event of doc.outbox ?? [])
      oldest = Math.max(oldest, ageInSeconds(event.occurredAt, now));
  }
  return oldest;
}
