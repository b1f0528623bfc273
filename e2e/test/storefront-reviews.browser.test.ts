import { deflateSync } from 'node:zlib';
import {
  type PaymentsEmulator,
  loadPaymentsEmulatorConfig,
  startPaymentsEmulator,
} from '@bloom/payments-emulator';
import { waitFor } from '@bloom/testing';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProductAs, customerToken, skyGardenSeller } from '../src/actors.js';
import { deliverOrder, placeCartOrder } from '../src/orders.actions.js';
import { graphql } from '../src/generated/index.js';
import { SCREENSHOTS, type Storefront, startStorefront } from '../src/storefront.harness.js';
import { type System, startSystem } from '../src/system.harness.js';

/*
 * Photo reviews in real headless Chromium on a phone: a customer whose order was delivered
 * (placed through the API, moved to DELIVERED by the seller) opens the order, writes a review
 * with two real photo uploads, and finds it on the product page with the rating breakdown and
 * under the photo filter. The reviewed line is offered no more; a wrong or too-large file is
 * refused before upload, and a form submitted for a line reviewed meanwhile says so.
 * Screenshots land in .local/screenshots.
 */

let sys: System;
let pg: PaymentsEmulator;
let sf: Storefront;
let seller = { token: '', storeId: '' };
let roseId = '';
let tulipId = '';

const SET_STOCK = graphql(`
  mutation StorefrontReviewsSetStock($s: ID!) {
    setFlowerStock(storeId: $s, items: [{ flowerId: 1, available: 200 }]) {
      __typename
    }
  }
`);
const ORDER_LINES = graphql(`
  query StorefrontReviewsOrderLines($id: ID!) {
    order(id: $id) {
      lines {
        id
        product {
          id
        }
      }
    }
  }
`);
const REVIEWABLE = graphql(`
  query StorefrontReviewsReviewable($orderId: ID) {
    reviewableOrderLines(orderId: $orderId) {
      orderLineId
    }
  }
`);
const REVIEW = graphql(`
  mutation StorefrontReviewsCreate($input: CreateReviewInput!) {
    createReview(input: $input) {
      __typename
    }
  }
`);

