import type { Logger } from '@bloom/kernel';

/** How often the backlog is read while checkouts are waiting (one request serves them all). */
const POLL_MS = 20;
/**
 * About how long an admitted checkout takes to show in the backlog (placed, relayed, answered
 * by stores): admissions this recent count as backlog, so a burst of waiting checkouts that
 * sees one low reading does not all go at once.
 */
const TRANSIT_MS = 100;

export interface SagaAdmissionOptions {
  /** Unfinished saga answers (the saga consumer's pending + unacked); null when unknown. */
  readBacklog: () => Promise<number | null>;
  /** Admit while the backlog is below this; 0 admits always. */
  limit: number;
  /** A checkout waits at most this long, then goes ahead: load never refuses a checkout. */
  maxWaitMs: number;
  logger: Logger;
}

/**
 * Back-pressure for checkout. The saga is bound by CPU: when checkouts arrive faster than it
 * finishes them, each new order would queue behind seconds of earlier answers and the shopper
 * would wait that long for "주문 확정". Instead a checkout waits here, before it is priced and
 * placed, while the saga's backlog is at its limit, so an order placed is confirmed in about the
 * time of a lone checkout, and the load slows the checkout call rather than piling up orders
 * that hold stock. A reading that fails (NATS away) admits: the saga's deadlines cover that.
 */
export class SagaAdmission {
  private sampled = 0;
  private sampledAt = 0;
  private reading: Promise<void> | undefined;
  private readonly admittedAt: number[] = [];
  private warned = false;

  constructor(private readonly options: SagaAdmissionOptions) {}

  /** Resolves when this checkout may go on; the milliseconds it waited. */
  async admit(): Promise<number> {
    const { limit, maxWaitMs } = this.options;
    if (limit <= 0) return 0;
    const started = Date.now();
    for (;;) {
      const backlog = await this.backlog();
      const now = Date.now();
      if (backlog + this.recentAdmissions(now) < limit || now - started >= maxWaitMs) {
        this.admittedAt.push(now);
        return now - started;
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  private recentAdmissions(now: number): number {
    while (this.admittedAt.length > 0 && now - this.admittedAt[0]! > TRANSIT_MS) {
      this.admittedAt.shift();
    }
    return this.admittedAt.length;
  }

  /** The latest reading, at most POLL_MS old, never waiting longer than POLL_MS for one. */
  private async backlog(): Promise<number> {
    if (Date.now() - this.sampledAt < POLL_MS) return this.sampled;
    this.reading ??= this.options
      .readBacklog()
      .then(
        (value) => {
          this.sampled = value ?? 0;
        },
        (error: unknown) => {
          this.sampled = 0;
          if (!this.warned)
            this.options.logger.warn('saga backlog unreadable; admitting', { error });
          this.warned = true;
        },
      )
      .finally(() => {
        this.sampledAt = Date.now();
        this.reading = undefined;
      });
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      this.reading,
      new Promise((resolve) => {
        timer = setTimeout(resolve, POLL_MS);
      }),
    ]);
    clearTimeout(timer);
    return this.sampled;
  }
}
