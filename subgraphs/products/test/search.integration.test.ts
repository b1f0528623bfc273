import { performance } from 'node:perf_hooks';
import {
  dataOf,
  type GraphQLResponse,
  type OpenAiStub,
  sellerCaller,
  startOpenAiStub,
} from '@bloom/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseQueryOffline } from '../src/search/offline-query.parser.js';
import { graphql } from './generated/index.js';
import type { CategoryKey, SearchProductsQuery, TagKey } from './generated/graphql.js';
import { CREATE, type ProductsHarness, productInput, startProducts } from './products.harness.js';

const SEARCH = graphql(`
  query SearchProducts($q: String!, $first: Int, $after: String) {
    searchProducts(query: $q, first: $first, after: $after) {
      interpretation {
        category
        tags
        flowerIds
        colors
        priceMin
        priceMax
        sort
        occasion
        keywords
        source
      }
      products {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          name
          price
        }
      }
    }
  }
`);
const AI_TIMEOUT_MS = 400;

const AI_ANSWER = {
  category: 'BOUQUET',
  tags: ['FOR_FRIEND'],
  flowerIds: [1, 99],
  colors: [],
  priceMin: null,
  priceMax: 50000,
  sort: 'PRICE_ASC',
  occasion: 'BIRTHDAY',
};

let stub: OpenAiStub;
let ai: ProductsHarness;
let offline: ProductsHarness;

async function seed(h: ProductsHarness) {
  await h.openStore('store-q', 'seller-q');
  await h.setStock('store-q', { 1: 1000, 11: 1000, 18: 1000, 13: 1000 });
  const items: {
    name: string;
    price: number;
    category: CategoryKey;
    tags: TagKey[];
    flower: number;
  }[] = [
    {
      name: '친구 생일 장미 꽃다발',
      price: 45000,
      category: 'BOUQUET',
      tags: ['FOR_FRIEND'],
      flower: 1,
    },
    {
      name: '저렴한 친구 꽃다발',
      price: 29000,
      category: 'BOUQUET',
      tags: ['FOR_FRIEND'],
      flower: 1,
    },
    {
      name: '비싼 친구 꽃다발',
      price: 89000,
      category: 'BOUQUET',
      tags: ['FOR_FRIEND'],
      flower: 1,
    },
    {
      name: '연인 장미 꽃바구니',
      price: 55000,
      category: 'BASKET',
      tags: ['FOR_LOVER'],
      flower: 1,
    },
    { name: '근조 국화 화환', price: 90000, category: 'WREATH', tags: ['FUNERAL'], flower: 11 },
    { name: '감사 카네이션 바구니', price: 39000, category: 'BASKET', tags: [], flower: 13 },
    { name: '웨딩 축하 꽃바구니', price: 70000, category: 'BASKET', tags: ['WEDDING'], flower: 3 },
  ];
  for (const item of items) {
    await h.call(
      CREATE,
      {
        input: productInput({
          name: item.name,
          price: item.price,
          category: item.category,
          tags: item.tags,
          recipe: [
            { flowerId: item.flower, count: 5, representative: true },
            { flowerId: 18, count: 1 },
          ],
        }),
      },
      sellerCaller('seller-q'),
    );
  }
}

beforeAll(async () => {
  stub = await startOpenAiStub(AI_ANSWER);
  [ai, offline] = await Promise.all([
    startProducts('searchai', {
      env: {
        OPENAI_API_KEY: 'sk-test-stub',
        OPENAI_BASE_URL: stub.baseURL,
        OPENAI_MODEL: 'gpt-4o-mini',
        SEARCH_AI_TIMEOUT_MS: String(AI_TIMEOUT_MS),
        // These tests fail the AI on purpose, then expect it again: the circuit must stay closed.
        AI_BREAKER_FAILURES: '100',
      },
    }),
    startProducts('searchoff'),
  ]);
  await Promise.all([seed(ai), seed(offline)]);
});
afterAll(async () => {
  await Promise.all([ai?.close(), offline?.close()]);
  await stub?.close();
});

