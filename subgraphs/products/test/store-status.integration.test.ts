import { expectUnion, sellerCaller } from '@bloom/testing';
import { storeReopened, storeSuspended } from '@bloom/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './generated/index.js';
import { CREATE, type ProductsHarness, productInput, startProducts } from './products.harness.js';

/**
 * A store's status changes are numbered by its status log, its profile snapshots by the store
 * document: a suspension (status #1) after several profile updates (#3) must still hide the
 * store's products, and a late copy of it must not hide them again after a reopening.
 */

const COUNT = graphql(`
  query StoreStatusCount($storeId: ID!) {
    products(filter: { storeId: $storeId }, sort: NEWEST, first: 10) {
      totalCount
    }
  }
`);

let h: ProductsHarness;

beforeAll(async () => {
  h = await startProducts('store-status');
});
afterAll(() => h?.close());

const listed = async (storeId: string) =>
  (await h.call(COUNT, { storeId })).data?.products.totalCount;

describe('store status in the listings', () => {
  it('hides a suspended store after profile updates, shows it reopened, ignores a late copy', async () => {
    // Opened, then updated twice: profile sequence 3.
    for (let i = 0; i < 3; i += 1) await h.openStore('store-s', 'seller-s');
    const created = await h.call(
      CREATE,
      { input: productInput({ name: '정지 테스트 꽃다발' }) },
      sellerCaller('seller-s'),
    );
    expectUnion(created.data?.createProduct, 'Product');
    expect(await listed('store-s')).toBe(1);

    await h.publish(
      storeSuspended,
      { storeId: 'store-s', sellerId: 'seller-s', reason: '민원 확인', suspendedBy: 'admin' },
      { subjectId: 'store-s', sequence: 1 },
    );
    await h.consumed('products-stores');
    expect(await listed('store-s')).toBe(0);

    await h.publish(
      storeReopened,
      { storeId: 'store-s', sellerId: 'seller-s', reopenedBy: 'admin' },
      { subjectId: 'store-s', sequence: 2 },
    );
    await h.consumed('products-stores');
    expect(await listed('store-s')).toBe(1);

    // A redelivered older suspension (a new event id, the same position) changes nothing.
    await h.publish(
      storeSuspended,
      { storeId: 'store-s', sellerId: 'seller-s', reason: '민원 확인', suspendedBy: 'admin' },
      { subjectId: 'store-s', sequence: 1 },
    );
    await h.consumed('products-stores');
    expect(await listed('store-s')).toBe(1);
  });

  it('keeps a suspension that arrives before the store’s first snapshot', async () => {
    await h.publish(
      storeSuspended,
      { storeId: 'store-t', sellerId: 'seller-t', reason: '서류 확인', suspendedBy: 'admin' },
      { subjectId: 'store-t', sequence: 1 },
    );
    await h.consumed('products-stores');
    await h.openStore('store-t', 'seller-t');
    const projection = await h.db
      .collection('store_projections')
      .findOne({ _id: 'store-t' as never });
    expect(projection).toMatchObject({ status: 'SUSPENDED', name: '꽃집 store-t' });
    // A suspended store takes no new products either.
    const created = await h.call(
      CREATE,
      { input: productInput({ name: '먼저 정지된 매장 꽃다발' }) },
      sellerCaller('seller-t'),
    );
    expectUnion(created.data?.createProduct, 'NoStoreError');
    expect(await listed('store-t')).toBe(0);
  });
});
