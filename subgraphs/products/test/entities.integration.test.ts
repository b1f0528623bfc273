import { countQueries } from '@bloom/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CREATE,
  CUSTOMER,
  type ProductsHarness,
  SELLER,
  productInput,
  startProducts,
} from './products.harness.js';

const ENTITIES = `query($r: [_Any!]!) {
  _entities(representations: $r) {
    ... on Product { id name storeId recipe { flowerId count } likeCount likedByMe restockAlertSubscribed }
  }
}`;

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
          SELLER('seller-e'),
        ),
      ),
    );
    ids.push(...created.map((res) => res.data?.createProduct.id as string));
  }
}, 180_000);
afterAll(async () => h.close());

describe('_entities', () => {
  it('resolves 100 product references with a constant number of queries', async () => {
    const caller = CUSTOMER('cust-e');
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
      names = res.data?._entities.map((p: { name: string }) => p.name);
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
    await h.call(
      `mutation($id: ID!) { deleteProduct(id: $id) { __typename } }`,
      { id: ids[0] },
      SELLER('seller-e'),
    );
    const res = await h.call(ENTITIES, {
      r: [
        { __typename: 'Product', id: ids[0] },
        { __typename: 'Product', id: '0123456789abcdef01234567' },
        { __typename: 'Product', id: 'garbage' },
      ],
    });
    expect(res.data?._entities[0]).toMatchObject({ id: ids[0], storeId: 'store-e' });
    expect(res.data?._entities.slice(1)).toEqual([null, null]);
  });
});
