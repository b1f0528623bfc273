import { productRatingChanged } from '@bloom/schema';
import { dataOf, waitFor } from '@bloom/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './generated/index.js';
import type { FindStoresQuery, FindStoresQueryVariables } from './generated/graphql.js';
import { ADMIN, type StoresHarness, customer, startStores, storeInput } from './stores.harness.js';

const FIND = graphql(`
  query FindStores($filter: StoreFilter, $sort: StoreSort, $first: Int, $after: String) {
    stores(filter: $filter, sort: $sort, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        name
        distanceMeters
        rating
      }
    }
  }
`);

type Found = FindStoresQuery['stores'];

const places = {
  gangnam: { regionCode: '11', districtCode: '11680', latitude: 37.4999, longitude: 127.0355 },
  gangnamEast: { regionCode: '11', districtCode: '11680', latitude: 37.5045, longitude: 127.049 },
  seocho: { regionCode: '11', districtCode: '11650', latitude: 37.4837, longitude: 127.0324 },
  mapo: { regionCode: '11', districtCode: '11440', latitude: 37.5563, longitude: 126.9236 },
  haeundae: { regionCode: '26', districtCode: '26350', latitude: 35.1631, longitude: 129.1635 },
  jeju: { regionCode: '50', districtCode: '50110', latitude: 33.4996, longitude: 126.5312 },
};

let h: StoresHarness;
const ids: Record<string, string> = {};

beforeAll(async () => {
  h = await startStores('finder');
  for (const [name, place] of Object.entries(places)) {
    const { storeId } = await h.openStore({
      name,
      address: { ...storeInput().address, ...place },
    });
    ids[name] = storeId;
  }
  const { storeId } = await h.openStore({
    name: 'suspended',
    address: { ...storeInput().address, ...places.gangnam },
  });
  ids.suspended = storeId;
  await h.call(
    graphql(`
      mutation SuspendStoreForFinder($id: ID!) {
        suspendStore(storeId: $id, reason: "점검") {
          __typename
        }
      }
    `),
    { id: storeId },
    ADMIN,
  );
});
afterAll(async () => h.close());

const find = async (variables: FindStoresQueryVariables, caller = customer()) =>
  dataOf(await h.call(FIND, variables, caller)).stores;
const names = (found: Found) => found.nodes.map((n) => n.name);

describe('store finder', () => {
  it('finds open stores by region and district', async () => {
    const seoul = await find({ filter: { regionCode: '11' }, sort: 'NEWEST' });
    expect(names(seoul)).toEqual(['mapo', 'seocho', 'gangnamEast', 'gangnam']);
    const gangnam = await find({ filter: { regionCode: '11', districtCode: '11680' } });
    expect(names(gangnam).sort()).toEqual(['gangnam', 'gangnamEast']);
    expect((await find({ filter: { regionCode: '50' } })).totalCount).toBe(1);
  });

  it('finds stores within a radius, nearest first, with their distance', async () => {
    const near = await find({
      filter: { near: { latitude: 37.4979, longitude: 127.0276, radiusMeters: 3000 } },
      sort: 'DISTANCE',
    });
    expect(names(near)).toEqual(['gangnam', 'seocho', 'gangnamEast']);
    const [first, second, third] = near.nodes;
    expect(first?.distanceMeters).toBeGreaterThan(600);
    expect(first?.distanceMeters).toBeLessThan(800);
    expect(second?.distanceMeters).toBeLessThan(third?.distanceMeters ?? 0);
    const wide = await find({
      filter: { near: { latitude: 37.4979, longitude: 127.0276, radiusMeters: 15_000 } },
    });
    expect(wide.totalCount).toBe(4);
  });

  it('finds stores inside map bounds', async () => {
    const busan = await find({
      filter: { bounds: { south: 35.0, west: 128.9, north: 35.3, east: 129.3 } },
    });
    expect(names(busan)).toEqual(['haeundae']);
    const seoulView = await find({
      filter: { bounds: { south: 37.45, west: 126.9, north: 37.6, east: 127.1 } },
      sort: 'DISTANCE',
    });
    expect(seoulView.totalCount).toBe(4);
  });

  it('pages with a cursor without gaps or repeats', async () => {
    const seen: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < 10; page++) {
      const found = await find({ sort: 'NEWEST', first: 2, after });
      expect(found.totalCount).toBe(6);
      seen.push(...names(found));
      if (!found.pageInfo.hasNextPage) break;
      after = found.pageInfo.endCursor ?? undefined;
    }
    expect(seen).toEqual(['jeju', 'haeundae', 'mapo', 'seocho', 'gangnamEast', 'gangnam']);
    const bad = await h.call(FIND, { after: 'garbage' });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('sorts by rating aggregated from product ratings', async () => {
    const rate = (productId: string, storeId: string, sum: number, count: number) =>
      h.publish(productRatingChanged, {
        productId,
        storeId,
        ratingSum: sum,
        ratingCount: count,
        ratingAverage: Math.round((sum / count) * 100) / 100,
      });
    await rate('p1', ids.jeju as string, 45, 10);
    await rate('p2', ids.jeju as string, 5, 5);
    await rate('p3', ids.mapo as string, 48, 10);
    await rate('p1', ids.jeju as string, 40, 9); // older and late: ignored
    await waitFor(
      async () => (await find({ sort: 'RATING', first: 1 })).nodes[0]?.name === 'mapo',
      {
        what: 'ratings applied',
      },
    );
    const byRating = await find({ sort: 'RATING', first: 3 });
    expect(byRating.nodes.map((n) => [n.name, n.rating])).toEqual([
      ['mapo', 4.8],
      ['jeju', 3.33],
      [expect.any(String), 0],
    ]);
  });

  it('shows stores that are not open to admins only', async () => {
    const all = await find({ filter: { regionCode: '11', districtCode: '11680' } }, ADMIN);
    expect(names(all).sort()).toEqual(['gangnam', 'gangnamEast', 'suspended']);
    const suspended = await find({ filter: { status: 'SUSPENDED' } }, ADMIN);
    expect(names(suspended)).toEqual(['suspended']);
    const denied = await h.call(FIND, { filter: { status: 'SUSPENDED' } }, customer());
    expect(denied.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const noPoint = await h.call(FIND, { sort: 'DISTANCE' });
    expect(noPoint.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
