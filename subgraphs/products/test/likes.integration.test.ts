import { customerCaller, dataOf, errorCode, expectUnion, sellerCaller } from '@bloom/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './generated/index.js';
import {
  CREATE,
  type ProductsHarness,
  present,
  productInput,
  startProducts,
} from './products.harness.js';

const LIKE = graphql(`
  mutation LikeProduct($id: ID!) {
    likeProduct(productId: $id) {
      __typename
      ... on Product {
        id
        likeCount
        likedByMe
      }
      ... on UserError {
        code
      }
    }
  }
`);
const UNLIKE = graphql(`
  mutation UnlikeProduct($id: ID!) {
    unlikeProduct(productId: $id) {
      __typename
      ... on Product {
        likeCount
        likedByMe
      }
    }
  }
`);
const LIKE_STORE = graphql(`
  mutation LikeStore($id: ID!) {
    likeStore(storeId: $id) {
      __typename
      ... on Store {
        id
        likeCount
        likedByMe
      }
      ... on UserError {
        code
      }
    }
  }
`);

let h: ProductsHarness;
const products: string[] = [];
/** The id of the i-th product made in beforeAll. */
const product = (i: number) => present(products[i], `product ${i}`);
beforeAll(async () => {
  h = await startProducts('likes');
  await h.openStore('store-k', 'seller-k');
  await h.openStore('store-j', 'seller-j');
  for (const name of ['좋아요 1', '좋아요 2', '좋아요 3']) {
    const res = await h.call(CREATE, { input: productInput({ name }) }, sellerCaller('seller-k'));
    products.push(expectUnion(res.data?.createProduct, 'Product').id);
  }
});
afterAll(async () => h.close());

describe('likes', () => {
  it('likes a product idempotently, even when sent many times at once', async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, () => h.call(LIKE, { id: product(0) }, customerCaller('fan'))),
    );
    expect(results.every((r) => r.data?.likeProduct.__typename === 'Product')).toBe(true);
    const after = await h.call(LIKE, { id: product(0) }, customerCaller('fan'));
    expect(after.data?.likeProduct).toMatchObject({ likeCount: 1, likedByMe: true });
    await h.call(LIKE, { id: product(0) }, customerCaller('other-fan'));
    const anonymous = await h.call(
      graphql(`
        query ProductLikes($id: ID!) {
          product(id: $id) {
            likeCount
            likedByMe
          }
        }
      `),
      { id: product(0) },
    );
    expect(anonymous.data?.product).toEqual({ likeCount: 2, likedByMe: false });

    const unliked = await h.call(UNLIKE, { id: product(0) }, customerCaller('fan'));
    expect(unliked.data?.unlikeProduct).toMatchObject({ likeCount: 1, likedByMe: false });
    const twice = await h.call(UNLIKE, { id: product(0) }, customerCaller('fan'));
    expect(twice.data?.unlikeProduct).toMatchObject({ likeCount: 1, likedByMe: false });
    expect(await h.db.collection('product_likes').countDocuments({ productId: product(0) })).toBe(
      1,
    );
  });

  it('refuses unknown products and anonymous callers', async () => {
    const unknown = await h.call(LIKE, { id: '0123456789abcdef01234567' }, customerCaller('fan'));
    expect(unknown.data?.likeProduct).toMatchObject({ __typename: 'ProductNotFoundError' });
    expect(errorCode(await h.call(LIKE, { id: product(1) }))).toBe('UNAUTHENTICATED');
  });

  it('lists my liked products and stores, most recent first, over pages', async () => {
    for (const id of products) await h.call(LIKE, { id }, customerCaller('collector'));
    const first = await h.call(
      graphql(`
        query MyLikedProductsFirstPage {
          myLikedProducts(first: 2) {
            totalCount
            pageInfo {
              hasNextPage
              endCursor
            }
            nodes {
              id
            }
          }
        }
      `),
      {},
      customerCaller('collector'),
    );
    const page1 = dataOf(first).myLikedProducts;
    expect(page1.totalCount).toBe(3);
    expect(page1.nodes.map((p) => p.id)).toEqual([product(2), product(1)]);
    const second = await h.call(
      graphql(`
        query MyLikedProductsNextPage($after: String) {
          myLikedProducts(first: 2, after: $after) {
            pageInfo {
              hasNextPage
            }
            nodes {
              id
            }
          }
        }
      `),
      { after: page1.pageInfo.endCursor },
      customerCaller('collector'),
    );
    expect(second.data?.myLikedProducts).toEqual({
      pageInfo: { hasNextPage: false },
      nodes: [{ id: product(0) }],
    });

    await Promise.all(
      Array.from({ length: 5 }, () =>
        h.call(LIKE_STORE, { id: 'store-k' }, customerCaller('collector')),
      ),
    );
    await h.call(LIKE_STORE, { id: 'store-j' }, customerCaller('collector'));
    const stores = await h.call(
      graphql(`
        query MyLikedStores {
          myLikedStores {
            totalCount
            nodes {
              id
              likeCount
              likedByMe
            }
          }
        }
      `),
      {},
      customerCaller('collector'),
    );
    expect(stores.data?.myLikedStores).toEqual({
      totalCount: 2,
      nodes: [
        { id: 'store-j', likeCount: 1, likedByMe: true },
        { id: 'store-k', likeCount: 1, likedByMe: true },
      ],
    });
    const missing = await h.call(LIKE_STORE, { id: 'no-such-store' }, customerCaller('collector'));
    expect(missing.data?.likeStore).toMatchObject({ __typename: 'StoreNotFoundError' });
    const unlike = await h.call(
      graphql(`
        mutation UnlikeStoreK {
          unlikeStore(storeId: "store-k") {
            likeCount
            likedByMe
          }
        }
      `),
      {},
      customerCaller('collector'),
    );
    expect(unlike.data?.unlikeStore).toEqual({ likeCount: 0, likedByMe: false });
  });
});
