import { Counter, Gauge } from 'prom-client';
import { z } from 'zod';
import type { Logger } from '../logging/logger.js';
import type { ServiceMetrics } from '../metrics/metrics.registry.js';
import type { Readiness } from '../server/http-shell.js';

export type CircuitState = 'CLOSED' | 'OPEN' | 'HALF_OPEN';

/** What `run` returns instead of calling: the circuit is open, answer without the dependency. */
export const CIRCUIT_OPEN: unique symbol = Symbol('circuit open');
export type CircuitOpen = typeof CIRCUIT_OPEN;

export const DEFAULT_FAILURE_THRESHOLD = 3;
export const DEFAULT_COOLDOWN_MS = 30_000;

/** The breaker's variables, shared by every service with an AI client (as its OPENAI_* are). */
export const aiBreakerConfigShape = {
  /** Consecutive failed or timed-out AI calls that open the circuit. */
  AI_BREAKER_FAILURES: z.coerce.number().int().min(1).max(1000).default(DEFAULT_FAILURE_THRESHOLD),
  /** How long an open circuit answers offline before one trial call may go through. */
  AI_BREAKER_COOLDOWN_MS: z.coerce.number().int().positive().default(DEFAULT_COOLDOWN_MS),
};

/** What /ready shows of a breaker. */
export interface CircuitSnapshot {
  state: CircuitState;
  /** When the circuit entered this state (ISO instant). */
  since: string;
  /** Consecutive failures counted so far (the ones that opened it, while open). */
  failures: number;
}

export interface CircuitBreakerOptions {
  /** The client's label in metrics and logs, e.g. `search`. */
  client: string;
  failureThreshold?: number;
  cooldownMs?: number;
  /** Where the state gauge and call counter are recorded. */
  metrics?: ServiceMetrics;
  logger?: Logger;
  /** Milliseconds since the epoch; injectable so tests move time without waiting. */
  now?: () => number;
}

type CallOutcome = 'ok' | 'failed' | 'skipped';

/** Gauge values: 0 closed, 1 open, 2 half-open (anything above 0 is not closed). */
const STATE_VALUE: Record<CircuitState, number> = { CLOSED: 0, OPEN: 1, HALF_OPEN: 2 };

interface BreakerInstruments {
  state: Gauge<'client'>;
  calls: Counter<'client' | 'outcome'>;
}

/** `ai_circuit_state{client}` and `ai_calls_total{client,outcome}`, once per registry. */
function breakerInstruments(metrics: ServiceMetrics): BreakerInstruments {
  return metrics.part('ai-circuit', (registry) => ({
    state: new Gauge({
      name: 'ai_circuit_state',
      help: 'State of an AI client circuit breaker: 0 closed, 1 open, 2 half-open.',
      labelNames: ['client'],
      registers: [registry],
    }),
    calls: new Counter({
      name: 'ai_calls_total',
      help: 'AI calls by outcome: ok, failed (error, timeout, unusable answer), skipped (circuit open).',
      labelNames: ['client', 'outcome'],
      registers: [registry],
    }),
  }));
}

/**
 * Fails fast while a dependency keeps failing. CLOSED: calls go through; `failureThreshold`
 * consecutive failures open it. OPEN: every call is skipped at once until `cooldownMs` has
 * passed. HALF_OPEN: exactly one trial call goes through (concurrent callers are skipped);
 * its success closes the circuit, its failure opens it again for another cool-down.
 *
 * A failure is a thrown error (timeouts included: the caller bounds its own call) or a result
 * `isFailure` rejects. Results of calls started before the last state change do not move the
 * state: a slow call from before the circuit opened must not close it again.
 */
export class CircuitBreaker {
  readonly client: string;
  private readonly threshold: number;
  private readonly cooldownMs: number;
  private readonly now: () => number;
  private readonly instruments: BreakerInstruments | undefined;
  private readonly logger: Logger | undefined;
  private state: CircuitState = 'CLOSED';
  private since: number;
  private failures = 0;
  private trialRunning = false;
  /** Bumped on every state change, so a call knows whether its result still counts. */
  private generation = 0;

