import { customerCaller, dataOf, expectUnion, sellerCaller } from '@bloom/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './generated/index.js';
import type { ReviewSort } from './generated/graphql.js';
import {
  CREATE,
  type ProductsHarness,
  present,
  productInput,
  startProducts,
} from './products.harness.js';

/*
 * The product page's review summary: counts per star and photo reviews, kept in a stored
 * summary by conditional recounts, and the photo filter on the review list.
 */

const TICKET = graphql(`
  mutation ReviewPhotoTicket {
    createImageUpload {
      uploadUrl
      method
    }
  }
`);
const WRITE = graphql(`
  mutation WriteReview($input: CreateReviewInput!) {
    createReview(input: $input) {
      __typename
      ... on Review {
        id
        photos {
          key
          url
        }
      }
      ...InputErrorFields
    }
  }
`);
const SUMMARY = graphql(`
  query ReviewSummary($id: ID!) {
    product(id: $id) {
      ratingAverage
      ratingCount
      photoReviewCount
      ratingBreakdown {
        stars
        count
      }
    }
  }
`);
const LIST = graphql(`
  query ReviewsWithPhotos($id: ID!, $sort: ReviewSort!, $withPhotos: Boolean!, $after: String) {
    product(id: $id) {
      reviews(sort: $sort, first: 6, after: $after, withPhotos: $withPhotos) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          rating
          photos {
            url
          }
        }
      }
    }
  }
`);

/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

let h: ProductsHarness;
beforeAll(async () => {
  h = await startProducts('review-breakdown');
  await h.openStore('store-b', 'seller-b');
});
afterAll(async () => h.close());

async function newProduct(name: string): Promise<string> {
  const res = await h.call(CREATE, { input: productInput({ name }) }, sellerCaller('seller-b'));
  return expectUnion(res.data?.createProduct, 'Product').id;
}

/** Uploads one photo as the customer; its image key. */
async function photoOf(customerId: string): Promise<string> {
  const ticket = dataOf(await h.call(TICKET, {}, customerCaller(customerId))).createImageUpload;
  const res = await fetch(new URL(ticket.uploadUrl, h.origin), {
    method: ticket.method,
    body: PNG,
    headers: { 'content-type': 'image/png' },
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { key: string }).key;
}

async function summaryOf(productId: string) {
  return present(dataOf(await h.call(SUMMARY, { id: productId })).product, 'the product');
}

async function listAll(productId: string, sort: ReviewSort, withPhotos: boolean) {
  const out: { rating: number; photos: { url: string }[] }[] = [];
  let after: string | null | undefined;
  for (;;) {
    const res = await h.call(LIST, { id: productId, sort, withPhotos, after });
    const page = present(dataOf(res).product, 'the product').reviews;
    out.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) return { total: page.totalCount, nodes: out };
    after = page.pageInfo.endCursor;
  }
}