/** A real w×h PNG filled with one colour and a lighter diagonal band (so thumbnails differ). */
function png(width: number, height: number, [r, g, b]: [number, number, number]): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = (crcTable[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([length, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    for (let x = 0; x < width; x++) {
      const band = Math.abs(x - y) < width / 6 ? 60 : 0;
      rows.set(
        [Math.min(255, r + band), Math.min(255, g + band), Math.min(255, b + band)],
        row + 1 + x * 3,
      );
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

beforeAll(async () => {
  pg = await startPaymentsEmulator(loadPaymentsEmulatorConfig({ PORT: '0', LOG_LEVEL: 'silent' }));
  sys = await startSystem(
    ['identity', 'stores', 'products', 'orders', 'giftcards', 'notifications'],
    { PAYMENTS_URL: pg.url },
  );
  seller = await skyGardenSeller(sys);
  await sys.call(SET_STOCK, { s: seller.storeId }, seller.token);
  roseId = await createProductAs(sys, seller.token, {
    name: '노을빛 장미 꽃다발',
    summary: '사랑을 전하는 붉은 장미',
    description: '붉은 장미 열 송이를 노을빛 포장지에 담았습니다.',
    price: 39000,
    category: 'BOUQUET',
    recipe: [{ flowerId: 1, count: 10, representative: true }],
  });
  tulipId = await createProductAs(sys, seller.token, {
    name: '작은 장미 한 다발',
    summary: '책상 위에 두기 좋은 장미',
    description: '장미 다섯 송이의 작은 다발입니다.',
    price: 29000,
    category: 'BOUQUET',
    recipe: [{ flowerId: 1, count: 5, representative: true }],
  });
  sf = await startStorefront(sys.gatewayUrl);
}, 180_000);

afterAll(async () => {
  await sf?.close();
  await sys?.close();
  await pg?.close();
});

/** One delivered order of both bouquets (placed by the customer, delivered by the seller). */
async function deliveredOrder(token: string) {
  const orderId = await placeCartOrder(sys, token, {
    productIds: [roseId, tulipId],
    key: 'storefront-reviews-0001',
    expectedTotal: 68000,
  });
  await deliverOrder(sys, seller.token, orderId);
  // Products learns of the completed lines from orders' events.
  await waitFor(
    async () =>
      (await sys.call(REVIEWABLE, { orderId }, token)).data?.reviewableOrderLines.length === 2,
    { what: 'both lines reviewable', timeoutMs: 30_000 },
  );
  const lines = (await sys.call(ORDER_LINES, { id: orderId }, token)).data?.order?.lines ?? [];
  const lineOf = (productId: string) => lines.find((l) => l.product.id === productId)?.id ?? '';
  return { orderId, roseLine: lineOf(roseId), tulipLine: lineOf(tulipId) };
}

/** What the phone's screen shows now (full-page shots scroll fixed bars into the middle). */
const screen = (page: Page, name: string) => page.screenshot({ path: `${SCREENSHOTS}${name}.png` });

async function signIn(page: Page, email: string, next: string) {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  // The first page of a fresh Vite server waits for its dependency pre-bundling.
  await page.getByLabel('이메일').waitFor({ timeout: 60_000 });
  await page.getByLabel('이메일').fill(email);
  await page.getByLabel('비밀번호').fill('flowers123');
  await page.getByRole('button', { name: '로그인' }).click();
}

describe('photo reviews', () => {
  it('are written from a delivered order with two uploads and shown on the product page', async () => {
    const token = await customerToken(sys, 'reviewer@bloom.test', '정민지');
    const { orderId, roseLine, tulipLine } = await deliveredOrder(token);
    const { context, page, errors } = await sf.phone();
    await signIn(page, 'reviewer@bloom.test', `/orders/${orderId}`);
    await page.getByRole('heading', { name: '주문 상세' }).waitFor();

    // The order offers a review per received line.
    await page.getByRole('heading', { name: '받은 꽃은 어떠셨나요?' }).waitFor();
    expect(await page.getByRole('link', { name: /리뷰 쓰기$/ }).count()).toBe(2);
    await sf.shot(page, 'storefront-reviews-order');
    await page.getByRole('link', { name: '노을빛 장미 꽃다발 리뷰 쓰기' }).click();
    await page.getByRole('heading', { name: '리뷰 쓰기' }).waitFor();
    expect(page.url()).toContain(`/reviews/new/${roseLine}`);

    // Submitting empty says every missing thing at once, next to its field.
    await page.getByRole('button', { name: '리뷰 등록하기' }).click();
    await page.getByText('별점을 골라 주세요.').waitFor();
    await page.getByText('꽃은 어떠셨는지 한 줄이라도 적어 주세요.').waitFor();

    await page.getByRole('radio', { name: /^5점/ }).check();
    await page.getByText('5점 · 최고예요').waitFor();
    const text =
      '노을빛 포장이 정말 예뻤고 장미 향이 방 안에 가득했어요. 엄마가 아주 좋아하셨어요!';
    await page.getByLabel('리뷰 내용').fill(text);
    await page.getByText(`${text.length} / 1,000자`).waitFor();
    await page.getByLabel('리뷰 사진 고르기').setInputFiles([
      { name: 'bouquet-1.png', mimeType: 'image/png', buffer: png(320, 320, [194, 24, 91]) },
      { name: 'bouquet-2.png', mimeType: 'image/png', buffer: png(320, 240, [230, 120, 40]) },
    ]);
    await page.getByLabel('사진 1 올림').waitFor({ timeout: 15_000 });
    await page.getByLabel('사진 2 올림').waitFor({ timeout: 15_000 });
    await page.getByText('(선택 · 2/5장)').waitFor();
    await sf.shot(page, 'storefront-reviews-writer');
    await page.getByRole('button', { name: '리뷰 등록하기' }).click();

    // The product page, at its reviews, with a toast.
    await page.locator('.toast', { hasText: '리뷰를 남겼어요' }).waitFor();
    await page.waitForURL(new RegExp(`/products/${roseId}#reviews$`));
    const bars = page.getByRole('list', { name: '별점별 리뷰 수' });
    await bars.getByLabel('5점 리뷰 1개 (100%)').waitFor();
    await bars.getByLabel('1점 리뷰 0개 (0%)').waitFor();
    await page.getByRole('heading', { name: '포토 리뷰 1' }).waitFor();
    const strip = page.getByRole('list', { name: '포토 리뷰' });
    expect(await strip.getByRole('button').count()).toBe(2);
    await page.getByText(text).waitFor();
    await sf.shot(page, 'storefront-reviews-product');
    // Back to where the page opened (#reviews) after the full-page shot.
    await page.evaluate("document.getElementById('reviews').scrollIntoView()");
    await screen(page, 'storefront-reviews-product-screen');

    // The photo filter keeps it; a photo opens larger in a dialog.
    await page.getByRole('button', { name: /포토 리뷰만 1/ }).click();
    expect(
      await page.getByRole('button', { name: /포토 리뷰만/ }).getAttribute('aria-pressed'),
    ).toBe('true');
    await expect.poll(() => page.locator('.browse-review').count()).toBe(1);
    await page.getByRole('button', { name: '리뷰 사진 2 크게 보기', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: '리뷰 사진 2/2' });
    await dialog.waitFor();
    const photo = dialog.getByRole('img');
    await expect
      .poll(() => photo.evaluate((img) => (img as { naturalWidth: number }).naturalWidth))
      .toBe(320);
    await screen(page, 'storefront-reviews-photo');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    // The reviewed line is offered no more; its address says why.
    await page.goto(`/orders/${orderId}`);
    await page.getByRole('link', { name: '작은 장미 한 다발 리뷰 쓰기' }).waitFor();
    expect(await page.getByRole('link', { name: '노을빛 장미 꽃다발 리뷰 쓰기' }).count()).toBe(0);
    await page.goto(`/reviews/new/${roseLine}`);
    await page
      .getByText('이 주문 상품은 이미 리뷰를 남겼거나, 아직 리뷰를 쓸 수 없어요.')
      .waitFor();

    // The history lists what is left to review.
    await page.goto('/orders');
    await page.getByRole('heading', { name: '리뷰를 기다리는 꽃 1개' }).waitFor();
    await sf.shot(page, 'storefront-reviews-orders');
    await page
      .getByRole('link', { name: /작은 장미 한 다발/ })
      .first()
      .click();
    await page.getByRole('heading', { name: '리뷰 쓰기' }).waitFor();

    // Wrong type and too large: refused before any upload, with the file named.
    await page.getByLabel('리뷰 사진 고르기').setInputFiles([
      { name: 'flowers.gif', mimeType: 'image/gif', buffer: Buffer.from('GIF89a') },
      {
        name: 'huge.png',
        mimeType: 'image/png',
        buffer: Buffer.concat([png(8, 8, [0, 0, 0]), Buffer.alloc(6 * 1024 * 1024)]),
      },
    ]);
    await page.getByText('‘flowers.gif’ — JPG, PNG, WebP 사진만 올릴 수 있어요.').waitFor();
    await page.getByText('‘huge.png’ — 사진은 한 장에 5MB까지 올릴 수 있어요.').waitFor();
    expect(await page.locator('.review-photo').count()).toBe(0);
    await sf.shot(page, 'storefront-reviews-refused');

    // Reviewed meanwhile (another device): the stale form is refused clearly.
    await page.getByRole('radio', { name: /^3점/ }).check();
    await page.getByLabel('리뷰 내용').fill('무난했어요.');
    const other = await sys.call(
      REVIEW,
      { input: { orderLineId: tulipLine, rating: 4, text: '다른 기기에서 쓴 리뷰', photos: [] } },
      token,
    );
    expect(other.data?.createReview.__typename).toBe('Review');
    await page.getByRole('button', { name: '리뷰 등록하기' }).click();
    await page.getByText('이 주문 상품은 이미 리뷰를 남겼어요.', { exact: false }).waitFor();
    await page.getByRole('link', { name: '상품 리뷰 보러 가기' }).waitFor();
    await sf.shot(page, 'storefront-reviews-already');

    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);
});