const names = (res: GraphQLResponse<SearchProductsQuery>) =>
  dataOf(res).searchProducts.products.nodes.map((p) => p.name);

describe('natural-language search without a key (offline parser)', () => {
  it('understands the spec example and lists matching products', async () => {
    const res = await offline.call(SEARCH, {
      q: '친구 생일에 선물하기 좋은 5만원 이하 꽃다발 추천해줘',
    });
    expect(res.data?.searchProducts.interpretation).toEqual({
      category: 'BOUQUET',
      tags: ['FOR_FRIEND'],
      flowerIds: [],
      colors: [],
      priceMin: null,
      priceMax: 50000,
      sort: null,
      occasion: 'BIRTHDAY',
      keywords: [],
      source: 'OFFLINE',
    });
    expect(names(res).sort()).toEqual(['저렴한 친구 꽃다발', '친구 생일 장미 꽃다발']);
  });

  it('finds by English meaning, colour, price and sort', async () => {
    const funeral = await offline.call(SEARCH, { q: 'white flowers for a funeral under 100k won' });
    expect(funeral.data?.searchProducts.interpretation).toMatchObject({
      tags: ['FUNERAL'],
      colors: ['WHITE'],
      priceMax: 99999,
    });
    expect(names(funeral)).toEqual(['근조 국화 화환']);
    const thanks = await offline.call(SEARCH, { q: 'something that says thank you' });
    expect(names(thanks)).toEqual(['감사 카네이션 바구니']);
    const cheapest = await offline.call(SEARCH, { q: 'cheapest bouquet for a friend', first: 2 });
    expect(names(cheapest)).toEqual(['저렴한 친구 꽃다발', '친구 생일 장미 꽃다발']);
    const next = await offline.call(SEARCH, {
      q: 'cheapest bouquet for a friend',
      first: 2,
      after: cheapest.data?.searchProducts.products.pageInfo.endCursor,
    });
    expect(names(next)).toEqual(['비싼 친구 꽃다발']);
  });

  it('answers a recipient with an occasion by the occasion when no product carries both', async () => {
    const res = await offline.call(SEARCH, { q: '친구 결혼 선물' });
    // Read as both (a friend's wedding is a gift for a friend), applied as the wedding alone.
    expect(res.data?.searchProducts.interpretation).toMatchObject({
      tags: ['WEDDING'],
      occasion: 'WEDDING',
    });
    expect(names(res)).toEqual(['웨딩 축하 꽃바구니']);
  });

  it('falls back to name keywords when nothing else is understood', async () => {
    const res = await offline.call(SEARCH, { q: '근조 국화 화환' });
    expect(names(res)).toEqual(['근조 국화 화환']);
    const words = await offline.call(SEARCH, { q: '카네이션 바구니' });
    expect(names(words)).toEqual(['감사 카네이션 바구니']);
    const nothing = await offline.call(SEARCH, { q: 'zzqx' });
    expect(nothing.data?.searchProducts).toMatchObject({
      interpretation: { keywords: ['zzqx'] },
      products: { totalCount: 0 },
    });
  });
});