describe('rating breakdown', () => {
  it('is five zero counts, 5 stars first, for a product without reviews', async () => {
    const productId = await newProduct('아직 리뷰 없는 꽃');
    expect(await summaryOf(productId)).toEqual({
      ratingAverage: 0,
      ratingCount: 0,
      photoReviewCount: 0,
      ratingBreakdown: [5, 4, 3, 2, 1].map((stars) => ({ stars, count: 0 })),
    });
  });

  it('stays exact per star and for photo reviews under 40 concurrent reviews', async () => {
    const productId = await newProduct('동시 포토 리뷰 꽃');
    const n = 40;
    const customer = (i: number) => `cust-b${i}`;
    await h.completeLines(
      Array.from({ length: n }, (_, i) => ({
        orderLineId: `b-line-${i}`,
        customerId: customer(i),
        productId,
        storeId: 'store-b',
      })),
    );
    // Uneven on purpose: 5★ ×16, 4★ ×8, 3★ ×8, 2★ ×8, 1★ ×0; every third review has photos.
    const ratingOf = (i: number) => (i < 16 ? 5 : 4 - ((i - 16) % 3));
    const withPhotos = (i: number) => i % 3 === 0;
    const photos = await Promise.all(
      Array.from({ length: n }, async (_, i) =>
        withPhotos(i) ? [await photoOf(customer(i)), await photoOf(customer(i))] : [],
      ),
    );
    const results = await Promise.all(
      Array.from({ length: n }, (_, i) =>
        h.call(
          WRITE,
          {
            input: {
              orderLineId: `b-line-${i}`,
              rating: ratingOf(i),
              text: `리뷰 ${i}`,
              photos: photos[i] ?? [],
            },
          },
          customerCaller(customer(i)),
        ),
      ),
    );
    const written = results.map((r) => expectUnion(r.data?.createReview, 'Review'));
    expect(written[0]?.photos.map((p) => p.url)).toEqual(
      (photos[0] ?? []).map((key) => `/images/${key}`),
    );

    const ratings = Array.from({ length: n }, (_, i) => ratingOf(i));
    const perStar = (stars: number) => ratings.filter((r) => r === stars).length;
    const photoReviews = Array.from({ length: n }, (_, i) => i).filter(withPhotos).length;
    const sum = ratings.reduce((a, b) => a + b, 0);
    expect(await summaryOf(productId)).toEqual({
      ratingAverage: Math.round((sum / n) * 100) / 100,
      ratingCount: n,
      photoReviewCount: photoReviews,
      ratingBreakdown: [5, 4, 3, 2, 1].map((stars) => ({ stars, count: perStar(stars) })),
    });
    // Read from the stored summary, which the last, fullest recount wrote.
    const stored = await h.db.collection('review_summaries').findOne({ _id: productId as never });
    expect(stored).toMatchObject({
      count: n,
      photoCount: photoReviews,
      stars: [1, 2, 3, 4, 5].map(perStar),
    });

    // The photo filter: only reviews with photos, in the asked order, over cursor pages.
    const photoOnly = await listAll(productId, 'HIGHEST', true);
    expect(photoOnly.total).toBe(photoReviews);
    expect(photoOnly.nodes).toHaveLength(photoReviews);
    expect(photoOnly.nodes.every((r) => r.photos.length === 2)).toBe(true);
    const order = photoOnly.nodes.map((r) => r.rating);
    expect(order).toEqual([...order].sort((a, b) => b - a));
    const everything = await listAll(productId, 'LOWEST', false);
    expect(everything.total).toBe(n);
    expect(everything.nodes.filter((r) => r.photos.length > 0)).toHaveLength(photoReviews);
  }, 180_000);

  it('counts from the reviews when a product has no stored summary yet', async () => {
    const productId = await newProduct('요약 없는 꽃');
    await h.completeLines([
      { orderLineId: 'c-line-1', customerId: 'cust-c1', productId, storeId: 'store-b' },
      { orderLineId: 'c-line-2', customerId: 'cust-c2', productId, storeId: 'store-b' },
    ]);
    const key = await photoOf('cust-c1');
    for (const [i, rating, photos] of [
      [1, 2, [key]],
      [2, 5, []],
    ] as const) {
      const res = await h.call(
        WRITE,
        { input: { orderLineId: `c-line-${i}`, rating, text: '좋아요', photos: [...photos] } },
        customerCaller(`cust-c${i}`),
      );
      expectUnion(res.data?.createReview, 'Review');
    }
    // As for reviews written before summaries existed.
    await h.db.collection('review_summaries').deleteOne({ _id: productId as never });
    expect(await summaryOf(productId)).toMatchObject({
      photoReviewCount: 1,
      ratingBreakdown: [
        { stars: 5, count: 1 },
        { stars: 4, count: 0 },
        { stars: 3, count: 0 },
        { stars: 2, count: 1 },
        { stars: 1, count: 0 },
      ],
    });
  });
});

describe('reviewable order lines', () => {
  it('filter by order and carry the product to review', async () => {
    const productId = await newProduct('주문별 리뷰 꽃');
    await h.completeLines([
      { orderLineId: 'd-line-1', customerId: 'cust-d', productId, storeId: 'store-b' },
      { orderLineId: 'd-line-2', customerId: 'cust-d', productId, storeId: 'store-b' },
    ]);
    const res = await h.call(
      graphql(`
        query ReviewableOfOrder($orderId: ID) {
          reviewableOrderLines(orderId: $orderId) {
            orderLineId
            orderId
            product {
              id
              name
            }
          }
        }
      `),
      { orderId: 'order-d-line-2' },
      customerCaller('cust-d'),
    );
    expect(dataOf(res).reviewableOrderLines).toEqual([
      {
        orderLineId: 'd-line-2',
        orderId: 'order-d-line-2',
        product: { id: productId, name: '주문별 리뷰 꽃' },
      },
    ]);
  });
});