  constructor(options: CircuitBreakerOptions) {
    this.client = options.client;
    this.threshold = options.failureThreshold ?? DEFAULT_FAILURE_THRESHOLD;
    this.cooldownMs = options.cooldownMs ?? DEFAULT_COOLDOWN_MS;
    this.now = options.now ?? Date.now;
    this.logger = options.logger;
    this.since = this.now();
    this.instruments = options.metrics && breakerInstruments(options.metrics);
    this.instruments?.state.set({ client: this.client }, STATE_VALUE.CLOSED);
  }

  snapshot(): CircuitSnapshot {
    return {
      state: this.state,
      since: new Date(this.since).toISOString(),
      failures: this.failures,
    };
  }

  /** The result of `fn`, or CIRCUIT_OPEN without calling it; a throw of `fn` is rethrown. */
  async run<T>(
    fn: () => Promise<T>,
    isFailure: (result: T) => boolean = () => false,
  ): Promise<T | CircuitOpen> {
    // Everything up to the call is synchronous, so of callers arriving together exactly one
    // can take the half-open trial.
    if (this.state === 'OPEN' && this.now() - this.since >= this.cooldownMs) {
      this.moveTo('HALF_OPEN');
    }
    if (this.state === 'OPEN' || (this.state === 'HALF_OPEN' && this.trialRunning)) {
      this.count('skipped');
      return CIRCUIT_OPEN;
    }
    const generation = this.generation;
    const trial = this.state === 'HALF_OPEN';
    if (trial) this.trialRunning = true;
    let result: T;
    try {
      result = await fn();
    } catch (error) {
      this.settle(generation, trial, false);
      throw error;
    }
    this.settle(generation, trial, !isFailure(result));
    return result;
  }

  private settle(generation: number, trial: boolean, ok: boolean): void {
    this.count(ok ? 'ok' : 'failed');
    if (trial) this.trialRunning = false;
    if (generation !== this.generation) return;
    if (ok) {
      this.failures = 0;
      if (this.state !== 'CLOSED') this.moveTo('CLOSED');
      return;
    }
    this.failures += 1;
    if (this.state === 'HALF_OPEN' || this.failures >= this.threshold) this.moveTo('OPEN');
  }

  private moveTo(state: CircuitState): void {
    const from = this.state;
    this.state = state;
    this.since = this.now();
    this.generation += 1;
    this.instruments?.state.set({ client: this.client }, STATE_VALUE[state]);
    const fields = { client: this.client, from, to: state, failures: this.failures };
    if (state === 'OPEN') {
      this.logger?.warn('AI circuit opened; answering offline until a trial call succeeds', {
        ...fields,
        cooldownMs: this.cooldownMs,
      });
    } else this.logger?.info('AI circuit state changed', fields);
  }

  private count(outcome: CallOutcome): void {
    this.instruments?.calls.inc({ client: this.client, outcome });
  }
}

/** A service's breaker for one AI client, from the variables of `aiBreakerConfigShape`. */
export const aiCircuitBreaker = (
  client: string,
  config: { AI_BREAKER_FAILURES: number; AI_BREAKER_COOLDOWN_MS: number },
  metrics: ServiceMetrics,
  logger: Logger,
): CircuitBreaker =>
  new CircuitBreaker({
    client,
    failureThreshold: config.AI_BREAKER_FAILURES,
    cooldownMs: config.AI_BREAKER_COOLDOWN_MS,
    metrics,
    logger,
  });

/**
 * A service's readiness with the breaker's state as its `ai` detail. An open circuit never makes
 * the service unready: it answers offline, which is what the breaker is for.
 */
export function withAiReadiness(
  readiness: () => Promise<Readiness>,
  breaker: CircuitBreaker | undefined,
): () => Promise<Readiness> {
  if (!breaker) return readiness;
  return async () => ({ ...(await readiness()), ai: breaker.snapshot() });
}
