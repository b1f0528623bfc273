import { dataOf, errorCode } from '@bloom/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './generated/index.js';
import type { AdminStoresQuery, AdminStoresQueryVariables } from './generated/graphql.js';
import {
  ADMIN,
  type StoresHarness,
  customer,
  seller,
  setStock,
  startStores,
  storeInput,
} from './stores.harness.js';

const ADMIN_STORES = graphql(`
  query AdminStores($filter: AdminStoreFilter, $sort: StoreSort, $first: Int, $after: String) {
    adminStores(filter: $filter, sort: $sort, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        name
        status
        rating
        ratingCount
        address {
          regionCode
          regionName
        }
      }
    }
  }
`);

const STORE_INVENTORY = graphql(`
  query AdminStoreInventory($id: ID!) {
    store(id: $id) {
      status
      lowStockThreshold
      inventory {
        flowerId
        available
        reserved
        onHand
        low
      }
    }
  }
`);

const SUSPEND = graphql(`
  mutation SuspendStoreForAdminList($id: ID!) {
    suspendStore(storeId: $id, reason: "민원 확인 중") {
      __typename
    }
  }
`);

const CLOSE = graphql(`
  mutation CloseStoreForAdminList($id: ID!) {
    closeStore(storeId: $id) {
      __typename
    }
  }
`);

const busan = { regionCode: '26', districtCode: '26350', latitude: 35.1631, longitude: 129.1635 };

let h: StoresHarness;
const ids: Record<'open' | 'suspended' | 'closed' | 'busan', string> = {
  open: '',
  suspended: '',
  closed: '',
  busan: '',
};
let suspendedSeller = '';

beforeAll(async () => {
  h = await startStores('admin-stores');
  // Opened in this order, so NEWEST lists them the other way round.
  ids.open = (await h.openStore({ name: '열린 꽃집' })).storeId;
  const suspended = await h.openStore({ name: '정지된 꽃집', lowStockThreshold: 10 });
  ids.suspended = suspended.storeId;
  suspendedSeller = suspended.sellerId;
  ids.closed = (await h.openStore({ name: '닫은 꽃집' })).storeId;
  ids.busan = (
    await h.openStore({ name: '해운대 꽃집', address: { ...storeInput().address, ...busan } })
  ).storeId;
  await setStock(h, suspendedSeller, ids.suspended, [
    { flowerId: 1, available: 3 },
    { flowerId: 2, available: 40 },
  ]);
  expect((await h.call(SUSPEND, { id: ids.suspended }, ADMIN)).data?.suspendStore).toEqual({
    __typename: 'Store',
  });
  expect((await h.call(CLOSE, { id: ids.closed }, ADMIN)).data?.closeStore).toEqual({
    __typename: 'Store',
  });
});
afterAll(async () => h.close());

const list = async (variables: AdminStoresQueryVariables = {}) =>
  dataOf(await h.call(ADMIN_STORES, variables, ADMIN)).adminStores;
const names = (found: AdminStoresQuery['adminStores']) => found.nodes.map((n) => n.name);

describe('adminStores', () => {
  it('lists every store whatever its status, newest first, with rating and region', async () => {
    const all = await list();
    expect(all.totalCount).toBe(4);
    expect(names(all)).toEqual(['해운대 꽃집', '닫은 꽃집', '정지된 꽃집', '열린 꽃집']);
    expect(all.nodes.map((n) => n.status)).toEqual(['OPEN', 'CLOSED', 'SUSPENDED', 'OPEN']);
    expect(all.nodes[0]).toMatchObject({
      rating: 0,
      ratingCount: 0,
      address: { regionCode: '26', regionName: '부산' },
    });
  });

  it('filters by status, region and part of the name', async () => {
    expect(names(await list({ filter: { status: 'SUSPENDED' } }))).toEqual(['정지된 꽃집']);
    expect(names(await list({ filter: { status: 'CLOSED' } }))).toEqual(['닫은 꽃집']);
    expect(names(await list({ filter: { status: 'OPEN' } }))).toEqual(['해운대 꽃집', '열린 꽃집']);
    expect(names(await list({ filter: { regionCode: '26' } }))).toEqual(['해운대 꽃집']);
    expect(names(await list({ filter: { regionCode: '11', name: '닫은' } }))).toEqual([
      '닫은 꽃집',
    ]);
  });

  it('pages with cursors, newest first by default', async () => {
    const first = await list({ first: 3 });
    expect(names(first)).toEqual(['해운대 꽃집', '닫은 꽃집', '정지된 꽃집']);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = await list({ first: 3, after: first.pageInfo.endCursor });
    expect(names(rest)).toEqual(['열린 꽃집']);
    expect(rest.pageInfo.hasNextPage).toBe(false);
    expect(rest.totalCount).toBe(4);
  });

  it('refuses sellers, customers and anonymous callers', async () => {
    const asSeller = await h.call(ADMIN_STORES, {}, seller(suspendedSeller));
    expect(errorCode(asSeller)).toBe('FORBIDDEN');
    expect(asSeller.data?.adminStores).toBeUndefined();
    expect(errorCode(await h.call(ADMIN_STORES, {}, customer()))).toBe('FORBIDDEN');
    expect(errorCode(await h.call(ADMIN_STORES, {}))).toBe('UNAUTHENTICATED');
  });
});

describe("an admin reading a store's stock", () => {
  it('sees a suspended store’s inventory with its low-stock flags', async () => {
    const store = dataOf(await h.call(STORE_INVENTORY, { id: ids.suspended }, ADMIN)).store;
    expect(store).toMatchObject({ status: 'SUSPENDED', lowStockThreshold: 10 });
    expect(store?.inventory).toHaveLength(22);
    expect(store?.inventory.find((i) => i.flowerId === 1)).toMatchObject({
      available: 3,
      reserved: 0,
      onHand: 3,
      low: true,
    });
    expect(store?.inventory.find((i) => i.flowerId === 2)).toMatchObject({
      available: 40,
      low: false,
    });
  });

  it('is not open to another seller or a customer', async () => {
    const other = await h.call(STORE_INVENTORY, { id: ids.suspended }, seller());
    expect(errorCode(other)).toBe('FORBIDDEN');
    expect(errorCode(await h.call(STORE_INVENTORY, { id: ids.suspended }, customer()))).toBe(
      'FORBIDDEN',
    );
  });
});
