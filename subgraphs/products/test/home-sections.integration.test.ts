import { dataOf, expectUnion, sellerCaller } from '@bloom/testing';
import { ObjectId } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './generated/index.js';
import type { HomePageQuery, TagKey } from './generated/graphql.js';
import { CREATE, type ProductsHarness, productInput, startProducts } from './products.harness.js';

/*
 * The main page's sections against a real products subgraph: no product in two sections, only
 * sold products as best sellers and rated ones as best rated, occasion rows only when they have
 * products, and a seasonal pick for the Seoul month (the clock is 1 April 00:30 in Seoul while
 * it is still 31 March in UTC).
 */

const HOME = graphql(`
  query HomePage($size: Int!) {
    homeSections(size: $size) {
      bestSellers {
        ...HomeProduct
      }
      bestRated {
        ...HomeProduct
      }
      newArrivals {
        ...HomeProduct
      }
      seasonal {
        month
        season
        title
        flowers {
          id
          name {
            ko
          }
        }
        products {
          ...HomeProduct
        }
      }
      collections {
        tag
        title
        products {
          ...HomeProduct
        }
      }
    }
  }
  fragment HomeProduct on Product {
    id
    name
    tags
    salesCount
    ratingCount
    isSubscription
    recipe {
      flowerId
    }
  }
`);

type Sections = HomePageQuery['homeSections'];

/** Every product id the page shows, in section order: a repeat shows up as a duplicate. */
const shownIds = (s: Sections): string[] => [
  ...s.bestSellers.map((p) => p.id),
  ...s.bestRated.map((p) => p.id),
  ...s.newArrivals.map((p) => p.id),
  ...s.seasonal.products.map((p) => p.id),
  ...s.collections.flatMap((c) => c.products.map((p) => p.id)),
];

const TULIP = 16;
const RANUNCULUS = 17;
const CHRYSANTHEMUM = 11;
const RED_ROSE = 1;

let h: ProductsHarness;
const ids = new Map<string, string>();

const home = async (size: number) => {
  const res = await h.call(HOME, { size });
  expect(res.errors).toBeUndefined();
  return dataOf(res).homeSections;
};

beforeAll(async () => {
  h = await startProducts('home-sections', {
    overrides: { now: () => new Date('2026-03-31T15:30:00Z') },
  });
  await h.openStore('store-h', 'seller-h');
  const specs: { name: string; tags: TagKey[]; flower: number; subscription?: boolean }[] = [
    { name: '장미 베스트', tags: ['FOR_LOVER'], flower: RED_ROSE },
    { name: '장미 둘째', tags: ['FOR_LOVER'], flower: RED_ROSE },
    { name: '튤립 다발', tags: ['FOR_FRIEND'], flower: TULIP },
    { name: '라넌큘러스 바구니', tags: ['FOR_FRIEND', 'WEDDING'], flower: RANUNCULUS },
    { name: '근조 국화', tags: ['FUNERAL'], flower: CHRYSANTHEMUM },
    { name: '개업 장미', tags: ['OPENING'], flower: RED_ROSE },
    { name: '결혼 장미', tags: ['WEDDING'], flower: RED_ROSE },
    { name: '연인 장미', tags: ['FOR_LOVER'], flower: RED_ROSE },
    { name: '친구 장미', tags: ['FOR_FRIEND'], flower: RED_ROSE },
    { name: '연인 장미 셋', tags: ['FOR_LOVER'], flower: RED_ROSE },
    { name: '개업 장미 바구니', tags: ['OPENING'], flower: RED_ROSE },
    { name: '친구 장미 상자', tags: ['FOR_FRIEND'], flower: RED_ROSE },
    { name: '오래된 연인 장미', tags: ['FOR_LOVER'], flower: RED_ROSE },
    { name: '매주 튤립', tags: [], flower: TULIP, subscription: true },
  ];
  for (const spec of specs) {
    const res = await h.call(
      CREATE,
      {
        input: productInput({
          name: spec.name,
          tags: spec.tags,
          ...(spec.subscription ? { isSubscription: true, category: null } : {}),
          recipe: [{ flowerId: spec.flower, count: 5, representative: true }],
        }),
      },
      sellerCaller('seller-h'),
    );
    ids.set(spec.name, expectUnion(res.data?.createProduct, 'Product').id);
  }
}, 180_000);
afterAll(async () => h?.close());

/** Sales and ratings come from orders and reviews (tested elsewhere); set them directly. */
const setCounts = (name: string, salesCount: number, ratingAverage: number, ratingCount: number) =>
  h.db
    .collection('products')
    .updateOne(
      { _id: new ObjectId(ids.get(name)) },
      { $set: { salesCount, ratingAverage, ratingCount } },
    );

describe('the main page sections', () => {
  it('hides best sellers and best rated while nothing is sold or rated', async () => {
    const s = await home(3);
    expect(s.bestSellers).toEqual([]);
    expect(s.bestRated).toEqual([]);
    expect(s.newArrivals).toHaveLength(3);
    expect(new Set(shownIds(s)).size).toBe(shownIds(s).length);
  });

  it('never shows a product twice and lists only rated products as best rated', async () => {
    await setCounts('장미 베스트', 20, 5, 1);
    await setCounts('장미 둘째', 10, 4.8, 3);
    await setCounts('근조 국화', 5, 0, 0);
    await setCounts('개업 장미', 0, 4, 2);
    await setCounts('결혼 장미', 0, 3.5, 4);
    for (const size of [3, 6, 20]) {
      const s = await home(size);
      const shown = shownIds(s);
      expect(new Set(shown).size, `size ${size}: ${shown.join(',')}`).toBe(shown.length);
      expect(s.bestSellers.every((p) => p.salesCount > 0)).toBe(true);
      expect(s.bestRated.length).toBeGreaterThan(0);
      expect(s.bestRated.every((p) => p.ratingCount > 0)).toBe(true);
      expect(shown.every((id) => id !== ids.get('매주 튤립'))).toBe(true);
    }
    const s = await home(3);
    expect(s.bestSellers.map((p) => p.name)).toEqual(['장미 베스트', '장미 둘째', '근조 국화']);
    // The best rated products that sell best are already best sellers: the rest are listed.
    expect(s.bestRated.map((p) => p.name)).toEqual(['개업 장미', '결혼 장미']);
  });

  it('picks flowers in season for the Seoul month and products made of them', async () => {
    const { seasonal } = await home(6);
    expect(seasonal).toMatchObject({ month: 4, season: '봄', title: '4월, 봄의 제철 꽃' });
    const inSeason = seasonal.flowers.map((f) => f.id);
    expect(inSeason).toEqual(expect.arrayContaining([TULIP, RANUNCULUS]));
    expect(inSeason).not.toContain(CHRYSANTHEMUM);
    expect(seasonal.products.length).toBeGreaterThan(0);
    for (const product of seasonal.products) {
      expect(product.recipe.some((line) => inSeason.includes(line.flowerId))).toBe(true);
    }
  });

  it('offers occasion rows with their own products only, and none that would be empty', async () => {
    const { collections } = await home(3);
    expect(collections.length).toBeGreaterThan(0);
    for (const row of collections) {
      expect(row.products.length).toBeGreaterThan(0);
      expect(row.products.every((p) => p.tags.includes(row.tag))).toBe(true);
    }
    // No product is tagged for promotions or an air-purifying plant.
    expect(collections.map((c) => c.tag)).not.toContain('PROMOTION');
    expect(collections.map((c) => c.tag)).not.toContain('AIR_PURIFYING');
  });
});
