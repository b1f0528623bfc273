import { CIRCUIT_OPEN, type CircuitBreaker, type Logger } from '@bloom/kernel';
import { normalizeQuery, parseQueryOffline } from './offline-query.parser.js';
import type { SearchFilters } from './search-filters.js';

export type InterpretationSource = 'AI' | 'OFFLINE';

export interface Interpretation {
  filters: SearchFilters;
  source: InterpretationSource;
}

/** Extracts filters with a language model; may be slow or fail, the caller bounds it. */
export interface AiFilterExtractor {
  extract(query: string, signal: AbortSignal): Promise<SearchFilters>;
}

export interface QueryInterpreter {
  interpret(query: string): Promise<Interpretation>;
}

class DeadlineExceeded extends Error {
  constructor(ms: number) {
    super(`no answer within ${ms} ms`);
    this.name = 'DeadlineExceeded';
  }
}

/**
 * Uses the AI when configured and answers within the deadline; otherwise, and on any error,
 * the offline parser. Search never fails or stalls because the AI is absent or slow.
 * Interpretations are cached for a while, so paging through results re-reads the same
 * filters instead of asking the AI again (which might answer differently). AI answers, and
 * offline ones when there is no AI, are kept long; an offline answer given because the AI
 * failed is kept for seconds, so the next search soon asks the AI again.
 */
export class FallbackQueryInterpreter implements QueryInterpreter {
  private readonly cache = new Map<string, { value: Interpretation; expires: number }>();

  constructor(
    private readonly ai: AiFilterExtractor | null,
    private readonly options: {
      timeoutMs: number;
      logger: Logger;
      /** Skips the AI while it keeps failing, so searches do not each wait for its timeout. */
      breaker?: CircuitBreaker;
      cacheSize?: number;
      cacheTtlMs?: number;
      /** How long an offline answer that stood in for a failed or slow AI is kept. */
      offlineCacheTtlMs?: number;
    },
  ) {}

  async interpret(query: string): Promise<Interpretation> {
    const key = normalizeQuery(query);
    const now = Date.now();
    const hit = this.cache.get(key);
    if (hit && hit.expires > now) {
      // Refresh its place in the insertion-ordered map (least recently used goes first).
      this.cache.delete(key);
      this.cache.set(key, hit);
      return hit.value;
    }
    const value = (await this.tryAi(query)) ?? {
      filters: parseQueryOffline(query),
      source: 'OFFLINE' as const,
    };
    this.remember(key, value, now);
    return value;
  }

  private async tryAi(query: string): Promise<Interpretation | null> {
    const { ai } = this;
    if (!ai) return null;
    const { timeoutMs, logger, breaker } = this.options;
    const ask = async () => {
      const controller = new AbortController();
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          controller.abort();
          reject(new DeadlineExceeded(timeoutMs));
        }, timeoutMs);
      });
      try {
        return await Promise.race([ai.extract(query, controller.signal), deadline]);
      } finally {
        clearTimeout(timer);
      }
    };
    try {
      const filters = breaker ? await breaker.run(ask) : await ask();
      // The circuit is open: the AI failed repeatedly, so the offline parser answers at once.
      if (filters === CIRCUIT_OPEN) return null;
      return { filters, source: 'AI' };
    } catch (error) {
      logger.warn('AI search interpretation failed; using the offline parser', {
        reason: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      });
      return null;
    }
  }

  private remember(key: string, value: Interpretation, now: number): void {
    const size = this.options.cacheSize ?? 500;
    if (size <= 0) return;
    // An offline stand-in for the AI is kept only briefly, so one slow reply does not pin it.
    const ttl =
      value.source === 'OFFLINE' && this.ai
        ? (this.options.offlineCacheTtlMs ?? 30_000)
        : (this.options.cacheTtlMs ?? 10 * 60_000);
    this.cache.set(key, { value, expires: now + ttl });
    while (this.cache.size > size) {
      const oldest = this.cache.keys().next().value;
      if (oldest === undefined) break;
      this.cache.delete(oldest);
    }
  }
}
