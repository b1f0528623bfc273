import { createHash } from 'node:crypto';

/** A response as the emulator would send it, kept so a retried request gets it again. */
export interface StoredResponse {
  status: number;
  body: unknown;
}

export interface Execution {
  response: StoredResponse;
  /**
   * False for a transient failure that changed nothing (the `error` scenario): the key is
   * released so a retry with it runs again, as real PGs do for their own 5xx answers.
   */
  remember: boolean;
}

export type IdempotencyOutcome =
  | { kind: 'executed'; response: StoredResponse }
  | { kind: 'replayed'; response: StoredResponse }
  | { kind: 'conflict' };

interface Entry {
  fingerprint: string;
  settled: boolean;
  response: Promise<StoredResponse>;
}

/** JSON with sorted keys, so the same body in another key order is still the same body. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** What makes two requests "the same": method, path and body. */
export function requestFingerprint(method: string, path: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method} ${path}\n${canonicalJson(body)}`)
    .digest('hex');
}

/**
 * Runs a mutating request at most once per Idempotency-Key. A request with a known key and the
 * same fingerprint gets the first response — waiting for it when the first is still in flight,
 * so simultaneous retries cannot both charge — and a different fingerprint is a conflict.
 * Bounded: past `capacity` the oldest settled keys are forgotten (an emulator, not a ledger).
 */
export class IdempotencyStore {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly capacity: number) {}

  get size(): number {
    return this.entries.size;
  }

  async run(
    key: string,
    fingerprint: string,
    execute: () => Promise<Execution>,
  ): Promise<IdempotencyOutcome> {
    const existing = this.entries.get(key);
    if (existing) {
      if (existing.fingerprint !== fingerprint) return { kind: 'conflict' };
      return { kind: 'replayed', response: await existing.response };
    }

    // The entry is in the map before the first await, so a concurrent request sees it.
    let settle!: (response: StoredResponse) => void;
    let fail!: (error: unknown) => void;
    const entry: Entry = {
      fingerprint,
      settled: false,
      response: new Promise<StoredResponse>((resolve, reject) => {
        settle = resolve;
        fail = reject;
      }),
    };
    // Waiters that see a failure get it through their own await; this one must not go unhandled.
    entry.response.catch(() => undefined);
    this.entries.set(key, entry);
    this.evict();

    try {
      const { response, remember } = await execute();
      entry.settled = true;
      if (!remember) this.entries.delete(key);
      settle(response);
      return { kind: 'executed', response };
    } catch (error) {
      this.entries.delete(key);
      fail(error);
      throw error;
    }
  }

  clear(): void {
    this.entries.clear();
  }

  private evict(): void {
    if (this.entries.size <= this.capacity) return;
    for (const [key, entry] of this.entries) {
      if (this.entries.size <= this.capacity) break;
      // An in-flight key is never dropped: its waiters rely on it.
      if (entry.settled) this.entries.delete(key);
    }
  }
}
