import { ObjectId } from 'mongodb';
import { customerCaller, dataOf, expectUnion, sellerCaller } from '@bloom/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './generated/index.js';
import type { CreateReviewInput, ReviewSort } from './generated/graphql.js';
import {
  CREATE,
  type ProductsHarness,
  patientWaitFor,
  present,
  published,
  productInput,
  startProducts,
} from './products.harness.js';

const REVIEW = graphql(`
  mutation CreateReview($input: CreateReviewInput!) {
    createReview(input: $input) {
      __typename
      ... on Review {
        id
        rating
        text
        productId
        author {
          id
        }
      }
      ...InputErrorFields
    }
  }
`);
const RATING = graphql(`
  query ProductRating($id: ID!) {
    product(id: $id) {
      ratingAverage
      ratingCount
      salesCount
    }
  }
`);

let h: ProductsHarness;
let productId: string;

beforeAll(async () => {
  h = await startProducts('reviews');
  await h.openStore('store-r', 'seller-r');
  const res = await h.call(
    CREATE,
    { input: productInput({ name: '리뷰 받을 꽃다발' }) },
    sellerCaller('seller-r'),
  );
  productId = expectUnion(res.data?.createProduct, 'Product').id;
});
afterAll(async () => h.close());

const line = (n: number, customerId = `cust-${n}`, quantity = 1) => ({
  orderLineId: `line-${n}`,
  customerId,
  productId,
  storeId: 'store-r',
  quantity,
});

