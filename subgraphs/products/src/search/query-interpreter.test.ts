import { createLogger } from '@bloom/kernel';
import { describe, expect, it } from 'vitest';
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
});
