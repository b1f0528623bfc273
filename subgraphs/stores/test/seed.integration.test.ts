import { callerHeaders, dataOf, gqlRequest } from '@bloom/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SeedApi } from '../../../scripts/seed/seed.api.js';
import { demoStores, seedStores } from '../../../scripts/seed/stores.seed.js';
import { graphql } from './generated/index.js';
import { type StoresHarness, newId, seller, startStores } from './stores.harness.js';

let h: StoresHarness;
beforeAll(async () => {
  h = await startStores('seed');
});
afterAll(async () => h.close());

/**
 * The seed's GraphQL runs against this subgraph as the gateway would send it: logging in maps
 * each demo seller to an approved seller id (identity's part, not under test here).
 */
function subgraphApi(sellers: Map<string, string>): SeedApi {
  return {
    async call(query, variables = {}, token) {
      const res = await gqlRequest(
        h.server.url,
        query,
        variables,
        callerHeaders(token ? seller(token) : {}),
      );
      if (res.errors?.length) throw new Error(res.errors.map((e) => e.message).join('; '));
      return res.data as never;
    },
    logIn: (email) => Promise.resolve(sellers.get(email) as string),
    log: () => undefined,
    resolve: (url) => new URL(url, h.server.url).href,
  };
}

describe('demo data', () => {
  it('seeds four stores with stock, policies and coupons, and running it again changes nothing', async () => {
    const sellers = new Map<string, string>();
    for (const store of demoStores) sellers.set(store.email, await h.approveSeller(newId()));
    const api = subgraphApi(sellers);
    await seedStores(api);
    // As a database seeded before coupons had a delivery/pickup limit: the rerun adds it.
    await h.db.collection('coupons').updateMany({}, { $unset: { onlyFor: '' } });
    await seedStores(api);

    const found = await h.call(
      graphql(`
        query SeededStores {
          stores(first: 10, sort: NEWEST) {
            totalCount
            nodes {
              id
              name
              address {
                regionName
                districtName
              }
              coupons {
                code
                onlyFor
              }
            }
          }
        }
      `),
    );
    expect(found.data?.stores.totalCount).toBe(4);
    expect(found.data?.stores.nodes.map((s) => s.address.regionName).sort()).toEqual([
      '부산',
      '서울',
      '서울',
      '제주특별자치도',
    ]);
    for (const store of found.data?.stores.nodes ?? []) {
      expect(store.coupons).toHaveLength(2);
    }
    const limited = (found.data?.stores.nodes ?? []).flatMap((s) =>
      s.coupons.filter((c) => c.onlyFor).map((c) => `${c.code}:${c.onlyFor}`),
    );
    expect(limited).toEqual(['MAPO2000:PICKUP']);
    const [first] = dataOf(found).stores.nodes;
    if (!first) throw new Error('no store was seeded');
    const stock = await h.call(
      graphql(`
        query SeededStoreStock($id: ID!) {
          store(id: $id) {
            flowerStock {
              available
            }
          }
        }
      `),
      { id: first.id },
    );
    const levels = dataOf(stock).store?.flowerStock;
    expect(levels).toHaveLength(22);
    expect(levels?.every((l) => l.available >= 30)).toBe(true);
    expect(await h.db.collection('stock_entries').countDocuments({})).toBe(88);
  }, 120_000);
});
