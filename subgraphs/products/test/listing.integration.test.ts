import { dataOf, errorCode, expectUnion, sellerCaller } from '@bloom/testing';
import { ObjectId } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './generated/index.js';
import type { ListedProductFragment, ProductFilter, ProductSort } from './generated/graphql.js';
import { CREATE, type ProductsHarness, productInput, startProducts } from './products.harness.js';

type Listed = ListedProductFragment;

graphql(`
  fragment ListedProduct on Product {
    id
    name
    price
    salesCount
    ratingAverage
    ratingCount
    createdAt
    saleStatus
  }
`);
const LIST = graphql(`
  query ListProducts($filter: ProductFilter, $sort: ProductSort!, $first: Int, $after: String) {
    products(filter: $filter, sort: $sort, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...ListedProduct
      }
    }
  }
`);

const SORTS = [
  'POPULAR',
  'NEWEST',
  'OLDEST',
  'PRICE_ASC',
  'PRICE_DESC',
  'MOST_REVIEWED',
  'BEST_RATED',
] as const satisfies readonly ProductSort[];

let h: ProductsHarness;
/** name → what the test set up about it. */
type Group = 'available' | 'noStock' | 'soldOut';
const made = new Map<string, { id: string; available: boolean; soldOut: boolean; group: Group }>();

beforeAll(async () => {
  h = await startProducts('listing');
  await h.openStore('store-l', 'seller-l');
  await h.openStore('store-m', 'seller-m');
  // Red roses and gypsophila are stocked; blue roses (5) are not.
  await h.setStock('store-l', { 1: 500, 18: 500 });
  // Twelve products: prices, sales and ratings with ties, some sold out, some out of stock.
  const specs = [
    { price: 30000, sales: 5, avg: 4.5, count: 2, status: 'ON_SALE', flower: 1 },
    { price: 45000, sales: 9, avg: 4.5, count: 8, status: 'ON_SALE', flower: 1 },
    { price: 30000, sales: 9, avg: 3, count: 1, status: 'SOLD_OUT', flower: 1 },
    { price: 80000, sales: 0, avg: 0, count: 0, status: 'ON_SALE', flower: 5 },
    { price: 55000, sales: 20, avg: 5, count: 3, status: 'ON_SALE', flower: 1 },
    { price: 25000, sales: 1, avg: 2.5, count: 4, status: 'ON_SALE', flower: 5 },
    { price: 45000, sales: 5, avg: 4, count: 8, status: 'ON_SALE', flower: 1 },
    { price: 99000, sales: 30, avg: 4.8, count: 10, status: 'SOLD_OUT', flower: 1 },
    { price: 12000, sales: 2, avg: 5, count: 1, status: 'ON_SALE', flower: 1 },
    { price: 45000, sales: 9, avg: 4.5, count: 2, status: 'ON_SALE', flower: 1 },
    { price: 60000, sales: 3, avg: 3.5, count: 6, status: 'ON_SALE', flower: 5 },
    { price: 30000, sales: 5, avg: 4.5, count: 2, status: 'ON_SALE', flower: 1 },
  ];
  for (const [i, spec] of specs.entries()) {
    const res = await h.call(
      CREATE,
      {
        input: productInput({
          name: `목록 상품 ${i}`,
          price: spec.price,
          category: i % 2 === 0 ? 'BOUQUET' : 'BASKET',
          tags: i % 3 === 0 ? ['WEDDING', 'FOR_FRIEND'] : ['WEDDING'],
          recipe: [
            { flowerId: spec.flower, count: 10, representative: true },
            { flowerId: 18, count: 1 },
          ],
        }),
      },
      sellerCaller('seller-l'),
    );
    const id = expectUnion(res.data?.createProduct, 'Product').id;
    if (spec.status === 'SOLD_OUT') {
      await h.call(
        graphql(`
          mutation SetListedProductSoldOut($id: ID!) {
            setProductStatus(id: $id, status: SOLD_OUT) {
              __typename
            }
          }
        `),
        { id },
        sellerCaller('seller-l'),
      );
    }
    // Sales and ratings come from orders and reviews (tested elsewhere); set them directly.
    await h.db
      .collection('products')
      .updateOne(
        { _id: new ObjectId(id) },
        { $set: { salesCount: spec.sales, ratingAverage: spec.avg, ratingCount: spec.count } },
      );
    made.set(`목록 상품 ${i}`, {
      id,
      available: spec.status === 'ON_SALE' && spec.flower === 1,
      soldOut: spec.status === 'SOLD_OUT',
      group: spec.status === 'SOLD_OUT' ? 'soldOut' : spec.flower === 1 ? 'available' : 'noStock',
    });
  }
  await h.call(
    CREATE,
    { input: productInput({ name: '다른 가게 상품' }) },
    sellerCaller('seller-m'),
  );
}, 180_000);
afterAll(async () => h.close());

async function listAll(sort: ProductSort, filter: ProductFilter, first: number) {
  const nodes: Listed[] = [];
  let after: string | null | undefined;
  for (let page = 0; page < 20; page += 1) {
    const res = await h.call(LIST, { filter, sort, first, after });
    expect(res.errors).toBeUndefined();
    const connection = dataOf(res).products;
    nodes.push(...connection.nodes);
    if (!connection.pageInfo.hasNextPage) return { nodes, totalCount: connection.totalCount };
    after = connection.pageInfo.endCursor;
  }
  throw new Error('too many pages');
}

const GROUPS: (Group | undefined)[] = ['available', 'noStock', 'soldOut'];

