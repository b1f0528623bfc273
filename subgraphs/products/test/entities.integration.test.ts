import { countQueries, customerCaller, dataOf, expectUnion, sellerCaller } from '@bloom/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './generated/index.js';
import {
  CREATE,
  type ProductsHarness,
  present,
  productInput,
  startProducts,
} from './products.harness.js';

const ENTITIES = graphql(`
  query ProductEntities($r: [_Any!]!) {
    _entities(representations: $r) {
      __typename
      ... on Product {
        id
        name
        storeId
        recipe {
          flowerId
          count
        }
        likeCount
        likedByMe
        restockAlertSubscribed
      }
    }
  }
`);

let h: ProductsHarness;
const ids: string[] = [];

beforeAll(async () => {
  h = await startProducts('entities');
  await h.openStore('store-e', 'seller-e');
  for (let batch = 0; batch < 10; batch += 1) {
    const created = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        h.call(
          CREATE,
          { input: productInput({ name: `엔티티 ${batch * 10 + i}` }) },
          sellerCaller('seller-e'),
        ),
      ),
    );
    ids.push(...created.map((res) => expectUnion(res.data?.createProduct, 'Product').id));
  }
}, 180_000);
afterAll(async () => h.close());

describe('_entities', () => {
  it('resolves 100 product references with a constant number of queries', async () => {
    const caller = customerCaller('cust-e');
    const ten = await countQueries(async () => {
      const res = await h.call(
        ENTITIES,
        { r: ids.slice(0, 10).map((id) => ({ __typename: 'Product', id })) },
        caller,
      );
      expect(res.data?._entities).toHaveLength(10);
    });
    let names: string[] = [];
    const hundred = await countQueries(async () => {
      const res = await h.call(
        ENTITIES,
        { r: ids.map((id) => ({ __typename: 'Product', id })) },
        caller,
      );
      names = dataOf(res)._entities.map((p) => expectUnion(p, 'Product').name);
    });
    expect(names).toHaveLength(100);
    expect(names[42]).toBe('엔티티 42');
    // products (1), like counts (1), my likes (1), restock alerts (1; the firings query only
    // runs when the caller has alerts): independent of the number of representations.
    expect(hundred.count).toBe(ten.count);
    expect(hundred.count).toBeLessThanOrEqual(5);
    console.log(
      `_entities: 10 refs → ${ten.count} queries, 100 refs → ${hundred.count} queries (${hundred.collections.join(', ')})`,
    );
  });

  it('returns null for unknown ids and still resolves deleted products for history', async () => {
    const first = present(ids[0], 'the first product id');
    await h.call(
      graphql(`
        mutation DeleteEntityProduct($id: ID!) {
          deleteProduct(id: $id) {
            __typename
          }
        }
      `),
      { id: first },
      sellerCaller('seller-e'),
    );
    const res = await h.call(ENTITIES, {
      r: [
        { __typename: 'Product', id: first },
        { __typename: 'Product', id: '0123456789abcdef01234567' },
        { __typename: 'Product', id: 'garbage' },
      ],
    });
    expect(res.data?._entities[0]).toMatchObject({ id: first, storeId: 'store-e' });
    expect(res.data?._entities.slice(1)).toEqual([null, null]);
  });
});
