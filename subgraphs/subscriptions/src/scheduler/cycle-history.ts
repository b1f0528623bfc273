import {
  type CycleAttempt,
  CycleKindOfDelivery,
  type CycleOutcome,
  CycleOutcomeStatus,
  type CycleRecord,
} from '../subscriptions/cycle.entity.js';

/** A subscription's cycles, attempts and outcomes, loaded at once and indexed. */
export class CycleHistory {
  readonly records = new Map<number, CycleRecord>();
  private readonly attempts = new Map<number, CycleAttempt>();
  private readonly outcomes = new Map<string, CycleOutcome>();
  private readonly lapsedCycles = new Set<number>();

  constructor(records: CycleRecord[], attempts: CycleAttempt[], outcomes: CycleOutcome[]) {
    records.forEach((r) => this.addRecord(r));
    attempts.forEach((a) => this.addAttempt(a));
    outcomes.forEach((o) => this.addOutcome(o));
  }

  addRecord(record: CycleRecord): void {
    this.records.set(record.cycle, record);
  }

  /** Keeps the latest attempt per cycle. */
  addAttempt(attempt: CycleAttempt): void {
    const known = this.attempts.get(attempt.cycle);
    if (!known || known.attempt < attempt.attempt) this.attempts.set(attempt.cycle, attempt);
  }

  addOutcome(outcome: CycleOutcome): void {
    this.outcomes.set(outcome._id, outcome);
    if (outcome.status === CycleOutcomeStatus.LAPSED) this.lapsedCycles.add(outcome.cycle);
  }

  /** The cycle ended without an attempt that could still be made. */
  lapsed(cycle: number): boolean {
    return this.lapsedCycles.has(cycle);
  }

  all(): CycleRecord[] {
    return [...this.records.values()].sort((a, b) => a.cycle - b.cycle);
  }

  skipped(): number[] {
    return this.all()
      .filter((r) => r.kind === CycleKindOfDelivery.SKIPPED)
      .map((r) => r.cycle);
  }

  deliveries(): CycleRecord[] {
    return this.all().filter((r) => r.kind === CycleKindOfDelivery.DELIVERY);
  }

  lastAttempt(cycle: number): CycleAttempt | undefined {
    return this.attempts.get(cycle);
  }

  outcome(attemptKey: string): CycleOutcome | undefined {
    return this.outcomes.get(attemptKey);
  }

  /** `retryAt` of failed last attempts of delivered cycles. */
  pendingRetries(): Date[] {
    const due: Date[] = [];
    for (const record of this.deliveries()) {
      if (this.lapsed(record.cycle)) continue;
      const last = this.lastAttempt(record.cycle);
      const outcome = last && this.outcome(last._id);
      if (outcome?.status === CycleOutcomeStatus.FAILED && outcome.retryAt) {
        due.push(outcome.retryAt);
      }
    }
    return due;
  }
}