describe('review eligibility', () => {
  it('refuses a review without a completed order line of the caller', async () => {
    const none = await h.call(
      REVIEW,
      { input: { orderLineId: 'line-unknown', rating: 5, text: '좋아요' } },
      customerCaller('cust-x'),
    );
    expect(none.data?.createReview).toMatchObject({
      __typename: 'NotEligibleToReviewError',
      code: 'NOT_ELIGIBLE',
    });
    await h.completeLines([line(900, 'cust-owner')]);
    const someoneElse = await h.call(
      REVIEW,
      { input: { orderLineId: 'line-900', rating: 5, text: '남의 주문' } },
      customerCaller('cust-thief'),
    );
    expect(someoneElse.data?.createReview.__typename).toBe('NotEligibleToReviewError');
    const anonymous = await h.call(REVIEW, {
      input: { orderLineId: 'line-900', rating: 5, text: '' },
    });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('accepts one review per completed line, even when sent many times at once', async () => {
    await h.completeLines([line(901, 'cust-twice')]);
    const lines = await h.call(
      graphql(`
        query ReviewableOrderLines {
          reviewableOrderLines {
            orderLineId
            productId
          }
        }
      `),
      {},
      customerCaller('cust-twice'),
    );
    expect(lines.data?.reviewableOrderLines).toEqual([{ orderLineId: 'line-901', productId }]);

    const input: CreateReviewInput = {
      orderLineId: 'line-901',
      rating: 4,
      text: '향기가 좋아요',
      photos: [],
    };
    const results = await Promise.all(
      Array.from({ length: 10 }, () => h.call(REVIEW, { input }, customerCaller('cust-twice'))),
    );
    const kinds = results.map((r) => r.data?.createReview.__typename);
    expect(kinds.filter((k) => k === 'Review')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'AlreadyReviewedError')).toHaveLength(9);
    const after = await h.call(
      graphql(`
        query ReviewableOrderLineIds {
          reviewableOrderLines {
            orderLineId
          }
        }
      `),
      {},
      customerCaller('cust-twice'),
    );
    expect(after.data?.reviewableOrderLines).toEqual([]);
  });

  it('validates rating, text length and photos', async () => {
    await h.completeLines([line(902, 'cust-valid')]);
    const bad = async (input: Partial<CreateReviewInput>) =>
      (
        await h.call(
          REVIEW,
          { input: { orderLineId: 'line-902', rating: 5, text: 'ok', ...input } },
          customerCaller('cust-valid'),
        )
      ).data?.createReview;
    expect(await bad({ rating: 6 })).toMatchObject({ field: 'rating', code: 'INVALID_RATING' });
    expect(await bad({ rating: 0 })).toMatchObject({ field: 'rating' });
    expect(await bad({ text: '꽃'.repeat(1001) })).toMatchObject({
      field: 'text',
      code: 'TEXT_TOO_LONG',
    });
    expect(await bad({ photos: ['not-a-key'] })).toMatchObject({ field: 'photos' });
    expect(await bad({ text: '꽃'.repeat(1000) })).toMatchObject({ __typename: 'Review' });
  });
});

describe('rating aggregates', () => {
  it('stays exact under 50 concurrent reviews and publishes the final rating', async () => {
    const reviewProduct = await h.call(
      CREATE,
      { input: productInput({ name: '동시 리뷰 꽃' }) },
      sellerCaller('seller-r'),
    );
    productId = expectUnion(reviewProduct.data?.createProduct, 'Product').id;
    await h.completeLines(Array.from({ length: 50 }, (_, i) => line(i, `cust-${i}`, (i % 3) + 1)));
    const ratings = Array.from({ length: 50 }, (_, i) => (i % 5) + 1);
    const results = await Promise.all(
      ratings.map((rating, i) =>
        h.call(
          REVIEW,
          { input: { orderLineId: `line-${i}`, rating, text: `리뷰 ${i}` } },
          customerCaller(`cust-${i}`),
        ),
      ),
    );
    expect(results.every((r) => r.data?.createReview.__typename === 'Review')).toBe(true);

    const sum = ratings.reduce((a, b) => a + b, 0);
    const expected = { ratingCount: 50, ratingAverage: Math.round((sum / 50) * 100) / 100 };
    const product = await h.call(RATING, { id: productId });
    expect(product.data?.product).toMatchObject({
      ...expected,
      salesCount: Array.from({ length: 50 }, (_, i) => (i % 3) + 1).reduce((a, b) => a + b, 0),
    });
    const stored = await h.db.collection('products').findOne({ _id: new ObjectId(productId) });
    expect(stored).toMatchObject({ ratingSum: sum, ratingCount: 50 });

    // Events: one per distinct count at most, and the newest says 50.
    const changes = await patientWaitFor(() => {
      const mine = published<{ productId: string; ratingCount: number }>(
        h.events,
        'products.product.ratingChanged',
      ).filter((e) => e.payload.productId === productId);
      return mine.some((e) => e.payload.ratingCount === 50) ? mine : null;
    });
    const counts = changes.map((e) => e.payload.ratingCount);
    expect(new Set(counts).size).toBe(counts.length);
    const final = changes.find((e) => e.payload.ratingCount === 50);
    expect(final?.payload).toMatchObject({
      productId,
      storeId: 'store-r',
      ratingSum: sum,
      ...expected,
    });
    const created = await patientWaitFor(() => {
      const all = published<{ productId: string }>(h.events, 'products.review.created');
      const mine = all.filter((e) => e.payload.productId === productId);
      return mine.length >= 50 ? mine : null;
    });
    expect(created).toHaveLength(50);
  }, 180_000);

  it('lists reviews newest, highest and lowest first over cursor pages', async () => {
    const list = async (sort: ReviewSort) => {
      const out: { rating: number; createdAt: string }[] = [];
      let after: string | null | undefined;
      for (;;) {
        const res = await h.call(
          graphql(`
            query ProductReviews($id: ID!, $sort: ReviewSort!, $after: String) {
              product(id: $id) {
                reviews(sort: $sort, first: 7, after: $after) {
                  totalCount
                  pageInfo {
                    hasNextPage
                    endCursor
                  }
                  nodes {
                    rating
                    createdAt
                  }
                }
              }
            }
          `),
          { id: productId, sort, after },
        );
        const reviews = present(dataOf(res).product, 'the product').reviews;
        expect(reviews.totalCount).toBe(50);
        out.push(...reviews.nodes);
        if (!reviews.pageInfo.hasNextPage) return out;
        after = reviews.pageInfo.endCursor;
      }
    };
    const highest = await list('HIGHEST');
    expect(highest).toHaveLength(50);
    expect(highest.map((r) => r.rating)).toEqual(
      [...highest.map((r) => r.rating)].sort((a, b) => b - a),
    );
    const lowest = await list('LOWEST');
    expect(lowest.map((r) => r.rating)).toEqual(
      [...lowest.map((r) => r.rating)].sort((a, b) => a - b),
    );
    const newest = await list('NEWEST');
    const times = newest.map((r) => new Date(r.createdAt).getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('counts a redelivered completed line once', async () => {
    const before = present(
      dataOf(await h.call(RATING, { id: productId })).product,
      'the product',
    ).salesCount;
    const event = await h.publish(
      (await import('@bloom/schema')).orderLineCompleted,
      { ...line(0, 'cust-0', 1), orderId: 'order-line-0', completedAt: new Date().toISOString() },
      { subjectId: 'line-0' },
    );
    await h.redeliver(event);
    await patientWaitFor(() =>
      h.db
        .collection('processed_events')
        .findOne({ _id: `products-order-lines:${event.id}` as never, state: 'done' }),
    );
    const after = present(
      dataOf(await h.call(RATING, { id: productId })).product,
      'the product',
    ).salesCount;
    expect(after).toBe(before);
  });
});