/** The order a sort promises, within one availability group. */
function compare(sort: (typeof SORTS)[number], a: Listed, b: Listed): number {
  const time = (p: Listed) => new Date(p.createdAt).getTime();
  switch (sort) {
    case 'POPULAR':
      return b.salesCount - a.salesCount;
    case 'NEWEST':
      return time(b) - time(a);
    case 'OLDEST':
      return time(a) - time(b);
    case 'PRICE_ASC':
      return a.price - b.price;
    case 'PRICE_DESC':
      return b.price - a.price;
    case 'MOST_REVIEWED':
      return b.ratingCount - a.ratingCount;
    case 'BEST_RATED':
      return b.ratingAverage - a.ratingAverage || b.ratingCount - a.ratingCount;
  }
}

describe('public listings', () => {
  it.each(SORTS)(
    'orders by %s with available products first, over stable cursor pages',
    async (sort) => {
      const { nodes, totalCount } = await listAll(sort, { storeId: 'store-l' }, 5);
      expect(totalCount).toBe(12);
      expect(nodes).toHaveLength(12);
      expect(new Set(nodes.map((n) => n.id)).size).toBe(12);

      // Everything that can be bought comes before everything that cannot.
      const available = nodes.map((n) => made.get(n.name)?.available);
      const firstUnavailable = available.indexOf(false);
      expect(available.slice(0, firstUnavailable).every(Boolean)).toBe(true);
      expect(available.slice(firstUnavailable).some(Boolean)).toBe(false);
      expect(firstUnavailable).toBe(7);

      // Groups in order: buyable, on sale without stock, sold out; the sort holds in each.
      const groups = nodes.map((n) => made.get(n.name)?.group);
      expect(groups).toEqual([...groups].sort((a, b) => GROUPS.indexOf(a) - GROUPS.indexOf(b)));
      for (let i = 1; i < nodes.length; i += 1) {
        if (groups[i] !== groups[i - 1]) continue;
        expect(compare(sort, nodes[i - 1] as Listed, nodes[i] as Listed)).toBeLessThanOrEqual(0);
      }
      // Page size does not change the order.
      const single = await listAll(sort, { storeId: 'store-l' }, 100);
      expect(single.nodes.map((n) => n.id)).toEqual(nodes.map((n) => n.id));
    },
  );

  it('puts sold-out products after in-stock and out-of-stock on-sale ones', async () => {
    const { nodes } = await listAll('PRICE_ASC', { storeId: 'store-l' }, 100);
    const soldOut = nodes.map((n) => made.get(n.name)?.soldOut);
    expect(soldOut.slice(-2)).toEqual([true, true]);
  });

  it('filters by category, tags, store, flowers, colour and price', async () => {
    const count = async (filter: ProductFilter) =>
      (await h.call(LIST, { filter, sort: 'NEWEST', first: 100 })).data?.products.totalCount;
    expect(await count({ storeId: 'store-l', category: 'BOUQUET' })).toBe(6);
    expect(await count({ storeId: 'store-l', tags: ['WEDDING', 'FOR_FRIEND'] })).toBe(4);
    expect(await count({ storeId: 'store-l', tags: ['WEDDING'] })).toBe(12);
    expect(await count({ storeId: 'store-m' })).toBe(1);
    expect(await count({})).toBe(13);
    expect(await count({ storeId: 'store-l', flowerIds: [5] })).toBe(3);
    expect(await count({ storeId: 'store-l', colors: ['BLUE'] })).toBe(3);
    expect(await count({ storeId: 'store-l', priceMin: 30000, priceMax: 45000 })).toBe(6);
    expect(await count({ keyword: '상품 1' })).toBe(3);
  });

  it('lists a store’s products through the Store entity', async () => {
    const res = await h.call(
      graphql(`
        query StoreEntityProducts($r: [_Any!]!) {
          _entities(representations: $r) {
            __typename
            ... on Store {
              id
              products(first: 3, sort: PRICE_DESC) {
                totalCount
                nodes {
                  price
                }
              }
            }
          }
        }
      `),
      { r: [{ __typename: 'Store', id: 'store-l' }] },
    );
    expect(expectUnion(dataOf(res)._entities[0], 'Store').products).toMatchObject({
      totalCount: 12,
      nodes: [{ price: 55000 }, { price: 45000 }, { price: 45000 }],
    });
  });

  it('serves the main page sections', async () => {
    const res = await h.call(
      graphql(`
        query HomeSections {
          homeSections(size: 3) {
            bestSellers {
              name
              salesCount
            }
            newArrivals {
              name
            }
            bestRated {
              name
              ratingAverage
            }
          }
        }
      `),
    );
    const sections = dataOf(res).homeSections;
    expect(sections.bestSellers.map((p) => p.salesCount)).toEqual([20, 9, 9]);
    expect(sections.bestRated[0]).toMatchObject({ ratingAverage: 5 });
    expect(sections.newArrivals).toHaveLength(3);
  });

  it('refuses a forged cursor and a page size out of range', async () => {
    const forged = await h.call(LIST, { sort: 'NEWEST', after: 'bm90LWEtY3Vyc29y' });
    expect(errorCode(forged)).toBe('BAD_USER_INPUT');
    const wrongShape = await h.call(LIST, {
      sort: 'NEWEST',
      after: Buffer.from(JSON.stringify([0, 0, 'x', 'y'])).toString('base64url'),
    });
    expect(errorCode(wrongShape)).toBe('BAD_USER_INPUT');
    const tooMany = await h.call(LIST, { sort: 'NEWEST', first: 500 });
    expect(errorCode(tooMany)).toBe('BAD_USER_INPUT');
  });
});
