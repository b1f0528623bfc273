import { adminCaller, customerCaller, errorCode, expectUnion, sellerCaller } from '@bloom/testing';
import { ObjectId } from 'mongodb';
import { CompletedLineService } from '../src/reviews/completed-line.service.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './generated/index.js';
import type { CreateProductInput } from './generated/graphql.js';
import {
  CREATE,
  type ProductsHarness,
  published,
  productInput,
  startProducts,
} from './products.harness.js';

const UPDATE = graphql(`
  mutation UpdateProduct($id: ID!, $input: UpdateProductInput!) {
    updateProduct(id: $id, input: $input) {
      ...ProductResult
    }
  }
`);
const STATUS = graphql(`
  mutation SetProductStatus($id: ID!, $status: SaleStatus!) {
    setProductStatus(id: $id, status: $status) {
      ...ProductResult
    }
  }
`);
const DELETE = graphql(`
  mutation DeleteProduct($id: ID!) {
    deleteProduct(id: $id) {
      __typename
      ... on Product {
        id
        saleStatus
      }
    }
  }
`);
const LIST = graphql(`
  query FilteredProducts($filter: ProductFilter) {
    products(filter: $filter) {
      totalCount
      nodes {
        id
        name
      }
    }
  }
`);

let h: ProductsHarness;
beforeAll(async () => {
  h = await startProducts('crud');
  await h.openStore('store-a', 'seller-a');
  await h.openStore('store-b', 'seller-b');
});
afterAll(async () => h.close());

const create = async (overrides: Partial<CreateProductInput> = {}, seller = 'seller-a') => {
  const res = await h.call(CREATE, { input: productInput(overrides) }, sellerCaller(seller));
  return res.data?.createProduct;
};
/** A product the seller created (failing on any other answer). */
const createProduct = async (overrides: Partial<CreateProductInput> = {}) =>
  expectUnion(await create(overrides), 'Product');

