import { setTimeout as sleep } from 'node:timers/promises';
import { aiBreakerProbe, dataOf, timed, typedDocument } from '@bloom/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyFilters } from '../src/search/search-filters.js';
import { type OpenAiStub, startOpenAiStub } from './openai.stub.js';
import { type ProductsHarness, startProducts } from './products.harness.js';

const AI_TIMEOUT_MS = 800;
const FAILURES = 3;
const COOLDOWN_MS = 1_500;

// Typed by hand, not by the codegen: only the interpretation's source matters here.
const SEARCH = typedDocument<
  { searchProducts: { interpretation: { source: 'AI' | 'OFFLINE'; category: string | null } } },
  { q: string }
>(
  'query AiBreakerSearch($q: String!) { searchProducts(query: $q, first: 1) { interpretation { source category } } }',
);

// The AI's structured answer: the filters without keywords (the offline parser's share).
const { keywords: _keywords, ...AI_ANSWER } = { ...emptyFilters(), category: 'BASKET' };

let stub: OpenAiStub;
let h: ProductsHarness;
let queries = 0;

beforeAll(async () => {
  stub = await startOpenAiStub();
  stub.answer = AI_ANSWER;
  h = await startProducts('aibreaker', {
    env: {
      OPENAI_API_KEY: 'sk-test-stub',
      OPENAI_BASE_URL: stub.baseURL,
      SEARCH_AI_TIMEOUT_MS: String(AI_TIMEOUT_MS),
      AI_BREAKER_FAILURES: String(FAILURES),
      AI_BREAKER_COOLDOWN_MS: String(COOLDOWN_MS),
    },
  });
});
afterAll(async () => {
  await h?.close();
  await stub?.close();
});

/** One search with a query never asked before (interpretations are cached), timed. */
async function search() {
  queries += 1;
  const { result, ms } = await timed(() => h.call(SEARCH, { q: `꽃바구니 breaker ${queries}` }));
  return { source: dataOf(result).searchProducts.interpretation.source, ms };
}

const ready = () => aiBreakerProbe(h.origin, 'search').ready();
const metrics = () => aiBreakerProbe(h.origin, 'search').metrics();

describe('search while the AI hangs (circuit breaker)', () => {
  it('waits for the timeout N times, then answers offline at once; a trial closes it again', async () => {
    expect((await ready()).body.ai).toMatchObject({ state: 'CLOSED', failures: 0 });

    stub.mode = 'slow';
    stub.slowMs = 10_000;
    for (let i = 0; i < FAILURES; i += 1) {
      const { source, ms } = await search();
      expect(source).toBe('OFFLINE');
      expect(ms).toBeGreaterThanOrEqual(AI_TIMEOUT_MS - 5);
      expect(ms).toBeLessThan(AI_TIMEOUT_MS + 5_000);
    }

    // Open: the service stays ready, /ready and /metrics say why answers are offline.
    const opened = await ready();
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({
      status: 'ready',
      ai: { state: 'OPEN', failures: FAILURES, since: expect.any(String) as unknown },
    });
    expect(await metrics()).toMatchObject({ state: 1, failed: FAILURES, skipped: 0 });

    const asked = stub.requests.length;
    const skipped = await search();
    expect(skipped.source).toBe('OFFLINE');
    expect(skipped.ms).toBeLessThan(AI_TIMEOUT_MS);
    expect(stub.requests.length).toBe(asked);
    expect(await metrics()).toMatchObject({ state: 1, skipped: 1 });

    // After the cool-down the AI is healthy again, slow enough that the trial is still running
    // while the other searches started with it arrive: exactly one of them asks the AI.
    await sleep(COOLDOWN_MS);
    stub.slowMs = 150;
    const together = await Promise.all([search(), search(), search()]);
    expect(stub.requests.length).toBe(asked + 1);
    expect(together.map((r) => r.source).sort()).toEqual(['AI', 'OFFLINE', 'OFFLINE']);
    for (const r of together.filter((r) => r.source === 'OFFLINE'))
      expect(r.ms).toBeLessThan(AI_TIMEOUT_MS);

    expect((await ready()).body.ai).toMatchObject({ state: 'CLOSED', failures: 0 });
    expect(await metrics()).toMatchObject({ state: 0, skipped: 3 });
    stub.mode = 'normal';
    expect((await search()).source).toBe('AI');
  });
});
