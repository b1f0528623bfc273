import type { Collection, Db } from 'mongodb';
import { claimSlot } from '@bloom/kernel';

interface AttemptDoc {
  _id: string;
  key: string;
  window: number;
  at: Date;
}

export interface LimitRule {
  /** What is limited, e.g. `pair:<client>:<card id>` or `client:<client>`. */
  key: string;
  limit: number;
}

export type Claim =
  { ok: true; release: () => Promise<void> } | { ok: false; retryAfterSeconds: number };

/**
 * Fixed-window limits on share-secret attempts, shared by every replica through the database.
 * Each attempt inserts one record under a unique slot id `<key>:<window>:<n>`, n < limit: the
 * insert is atomic, so at most `limit` attempts per key and
 * window ever pass, however many arrive at once (a count-then-write would race). A successful
 * open gives its slot back, so only failed guesses use the budget. An in-memory bucket per
 * replica would multiply the limit by the replica count and forget it on every restart.
 */
export class GuessLimiter {
  private readonly attempts: Collection<AttemptDoc>;

  constructor(
    db: Db,
    private readonly windowSeconds: number,
    private readonly now: () => Date,
  ) {
    this.attempts = db.collection<AttemptDoc>('share_attempts');
  }

  async ensureIndexes(): Promise<void> {
    await this.attempts.createIndex({ window: 1 });
  }

  /** Takes one slot under every rule, or none: a refusal gives back what it took. */
  async claim(rules: LimitRule[]): Promise<Claim> {
    const at = this.now();
    const window = Math.floor(at.getTime() / 1000 / this.windowSeconds);
    const taken: string[] = [];
    for (const rule of rules) {
      const slot = await this.takeSlot(rule, window, at);
      if (!slot) {
        await this.releaseAll(taken);
        const windowEnd = (window + 1) * this.windowSeconds;
        return {
          ok: false,
          retryAfterSeconds: Math.max(1, Math.ceil(windowEnd - at.getTime() / 1000)),
        };
      }
      taken.push(slot);
    }
    return { ok: true, release: () => this.releaseAll(taken) };
  }

  /** Drops records of windows that have ended; run periodically. */
  async sweep(): Promise<number> {
    const window = Math.floor(this.now().getTime() / 1000 / this.windowSeconds);
    const result = await this.attempts.deleteMany({ window: { $lt: window } });
    return result.deletedCount;
  }

  /**
   * Slots fill from 0 upwards, so the first free one is found by binary search over point
   * lookups on `_id` (answered from the primary index, no scan), then
   * taken by an insert that fails atomically if a concurrent attempt took it first. A slot given
   * back below a taken one may be missed, which only makes the limit stricter for that window.
   */
  private async takeSlot(rule: LimitRule, window: number, at: Date): Promise<string | null> {
    const slotId = (n: number) => `${rule.key}:${window}:${n}`;
    let low = 0;
    let high = rule.limit;
    while (low < high) {
      const middle = (low + high) >> 1;
      const taken = await this.attempts.findOne(
        { _id: slotId(middle) },
        { projection: { _id: 1 } },
      );
      if (taken) low = middle + 1;
      else high = middle;
    }
    const slot = await claimSlot(
      (n) => this.attempts.insertOne({ _id: slotId(n), key: rule.key, window, at }),
      low,
      rule.limit,
    );
    return slot === null ? null : slotId(slot);
  }

  private async releaseAll(ids: string[]): Promise<void> {
    if (ids.length > 0) await this.attempts.deleteMany({ _id: { $in: ids } });
  }
}
