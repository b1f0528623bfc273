import { afterEach, describe, expect, it } from 'vitest';
import { type FakeGateway, startFakeGateway } from '../test/fake-gateway.js';
import { productNode } from '../test/fixtures.js';
import { createBloomClient } from './bloom.client.js';
import { BloomError } from './bloom.error.js';
import { BrowseProductsDocument, SearchProductsDocument } from './generated/graphql.js';

let gateway: FakeGateway | undefined;
afterEach(async () => {
  await gateway?.close();
  gateway = undefined;
});

const TOTAL = 5;

/** Products p1…p5 in pages of `first`, the cursor being the last id of a page. */
function pageOf(variables: Record<string, unknown>) {
  const first = typeof variables.first === 'number' ? variables.first : 2;
  const after = typeof variables.after === 'string' ? Number(variables.after.slice(1)) : 0;
  const nodes = Array.from({ length: Math.min(first, TOTAL - after) }, (_, i) =>
    productNode(after + i + 1),
  );
  const last = nodes.at(-1);
  return {
    totalCount: TOTAL,
    pageInfo: { hasNextPage: after + nodes.length < TOTAL, endCursor: last ? last.id : null },
    nodes,
  };
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

describe('client.paginate', () => {
  it('follows pageInfo.endCursor with `after` over several pages', async () => {
    gateway = await startFakeGateway(({ body }) => ({
      body: { data: { products: pageOf(body.variables) } },
    }));
    const client = createBloomClient({ url: gateway.url, apiKey: 'bk_test' });

    const products = await collect(
      client.paginate(BrowseProductsDocument, { first: 2, sort: 'NEWEST' }, (d) => d.products),
    );

    expect(products.map((p) => p.id)).toEqual(['p1', 'p2', 'p3', 'p4', 'p5']);
    expect(gateway.requests.map((r) => r.body.variables)).toEqual([
      { first: 2, sort: 'NEWEST', after: null },
      { first: 2, sort: 'NEWEST', after: 'p2' },
      { first: 2, sort: 'NEWEST', after: 'p4' },
    ]);
  });

  it('reaches a connection inside the data (search) and fetches only the pages iterated', async () => {
    gateway = await startFakeGateway(({ body }) => ({
      body: {
        data: {
          searchProducts: {
            interpretation: {
              category: 'BOUQUET',
              tags: [],
              flowerIds: [],
              colors: [],
              priceMin: null,
              priceMax: 50000,
              sort: null,
              occasion: 'BIRTHDAY',
              keywords: [],
              source: 'OFFLINE',
            },
            products: pageOf(body.variables),
          },
        },
      },
    }));
    const client = createBloomClient({ url: gateway.url, apiKey: 'bk_test' });

    const seen: string[] = [];
    for await (const product of client.paginate(
      SearchProductsDocument,
      { query: '친구 생일 5만원 이하 꽃다발', first: 2 },
      (d) => d.searchProducts.products,
    )) {
      seen.push(product.id);
      if (seen.length === 3) break;
    }

    expect(seen).toEqual(['p1', 'p2', 'p3']);
    expect(gateway.requests).toHaveLength(2);
  });

  it('stops at maxPages, and refuses a cursor that does not move', async () => {
    gateway = await startFakeGateway(({ body }) => ({
      body: { data: { products: pageOf(body.variables) } },
    }));
    const client = createBloomClient({ url: gateway.url, apiKey: 'bk_test' });
    const two = await collect(
      client.paginate(BrowseProductsDocument, { first: 1 }, (d) => d.products, { maxPages: 2 }),
    );
    expect(two.map((p) => p.id)).toEqual(['p1', 'p2']);

    const stuck = client.paginate(BrowseProductsDocument, { first: 1, after: 'p1' }, (d) => ({
      ...d.products,
      pageInfo: { hasNextPage: true, endCursor: 'p1' },
    }));
    await expect(collect(stuck)).rejects.toBeInstanceOf(BloomError);
  });
});
