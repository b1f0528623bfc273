import {
  aiBreakerProbe,
  dataOf,
  expectBreakerCycle,
  type OpenAiStub,
  startOpenAiStub,
  timed,
  typedDocument,
} from '@bloom/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyFilters } from '../src/search/search-filters.js';
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
  stub = await startOpenAiStub(AI_ANSWER);
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

const probe = () => aiBreakerProbe(h.origin, 'search');

describe('search while the AI hangs (circuit breaker)', () => {
  it('waits for the timeout N times, then answers offline at once; a trial closes it again', async () => {
    expect((await probe().ready()).body.ai).toMatchObject({ state: 'CLOSED', failures: 0 });
    await expectBreakerCycle({
      call: search,
      probe: probe(),
      stub,
      failures: FAILURES,
      timeoutMs: AI_TIMEOUT_MS,
      cooldownMs: COOLDOWN_MS,
      earlyMs: 5,
    });
    stub.mode = 'normal';
    expect((await search()).source).toBe('AI');
  });
});