describe('natural-language search with the OpenAI API (local stub)', () => {
  it('uses the structured answer of the AI', async () => {
    stub.mode = 'normal';
    const before = stub.requests.length;
    const res = await ai.call(SEARCH, { q: '친구 생일 선물 꽃다발 5만원 이하로 싼 순서' });
    expect(res.data?.searchProducts.interpretation).toEqual({
      ...AI_ANSWER,
      flowerIds: [1],
      keywords: [],
      source: 'AI',
    });
    expect(names(res)).toEqual(['저렴한 친구 꽃다발', '친구 생일 장미 꽃다발']);
    const request = stub.requests[before];
    expect(request?.model).toBe('gpt-4o-mini');
    expect(request?.response_format).toMatchObject({
      type: 'json_schema',
      json_schema: { name: 'product_search_filters', strict: true },
    });
  });

  it('answers from the offline parser within the timeout when the AI is slow', async () => {
    stub.mode = 'slow';
    // The deadline bounds the interpretation; the listing after it is ordinary database time.
    const started = performance.now();
    const interpretation = await ai.server.deps.interpreter.interpret('white flowers, slow path');
    const elapsed = performance.now() - started;
    expect(interpretation).toMatchObject({ source: 'OFFLINE', filters: { colors: ['WHITE'] } });
    expect(elapsed).toBeGreaterThanOrEqual(AI_TIMEOUT_MS - 5);
    expect(elapsed).toBeLessThan(AI_TIMEOUT_MS + 500);

    const res = await ai.call(SEARCH, { q: 'white flowers for a funeral, slow path' });
    expect(res.data?.searchProducts.interpretation).toMatchObject({
      source: 'OFFLINE',
      tags: ['FUNERAL'],
    });
    expect(names(res)).toEqual(['근조 국화 화환']);
  });

  it('answers from the offline parser when the AI fails', async () => {
    stub.mode = 'error';
    const res = await ai.call(SEARCH, { q: '연인 장미 꽃바구니, error path' });
    expect(res.data?.searchProducts.interpretation).toMatchObject({
      source: 'OFFLINE',
      category: 'BASKET',
      tags: ['FOR_LOVER'],
    });
    expect(names(res)).toEqual(['연인 장미 꽃바구니']);
  });

  it('measures the latency of both paths', async () => {
    const queries = [
      '친구 생일에 선물하기 좋은 5만원 이하 꽃다발 추천해줘',
      'white flowers for a funeral under 100k won',
      '3만원대 꽃바구니 인기순',
      'cheapest red roses for my girlfriend',
      '감사의 마음을 전하는 카네이션',
      'between 30,000 and 50,000 won tulip bouquet',
    ];
    // The parser alone, in process.
    const rounds = 200;
    const started = performance.now();
    for (let i = 0; i < rounds; i += 1) for (const q of queries) parseQueryOffline(q);
    const parserMs = (performance.now() - started) / (rounds * queries.length);

    // Interpretation only: the AI round trip to the stub over HTTP (distinct queries, no cache).
    stub.mode = 'normal';
    const interpretTimes: number[] = [];
    for (let i = 0; i < 30; i += 1) {
      const t0 = performance.now();
      const result = await ai.server.deps.interpreter.interpret(
        `${queries[i % queries.length]} interpret${i}`,
      );
      interpretTimes.push(performance.now() - t0);
      expect(result.source).toBe('AI');
    }
    interpretTimes.sort((a, b) => a - b);

    const timeRequests = async (h: ProductsHarness, tag: string) => {
      const times: number[] = [];
      for (let i = 0; i < 5; i += 1) {
        for (const q of queries) {
          const t0 = performance.now();
          const res = await h.call(SEARCH, { q: `${q} ${tag}${i}` });
          times.push(performance.now() - t0);
          expect(res.data?.searchProducts.interpretation.source).toBe(
            tag === 'ai' ? 'AI' : 'OFFLINE',
          );
        }
      }
      times.sort((a, b) => a - b);
      return {
        p50: times[Math.floor(times.length / 2)] ?? 0,
        p95: times[Math.floor(times.length * 0.95)] ?? 0,
      };
    };
    const aiPath = await timeRequests(ai, 'ai');
    const offlinePath = await timeRequests(offline, 'offline');
    console.log(
      [
        'search latency',
        `  offline parser alone:        ${parserMs.toFixed(3)} ms per query`,
        `  AI interpretation via stub:  p50 ${interpretTimes[15]?.toFixed(1)} ms, p95 ${interpretTimes[28]?.toFixed(1)} ms (HTTP round trip, structured output)`,
        `  searchProducts, offline:     p50 ${offlinePath.p50.toFixed(1)} ms, p95 ${offlinePath.p95.toFixed(1)} ms`,
        `  searchProducts, AI via stub: p50 ${aiPath.p50.toFixed(1)} ms, p95 ${aiPath.p95.toFixed(1)} ms`,
      ].join('\n'),
    );
    expect(parserMs).toBeLessThan(5);
  }, 60_000);
});
