/** What handling one delivery came to: finished (acked or terminated), or redelivery asked. */
export type DeliveryOutcome = { retryInMs?: undefined } | { retryInMs: number };

/** One delivered message as the dispatcher sees it. */
export interface Delivery {
  /** The partition: the envelope's subject id (one aggregate). */
  key: string;
  /** The stream sequence: a redelivery carries the same one. */
  seq: number;
  /** Handles, acks or naks it; never rejects. */
  run(): Promise<DeliveryOutcome>;
  /** Tells the server it is still held (resets its ack timer). */
  extend(): void;
  /** Gives it back for redelivery after `delayMs` without handling it. */
  defer(delayMs: number): void;
}

export interface PartitionOptions {
  /** Handlers running at once. */
  concurrency: number;
  /** Deliveries held at once, running and waiting; `offer` waits while it is reached. */
  capacity: number;
  /**
   * How long past its retry delay a partition waits for a failed event's redelivery before
   * it lets the later events go (the redelivery went to another replica, or never came).
   */
  holdGraceMs: number;
  /** How often waiting deliveries are extended so the server does not redeliver them. */
  extendEveryMs: number;
  onHoldExpired?: (key: string, seq: number) => void;
}

interface Partition {
  queue: Delivery[];
  running: boolean;
  held?: { seq: number; until: number; timer: NodeJS.Timeout };
}

/**
 * Runs deliveries with bounded concurrency, one partition (subject) at a time in delivery
 * order: events of one aggregate one after another, different aggregates side by side.
 * A delivery that failed holds its partition until its redelivery arrives, which then runs
 * first, so a later event of the same subject never overtakes a failed one.
 */
export class SubjectPartitions {
  private readonly partitions = new Map<string, Partition>();
  /** Partitions with a delivery that may start, in the order they became ready. */
  private readonly ready: string[] = [];
  private readonly readySet = new Set<string>();
  private inFlight = 0;
  private waiting = 0;
  private spaceWaiters: (() => void)[] = [];
  private idleWaiters: (() => void)[] = [];
  private readonly extender: NodeJS.Timeout;
  /** Stopping: `offer` no longer waits for room (what it takes is drained). */
  private stopping = false;

  constructor(private readonly options: PartitionOptions) {
    this.extender = setInterval(() => this.extendWaiting(), options.extendEveryMs);
    this.extender.unref();
  }

  /** Running and waiting deliveries (a failed one awaiting redelivery is not held here). */
  get held(): number {
    return this.inFlight + this.waiting;
  }

  get running(): number {
    return this.inFlight;
  }

  /** Takes a delivery; resolves once there is room for the next one (back-pressure). */
  async offer(delivery: Delivery): Promise<void> {
    let partition = this.partitions.get(delivery.key);
    if (!partition) {
      partition = { queue: [], running: false };
      this.partitions.set(delivery.key, partition);
    }
    if (partition.held?.seq === delivery.seq) {
      // The failed event is back: it goes first, and the partition is free again.
      clearTimeout(partition.held.timer);
      partition.held = undefined;
      partition.queue.unshift(delivery);
    } else {
      partition.queue.push(delivery);
    }
    this.waiting += 1;
    this.markReady(delivery.key, partition);
    this.pump();
    while (this.held >= this.options.capacity && !this.stopping) {
      await new Promise<void>((resolve) => this.spaceWaiters.push(resolve));
    }
  }

  /**
   * Runs what was taken to the end. Deliveries behind a failed one awaiting redelivery are
   * given back to the server, due just after it, so they still come after it.
   */
  async drain(): Promise<void> {
    this.stopTaking();
    for (;;) {
      this.pump();
      if (this.inFlight === 0 && this.ready.length === 0) break;
      await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
    }
    clearInterval(this.extender);
    const now = Date.now();
    for (const partition of this.partitions.values()) {
      if (!partition.held) continue;
      clearTimeout(partition.held.timer);
      const delay = Math.max(0, partition.held.until - this.options.holdGraceMs - now) + 1_000;
      for (const delivery of partition.queue) delivery.defer(delay);
      this.waiting -= partition.queue.length;
      partition.queue = [];
    }
    this.partitions.clear();
    this.wake();
  }

  /** Stops making `offer` wait, so a consumer that is closing reaches its drain. */
  stopTaking(): void {
    this.stopping = true;
    this.wake();
  }

  private markReady(key: string, partition: Partition): void {
    if (partition.running || partition.held || partition.queue.length === 0) return;
    if (this.readySet.has(key)) return;
    this.readySet.add(key);
    this.ready.push(key);
  }

  private pump(): void {
    while (this.inFlight < this.options.concurrency && this.ready.length > 0) {
      const key = this.ready.shift() as string;
      this.readySet.delete(key);
      const partition = this.partitions.get(key);
      const next = partition?.queue.shift();
      if (!partition || !next) continue;
      this.waiting -= 1;
      partition.running = true;
      this.inFlight += 1;
      void this.runOne(key, partition, next);
    }
  }

  private async runOne(key: string, partition: Partition, delivery: Delivery): Promise<void> {
    const outcome = await delivery.run();
    this.inFlight -= 1;
    partition.running = false;
    if (outcome.retryInMs !== undefined) {
      // Set before anything awaits, so the redelivery (however soon) finds the hold.
      const wait = outcome.retryInMs + this.options.holdGraceMs;
      partition.held = {
        seq: delivery.seq,
        until: Date.now() + wait,
        timer: setTimeout(() => this.expireHold(key, delivery.seq), wait),
      };
      partition.held.timer.unref();
    }
    if (!partition.held && partition.queue.length === 0) this.partitions.delete(key);
    else this.markReady(key, partition);
    this.pump();
    this.wake();
  }

  private expireHold(key: string, seq: number): void {
    const partition = this.partitions.get(key);
    if (partition?.held?.seq !== seq) return;
    partition.held = undefined;
    this.options.onHoldExpired?.(key, seq);
    if (partition.queue.length === 0 && !partition.running) this.partitions.delete(key);
    else this.markReady(key, partition);
    this.pump();
    this.wake();
  }

  private extendWaiting(): void {
    for (const partition of this.partitions.values()) {
      for (const delivery of partition.queue) delivery.extend();
    }
  }

  private wake(): void {
    if (this.held < this.options.capacity || this.stopping) {
      const waiters = this.spaceWaiters;
      this.spaceWaiters = [];
      for (const resolve of waiters) resolve();
    }
    const idle = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of idle) resolve();
  }
}