describe('seller product management', () => {
  it('creates a product in the seller’s own store and publishes it', async () => {
    const answer = await create();
    expect(answer).toMatchObject({
      __typename: 'Product',
      storeId: 'store-a',
      saleStatus: 'ON_SALE',
      category: 'BOUQUET',
      recipe: [
        { flowerId: 4, count: 10, representative: true },
        { flowerId: 18, count: 1, representative: false },
      ],
    });
    const product = expectUnion(answer, 'Product');
    const [created] = await h.events.waitForType('products.product.created', 1, 45_000);
    expect(created?.payload).toMatchObject({
      productId: product.id,
      storeId: 'store-a',
      price: 45000,
      status: 'ON_SALE',
      representativeFlowerId: 4,
    });
    const page = await h.call(
      graphql(`
        query ProductPage($id: ID!) {
          product(id: $id) {
            name
            representativeFlower {
              id
              name {
                ko
              }
              language {
                ko
                en
              }
            }
            flowerLanguage {
              ko
            }
            store {
              id
            }
          }
        }
      `),
      { id: product.id },
    );
    expect(page.data?.product).toMatchObject({
      representativeFlower: { id: 4, name: { ko: '분홍 장미' }, language: { ko: '행복한 사랑' } },
      flowerLanguage: { ko: '행복한 사랑' },
      store: { id: 'store-a' },
    });
  });

  it('refuses customers, anonymous callers and sellers without a store', async () => {
    const asCustomer = await h.call(CREATE, { input: productInput() }, customerCaller('cust-1'));
    expect(errorCode(asCustomer)).toBe('FORBIDDEN');
    const anonymous = await h.call(CREATE, { input: productInput() });
    expect(errorCode(anonymous)).toBe('UNAUTHENTICATED');
    const noStore = await create({}, 'seller-without-store');
    expect(noStore).toMatchObject({ __typename: 'NoStoreError', code: 'NO_STORE' });
  });

  it('lets only the store’s owner (or an admin) edit, change status and delete', async () => {
    const product = await createProduct({ name: '주인만 고치는 꽃' });
    const other = await h.call(
      UPDATE,
      { id: product.id, input: { price: 1000 } },
      sellerCaller('seller-b'),
    );
    expect(errorCode(other)).toBe('FORBIDDEN');
    const customer = await h.call(
      UPDATE,
      { id: product.id, input: { price: 1000 } },
      customerCaller('c'),
    );
    expect(errorCode(customer)).toBe('FORBIDDEN');
    const otherStatus = await h.call(
      STATUS,
      { id: product.id, status: 'SOLD_OUT' },
      sellerCaller('seller-b'),
    );
    expect(errorCode(otherStatus)).toBe('FORBIDDEN');
    const otherDelete = await h.call(DELETE, { id: product.id }, sellerCaller('seller-b'));
    expect(errorCode(otherDelete)).toBe('FORBIDDEN');

    const own = await h.call(
      UPDATE,
      { id: product.id, input: { price: 52000, tags: ['FOR_FRIEND', 'OPENING'] } },
      sellerCaller('seller-a'),
    );
    expect(own.data?.updateProduct).toMatchObject({
      price: 52000,
      tags: ['FOR_FRIEND', 'OPENING'],
    });
    const admin = await h.call(STATUS, { id: product.id, status: 'SOLD_OUT' }, adminCaller());
    expect(admin.data?.setProductStatus).toMatchObject({ saleStatus: 'SOLD_OUT' });
    await h.events.waitForType('products.product.updated', 2, 45_000);
    const soldOut = published<{ productId: string; status: string }>(
      h.events,
      'products.product.updated',
    ).filter((e) => e.payload.productId === product.id && e.payload.status === 'SOLD_OUT');
    expect(soldOut).toHaveLength(1);
    expect(soldOut[0]?.payload).toMatchObject({ previousStatus: 'ON_SALE', price: 52000 });
  });

  it('validates the fields with typed errors naming the field', async () => {
    const cases: [Partial<CreateProductInput>, string, string][] = [
      [{ name: '  ' }, 'name', 'INVALID_INPUT'],
      [{ price: 12.5 }, 'price', 'BAD_USER_INPUT'],
      [{ price: 50 }, 'price', 'INVALID_PRICE'],
      [{ category: null }, 'category', 'CATEGORY_REQUIRED'],
      [{ tags: ['WEDDING', 'WEDDING'] }, 'tags', 'INVALID_INPUT'],
      [{ recipe: [] }, 'recipe', 'INVALID_RECIPE'],
      [{ recipe: [{ flowerId: 23, count: 1, representative: true }] }, 'recipe', 'UNKNOWN_FLOWER'],
      [
        {
          recipe: [
            { flowerId: 1, count: 3 },
            { flowerId: 2, count: 3 },
          ],
        },
        'recipe',
        'REPRESENTATIVE_REQUIRED',
      ],
      [
        {
          recipe: [
            { flowerId: 1, count: 3, representative: true },
            { flowerId: 2, count: 3, representative: true },
          ],
        },
        'recipe',
        'REPRESENTATIVE_REQUIRED',
      ],
      [{ images: ['0123456789abcdef0123456789abcdef.png'] }, 'images', 'UNKNOWN_IMAGE'],
      [{ isSubscription: true }, 'category', 'SUBSCRIPTION_UNCATEGORIZED'],
    ];
    for (const [overrides, field, code] of cases) {
      const res = await h.call(
        CREATE,
        { input: productInput(overrides) },
        sellerCaller('seller-a'),
      );
      if (code === 'BAD_USER_INPUT') {
        expect(errorCode(res)).toBe('BAD_USER_INPUT');
        continue;
      }
      expect(res.data?.createProduct, JSON.stringify(overrides)).toMatchObject({
        __typename: 'InvalidInputError',
        field,
        code,
      });
    }
  });

  it('allows exactly one subscription product per store, even when created concurrently', async () => {
    const input = productInput({
      name: '매주 새 꽃 정기구독',
      category: null,
      tags: [],
      isSubscription: true,
    });
    const results = await Promise.all(
      Array.from({ length: 8 }, () => h.call(CREATE, { input }, sellerCaller('seller-b'))),
    );
    const kinds = results.map((r) => r.data?.createProduct.__typename);
    expect(kinds.filter((k) => k === 'Product')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'SubscriptionProductExistsError')).toHaveLength(7);
    expect(
      await h.db
        .collection('products')
        .countDocuments({ storeId: 'store-b', isSubscription: true }),
    ).toBe(1);

    // Deleting it frees the slot for a new one.
    const winner = results.find((r) => r.data?.createProduct.__typename === 'Product');
    await h.call(
      DELETE,
      { id: expectUnion(winner?.data?.createProduct, 'Product').id },
      sellerCaller('seller-b'),
    );
    const again = await h.call(CREATE, { input }, sellerCaller('seller-b'));
    expect(again.data?.createProduct.__typename).toBe('Product');
  });

  it('hides discontinued products from listings and deleted ones everywhere', async () => {
    const keep = await createProduct({ name: '목록에 남는 꽃', category: 'BOX' });
    const gone = await createProduct({ name: '단종될 꽃', category: 'BOX' });
    const deleted = await createProduct({ name: '삭제될 꽃', category: 'BOX' });
    await h.call(STATUS, { id: gone.id, status: 'DISCONTINUED' }, sellerCaller('seller-a'));
    const removed = await h.call(DELETE, { id: deleted.id }, sellerCaller('seller-a'));
    expect(removed.data?.deleteProduct).toMatchObject({ saleStatus: 'DELETED' });

    const listed = await h.call(LIST, { filter: { category: 'BOX' } });
    expect(listed.data?.products.nodes.map((p) => p.id)).toEqual([keep.id]);
    const discontinuedPage = await h.call(
      graphql(`
        query ProductSaleStatus($id: ID!) {
          product(id: $id) {
            saleStatus
          }
        }
      `),
      { id: gone.id },
    );
    expect(discontinuedPage.data?.product).toEqual({ saleStatus: 'DISCONTINUED' });
    const deletedPage = await h.call(
      graphql(`
        query ProductExists($id: ID!) {
          product(id: $id) {
            id
          }
        }
      `),
      { id: deleted.id },
    );
    expect(deletedPage.data?.product).toBeNull();

    const own = await h.call(
      graphql(`
        query SellerProducts {
          sellerProducts(first: 100) {
            nodes {
              id
              saleStatus
            }
          }
        }
      `),
      {},
      sellerCaller('seller-a'),
    );
    const ownIds = own.data?.sellerProducts.nodes.map((p) => p.id);
    expect(ownIds).toContain(gone.id);
    expect(ownIds).not.toContain(deleted.id);

    const admin = await h.call(
      graphql(`
        query AdminDeletedProducts {
          adminProducts(status: DELETED) {
            nodes {
              id
            }
          }
        }
      `),
      {},
      adminCaller(),
    );
    expect(admin.data?.adminProducts.nodes.map((p) => p.id)).toContain(deleted.id);
    const notAdmin = await h.call(
      graphql(`
        query AdminProductsCount {
          adminProducts {
            totalCount
          }
        }
      `),
      {},
      sellerCaller('seller-a'),
    );
    expect(errorCode(notAdmin)).toBe('FORBIDDEN');
    await h.events.waitForType('products.product.deleted', 1, 45_000);
  });

  it('lets admins delete in bulk', async () => {
    const a = await createProduct({ name: '일괄 삭제 1' });
    const b = await createProduct({ name: '일괄 삭제 2' });
    const res = await h.call(
      graphql(`
        mutation DeleteProducts($ids: [ID!]!) {
          deleteProducts(ids: $ids) {
            deletedIds
          }
        }
      `),
      { ids: [a.id, b.id, 'not-an-id'] },
      adminCaller(),
    );
    expect(res.data?.deleteProducts.deletedIds.sort()).toEqual([a.id, b.id].sort());
  });

  it('loses no write when a seller edit, the relay and derived values hit a product at once', async () => {
    // Two edits compare-and-set the product's revision; the sales recount is a conditional
    // update of its own field, and the relay pulls published events by id.
    const product = await createProduct({ name: '동시에 고쳐지는 꽃' });
    const lines = new CompletedLineService(h.server.orm.em.fork());
    for (let round = 1; round <= 8; round += 1) {
      await h.db.collection('review_eligibility').insertOne({
        _id: `race-line-${round}` as never,
        orderId: 'race',
        customerId: 'racer',
        productId: product.id,
        storeId: 'store-a',
        quantity: 1,
        completedAt: new Date(),
      });
      const status = round % 2 === 0 ? 'ON_SALE' : 'SOLD_OUT';
      const [edited] = await Promise.all([
        h.call(STATUS, { id: product.id, status }, sellerCaller('seller-a')),
        lines.refreshSales(product.id),
        h.call(
          UPDATE,
          { id: product.id, input: { price: 40000 + round } },
          sellerCaller('seller-a'),
        ),
      ]);
      expect(edited.data?.setProductStatus.__typename).toBe('Product');
      await h.server.relay.flush();
      const stored = await h.db.collection('products').findOne({ _id: new ObjectId(product.id) });
      expect(stored).toMatchObject({ saleStatus: status, salesCount: round, price: 40000 + round });
    }
  });

  it('serves the reference catalog', async () => {
    const res = await h.call(
      graphql(`
        query ReferenceCatalog {
          flowers {
            id
            name {
              ko
              en
            }
            language {
              ko
            }
          }
          categories {
            key
            name {
              ko
            }
          }
          tags {
            key
          }
          flower(id: 13) {
            language {
              ko
              en
            }
          }
        }
      `),
    );
    expect(res.data?.flowers).toHaveLength(22);
    expect(res.data?.categories.map((c) => c.key)).toEqual(['BOUQUET', 'BASKET', 'BOX', 'WREATH']);
    expect(res.data?.tags).toHaveLength(7);
    expect(res.data?.flower).toEqual({ language: { ko: '감사', en: 'thanks' } });
  });
});
