import { createLogger } from '@bloom/kernel';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type AiFilterExtractor, FallbackQueryInterpreter } from './query-interpreter.js';
import { type SearchFilters, emptyFilters } from './search-filters.js';

const logger = createLogger({ service: 'test', level: 'silent' });
const aiFilters: SearchFilters = { ...emptyFilters(), category: 'BOX', sort: null };

function fakeAi(behaviour: 'answer' | 'fail' | 'hang'): AiFilterExtractor & {
  calls: number;
  aborted: boolean;
} {
  const fake = {
    calls: 0,
    aborted: false,
    extract: (_query: string, signal: AbortSignal) => {
      fake.calls += 1;
      if (behaviour === 'answer') return Promise.resolve(aiFilters);
      if (behaviour === 'fail') return Promise.reject(new Error('boom'));
      return new Promise<SearchFilters>((_, reject) => {
        signal.addEventListener('abort', () => {
          fake.aborted = true;
          reject(new Error('aborted'));
        });
      });
    },
  };
  return fake;
}

describe('search interpretation with fallback', () => {
  it('uses the offline parser without an AI', async () => {
    const interpreter = new FallbackQueryInterpreter(null, { timeoutMs: 100, logger });
    const result = await interpreter.interpret('5만원 이하 꽃다발');
    expect(result).toMatchObject({
      source: 'OFFLINE',
      filters: { category: 'BOUQUET', priceMax: 50000 },
    });
  });

  it('uses the AI answer when it comes in time', async () => {
    const interpreter = new FallbackQueryInterpreter(fakeAi('answer'), { timeoutMs: 100, logger });
    expect(await interpreter.interpret('anything')).toEqual({ source: 'AI', filters: aiFilters });
  });

  it('falls back when the AI fails', async () => {
    const interpreter = new FallbackQueryInterpreter(fakeAi('fail'), { timeoutMs: 100, logger });
    expect((await interpreter.interpret('꽃바구니')).source).toBe('OFFLINE');
  });

  it('falls back at the deadline and aborts the AI request', async () => {
    const ai = fakeAi('hang');
    const interpreter = new FallbackQueryInterpreter(ai, { timeoutMs: 80, logger });
    const started = Date.now();
    const result = await interpreter.interpret('꽃상자');
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(result).toMatchObject({ source: 'OFFLINE', filters: { category: 'BOX' } });
    expect(ai.aborted).toBe(true);
  });

  it('caches interpretations so pages of one search agree, bounded in size', async () => {
    const ai = fakeAi('answer');
    const interpreter = new FallbackQueryInterpreter(ai, { timeoutMs: 100, logger, cacheSize: 2 });
    await interpreter.interpret('a query');
    await interpreter.interpret('A  query ');
    expect(ai.calls).toBe(1);
    await interpreter.interpret('second');
    await interpreter.interpret('third');
    await interpreter.interpret('a query');
    expect(ai.calls).toBe(4);
  });

  describe('cache lifetime per source', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it('asks the AI again soon after it failed, but keeps an AI answer long', async () => {
      vi.useFakeTimers();
      let failing = true;
      let calls = 0;
      const ai: AiFilterExtractor = {
        extract: () => {
          calls += 1;
          return failing ? Promise.reject(new Error('boom')) : Promise.resolve(aiFilters);
        },
      };
      const interpreter = new FallbackQueryInterpreter(ai, {
        timeoutMs: 100,
        logger,
        offlineCacheTtlMs: 30_000,
        cacheTtlMs: 10 * 60_000,
      });
      expect((await interpreter.interpret('꽃바구니')).source).toBe('OFFLINE');
      failing = false;
      vi.advanceTimersByTime(29_000);
      expect((await interpreter.interpret('꽃바구니')).source).toBe('OFFLINE');
      expect(calls).toBe(1);

      vi.advanceTimersByTime(2_000);
      expect(await interpreter.interpret('꽃바구니')).toEqual({ source: 'AI', filters: aiFilters });
      expect(calls).toBe(2);
      vi.advanceTimersByTime(9 * 60_000);
      expect((await interpreter.interpret('꽃바구니')).source).toBe('AI');
      expect(calls).toBe(2);
      vi.advanceTimersByTime(2 * 60_000);
      await interpreter.interpret('꽃바구니');
      expect(calls).toBe(3);
    });

    it('keeps offline answers long when no AI is configured', async () => {
      vi.useFakeTimers();
      const interpreter = new FallbackQueryInterpreter(null, {
        timeoutMs: 100,
        logger,
        offlineCacheTtlMs: 30_000,
        cacheTtlMs: 10 * 60_000,
      });
      const first = await interpreter.interpret('꽃바구니');
      vi.advanceTimersByTime(5 * 60_000);
      expect(await interpreter.interpret('꽃바구니')).toBe(first);
      vi.advanceTimersByTime(6 * 60_000);
      expect(await interpreter.interpret('꽃바구니')).not.toBe(first);
    });
  });
});
