import { errorCode } from '@bloom/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CREATE,
  CUSTOMER,
  type ProductsHarness,
  SELLER,
  productInput,
  startProducts,
} from './products.harness.js';

const LIKE = `mutation($id: ID!) { likeProduct(productId: $id) { __typename ... on Product { id likeCount likedByMe } ... on UserError { code } } }`;
const UNLIKE = `mutation($id: ID!) { unlikeProduct(productId: $id) { __typename ... on Product { likeCount likedByMe } } }`;
const LIKE_STORE = `mutation($id: ID!) { likeStore(storeId: $id) { __typename ... on Store { id likeCount likedByMe } ... on UserError { code } } }`;

let h: ProductsHarness;
const products: string[] = [];
beforeAll(async () => {
  h = await startProducts('likes');
  await h.openStore('store-k', 'seller-k');
  await h.openStore('store-j', 'seller-j');
  for (const name of ['좋아요 1', '좋아요 2', '좋아요 3']) {
    const res = await h.call(CREATE, { input: productInput({ name }) }, SELLER('seller-k'));
    products.push(res.data?.createProduct.id);
  }
});
afterAll(async () => h.close());

describe('likes', () => {
  it('likes a product idempotently, even when sent many times at once', async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, () => h.call(LIKE, { id: products[0] }, CUSTOMER('fan'))),
    );
    expect(results.every((r) => r.data?.likeProduct.__typename === 'Product')).toBe(true);
    const after = await h.call(LIKE, { id: products[0] }, CUSTOMER('fan'));
    expect(after.data?.likeProduct).toMatchObject({ likeCount: 1, likedByMe: true });
    await h.call(LIKE, { id: products[0] }, CUSTOMER('other-fan'));
    const anonymous = await h.call(`query($id: ID!) { product(id: $id) { likeCount likedByMe } }`, {
      id: products[0],
    });
    expect(anonymous.data?.product).toEqual({ likeCount: 2, likedByMe: false });

    const unliked = await h.call(UNLIKE, { id: products[0] }, CUSTOMER('fan'));
    expect(unliked.data?.unlikeProduct).toMatchObject({ likeCount: 1, likedByMe: false });
    const twice = await h.call(UNLIKE, { id: products[0] }, CUSTOMER('fan'));
    expect(twice.data?.unlikeProduct).toMatchObject({ likeCount: 1, likedByMe: false });
    expect(await h.db.collection('product_likes').countDocuments({ productId: products[0] })).toBe(
      1,
    );
  });

  it('refuses unknown products and anonymous callers', async () => {
    const unknown = await h.call(LIKE, { id: '0123456789abcdef01234567' }, CUSTOMER('fan'));
    expect(unknown.data?.likeProduct).toMatchObject({ __typename: 'ProductNotFoundError' });
    expect(errorCode(await h.call(LIKE, { id: products[1] }))).toBe('UNAUTHENTICATED');
  });

  it('lists my liked products and stores, most recent first, over pages', async () => {
    for (const id of products) await h.call(LIKE, { id }, CUSTOMER('collector'));
    const first = await h.call(
      `{ myLikedProducts(first: 2) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } }`,
      {},
      CUSTOMER('collector'),
    );
    const page1 = first.data?.myLikedProducts;
    expect(page1.totalCount).toBe(3);
    expect(page1.nodes.map((p: { id: string }) => p.id)).toEqual([products[2], products[1]]);
    const second = await h.call(
      `query($after: String) { myLikedProducts(first: 2, after: $after) { pageInfo { hasNextPage } nodes { id } } }`,
      { after: page1.pageInfo.endCursor },
      CUSTOMER('collector'),
    );
    expect(second.data?.myLikedProducts).toEqual({
      pageInfo: { hasNextPage: false },
      nodes: [{ id: products[0] }],
    });

    await Promise.all(
      Array.from({ length: 5 }, () => h.call(LIKE_STORE, { id: 'store-k' }, CUSTOMER('collector'))),
    );
    await h.call(LIKE_STORE, { id: 'store-j' }, CUSTOMER('collector'));
    const stores = await h.call(
      `{ myLikedStores { totalCount nodes { id likeCount likedByMe } } }`,
      {},
      CUSTOMER('collector'),
    );
    expect(stores.data?.myLikedStores).toEqual({
      totalCount: 2,
      nodes: [
        { id: 'store-j', likeCount: 1, likedByMe: true },
        { id: 'store-k', likeCount: 1, likedByMe: true },
      ],
    });
    const missing = await h.call(LIKE_STORE, { id: 'no-such-store' }, CUSTOMER('collector'));
    expect(missing.data?.likeStore).toMatchObject({ __typename: 'StoreNotFoundError' });
    const unlike = await h.call(
      `mutation { unlikeStore(storeId: "store-k") { likeCount likedByMe } }`,
      {},
      CUSTOMER('collector'),
    );
    expect(unlike.data?.unlikeStore).toEqual({ likeCount: 0, likedByMe: false });
  });
});
