import { randomInt } from 'node:crypto';
import { AppError, ErrorCode, isDuplicateKeyError } from '@bloom/kernel';
import type { Collection, Db } from 'mongodb';

/**
 * An append-only chain of entries per key (a flower's stock in a store, a coupon's issues, a
 * store's status): entry `seq` has `_id = <key>#<seq>`. A writer reads the head, decides, and
 * inserts `seq + 1`; the unique `_id` lets exactly one writer win each position, so concurrent
 * writers can never both build on the same head, and the history is kept (stock movements,
 * coupon issues, status changes are wanted as records, not only as their sum).
 *
 * Every entry also carries an `op` under a unique index: the operation's idempotency key. An
 * operation is applied at most once however often it is retried or redelivered.
 *
 * Writers of one chain inside one process queue behind each other (`KeyedQueue`), so a burst
 * of requests costs one database round of conflicts per replica instead of one per request;
 * the unique `_id` still decides between replicas.
 *
 * Heads are found by `_id` point reads, which every server answers from its primary index
 * (the local one ignores secondary indexes): a cached head (`chain_heads`, best effort, written
 * every few positions, may lag) and then probing `seq + 1, seq + 2, …` until an entry is
 * missing. Applied operations are found through `chain_ops` markers written after the entry;
 * when a marker is missing (a crash in between) the `op` index is the authority.
 *
 * Each process also remembers the last head it saw per chain (entries are never removed, so it
 * is a lower bound): a read probes forward from it, and a writer decides on it without reading
 * at all — the unique `_id` refuses the insert if another replica got there first, and only
 * then is the head read. A refusal (not enough stock…) is only ever decided on a head just read.
 */
export interface ChainEntry {
  _id: string;
  chain: string;
  seq: number;
  op: string;
  at: Date;
}

export interface ChainHead<E> {
  seq: number;
  entry: E | null;
}

/** What a writer decides from the head: the new entry's own fields, or a refusal. */
export type ChainDecision<E extends ChainEntry, R> =
  { append: Omit<E, keyof ChainEntry> } | { refuse: R };

export type AppendResult<E, R> =
  | { status: 'appended'; entry: E }
  | { status: 'existing'; entry: E }
  | { status: 'refused'; refusal: R; head: ChainHead<E> };

interface HeadDoc<E> {
  _id: string;
  seq: number;
  entry: E;
}

interface OpDoc {
  _id: string;
  entryId: string;
}

/**
 * The chain stayed contended past the deadline. A CONFLICT for GraphQL callers (try again); an
 * event handler fails and the event is redelivered.
 */
export class ChainContentionError extends AppError {
  readonly chain: string;

  constructor(chain: string) {
    super(ErrorCode.CONFLICT, 'This is busy right now; please try again.');
    this.chain = chain;
    this.name = 'ChainContentionError';
  }
}

const PROBE_LIMIT = 10_000;
/** `chain_heads` is written every this many positions: a reader probes at most this many more. */
const HEAD_CACHE_EVERY = 8;
/** Chains whose last head a process remembers (least recently used go first). */
const KNOWN_HEADS = 20_000;

/** Runs tasks one at a time per key, in arrival order; keys do not wait for each other. */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class AppendOnlyChain<E extends ChainEntry> {
  private readonly entries: Collection<E>;
  private readonly heads: Collection<HeadDoc<E>>;
  private readonly ops: Collection<OpDoc>;
  private readonly queue = new KeyedQueue();
  private readonly known = new Map<string, ChainHead<E>>();
  /** Positions lost to another replica since start (a contention gauge). */
  conflicts = 0;

  constructor(
    db: Db,
    /** Prefix of this chain's rows in the shared `chain_heads` and `chain_ops` collections. */
    private readonly name: string,
    entriesCollection: string,
    private readonly maxWaitMs = 20_000,
  ) {
    this.entries = db.collection<E>(entriesCollection);
    this.heads = db.collection<HeadDoc<E>>('chain_heads');
    this.ops = db.collection<OpDoc>('chain_ops');
  }

  static entryId(chain: string, seq: number): string {
    return `${chain}#${seq}`;
  }

  private headId(chain: string): string {
    return `${this.name}/${chain}`;
  }

  private opId(op: string): string {
    return `${this.name}/${op}`;
  }

  private findEntry(id: string): Promise<E | null> {
    return this.entries.findOne({ _id: id } as never) as Promise<E | null>;
  }

  /** The latest entry of a chain (exact: the caches only say where to start probing). */
  async head(chain: string): Promise<ChainHead<E>> {
    const remembered = this.known.get(chain);
    const cached = remembered ? null : await this.heads.findOne({ _id: this.headId(chain) });
    let seq = remembered?.seq ?? cached?.seq ?? 0;
    let entry: E | null = remembered?.entry ?? cached?.entry ?? null;
    for (let probes = 0; probes < PROBE_LIMIT; probes++) {
      const next = await this.findEntry(AppendOnlyChain.entryId(chain, seq + 1));
      if (!next) break;
      entry = next;
      seq = next.seq;
    }
    if (cached && entry && seq > cached.seq) {
      this.cacheHead(chain, entry).catch(() => undefined);
    }
    const head = { seq, entry };
    this.remember(chain, head);
    return head;
  }

  private remember(chain: string, head: ChainHead<E>): void {
    if ((this.known.get(chain)?.seq ?? -1) > head.seq) return;
    this.known.delete(chain);
    this.known.set(chain, head);
    if (this.known.size > KNOWN_HEADS) {
      const oldest = this.known.keys().next().value;
      if (oldest !== undefined) this.known.delete(oldest);
    }
  }

  /** Heads of many chains; point reads in parallel. */
  async headsOf(chains: readonly string[]): Promise<Map<string, ChainHead<E>>> {
    const unique = [...new Set(chains)];
    const heads = await Promise.all(unique.map((chain) => this.head(chain)));
    return new Map(unique.map((chain, index) => [chain, heads[index] as ChainHead<E>]));
  }

  /** The entry an operation produced, or null when it was never applied. */
  async applied(op: string): Promise<E | null> {
    const marker = await this.ops.findOne({ _id: this.opId(op) });
    if (marker) return this.findEntry(marker.entryId);
    const entry = (await this.entries.findOne({ op } as never)) as E | null;
    if (entry) await this.mark(entry);
    return entry;
  }

  /**
   * Applies an operation once: reads the head, lets `decide` build the next entry or refuse,
   * and inserts it. Losing a position to another writer re-reads and decides again; finding
   * the operation already applied returns that entry instead.
   */
  async append<R>(
    chain: string,
    op: string,
    at: Date,
    decide: (head: ChainHead<E>) => ChainDecision<E, R>,
    /** The caller knows the op was never tried before: skip looking for an earlier one. */
    fresh = false,
  ): Promise<AppendResult<E, R>> {
    if (!fresh) {
      const marker = await this.ops.findOne({ _id: this.opId(op) });
      const entry = marker ? await this.findEntry(marker.entryId) : null;
      if (entry) return { status: 'existing', entry };
    }
    const result = await this.queue.run(chain, () => this.tryAppend(chain, op, at, decide));
    if (result.status === 'refused' && !fresh) {
      // A refusal must not hide an earlier application (a crash before its marker).
      const existing = await this.applied(op);
      if (existing) return { status: 'existing', entry: existing };
    }
    return result;
  }

  private async tryAppend<R>(
    chain: string,
    op: string,
    at: Date,
    decide: (head: ChainHead<E>) => ChainDecision<E, R>,
  ): Promise<AppendResult<E, R>> {
    const deadline = Date.now() + this.maxWaitMs;
    // The remembered head first, without a read; a refusal or a lost position reads it.
    let guess = this.known.get(chain);
    for (let attempt = 0; ; attempt++) {
      let head = guess ?? (await this.head(chain));
      let decision = decide(head);
      if ('refuse' in decision && guess) {
        head = await this.head(chain);
        decision = decide(head);
      }
      guess = undefined;
      if ('refuse' in decision) return { status: 'refused', refusal: decision.refuse, head };
      const seq = head.seq + 1;
      const entry = {
        ...decision.append,
        _id: AppendOnlyChain.entryId(chain, seq),
        chain,
        seq,
        op,
        at,
      } as E;
      try {
        await this.entries.insertOne(entry as never);
        this.remember(chain, { seq, entry });
        await this.mark(entry);
        if (seq % HEAD_CACHE_EVERY === 0) await this.cacheHead(chain, entry);
        return { status: 'appended', entry };
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
      // Either another replica took `seq`, or this op exists already (the op index refused it).
      this.conflicts += 1;
      const atSeq = await this.findEntry(entry._id);
      if (!atSeq || atSeq.op === op) {
        const existing = atSeq ?? (await this.applied(op));
        if (existing) return { status: 'existing', entry: existing };
      }
      if (Date.now() > deadline) throw new ChainContentionError(chain);
      // Randomised, growing back-off spreads competing replicas over time.
      await sleep(randomInt(0, Math.min(40, 2 + attempt * 4) + 1));
    }
  }

  private async mark(entry: E): Promise<void> {
    try {
      await this.ops.insertOne({ _id: this.opId(entry.op), entryId: entry._id });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }

  /** Best effort: a lost or stale cache write only costs a few more probes later. */
  private async cacheHead(chain: string, entry: E): Promise<void> {
    const _id = this.headId(chain);
    try {
      const updated = await this.heads.updateOne(
        { _id, seq: { $lt: entry.seq } },
        { $set: { seq: entry.seq, entry } },
      );
      if (updated.matchedCount === 0) {
        await this.heads.insertOne({ _id, seq: entry.seq, entry });
      }
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }
}
