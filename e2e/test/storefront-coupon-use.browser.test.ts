import {
  type PaymentsEmulator,
  loadPaymentsEmulatorConfig,
  startPaymentsEmulator,
} from '@bloom/payments-emulator';
import { expectUnion, waitFor } from '@bloom/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProductAs, customerToken, skyGardenSeller } from '../src/actors.js';
import { graphql } from '../src/generated/index.js';
import { SCREENSHOTS, type Storefront, startStorefront } from '../src/storefront.harness.js';
import { type System, startSystem } from '../src/system.harness.js';

/*
 * A coupon limited to pickup or to delivery (issue 16): the product page tags it "픽업 전용" /
 * "배송 전용", checkout offers only the coupons that fit how the order is received, and
 * switching to pickup drops a delivery-only coupon already chosen, with a note.
 */

const CREATE_COUPON = graphql(`
  mutation CouponUseCreate($s: ID!, $i: CreateCouponInput!) {
    createCoupon(storeId: $s, input: $i) {
      __typename
      ... on Coupon {
        id
      }
    }
  }
`);

const SET_STOCK = graphql(`
  mutation CouponUseSetStock($s: ID!) {
    setFlowerStock(storeId: $s, items: [{ flowerId: 1, available: 100 }]) {
      __typename
    }
  }
`);

const PRODUCT_STOCK = graphql(`
  query CouponUseProductStock($id: ID!) {
    product(id: $id) {
      availableQuantity
    }
  }
`);

const DAY = 86_400_000;

let sys: System;
let pg: PaymentsEmulator;
let sf: Storefront;
let bouquetId = '';

beforeAll(async () => {
  pg = await startPaymentsEmulator(loadPaymentsEmulatorConfig({ PORT: '0', LOG_LEVEL: 'silent' }));
  sys = await startSystem(['identity', 'stores', 'products', 'orders', 'notifications'], {
    PAYMENTS_URL: pg.url,
  });
  const owner = await skyGardenSeller(sys);
  await sys.call(SET_STOCK, { s: owner.storeId }, owner.token);
  bouquetId = await createProductAs(sys, owner.token, {
    name: '방문 환영 장미 꽃다발',
    summary: '매장에서 바로 받아 가는 장미',
    description: '붉은 장미 열 송이',
    price: 30000,
    category: 'BOUQUET',
    recipe: [{ flowerId: 1, count: 10, representative: true }],
  });
  const coupon = async (
    name: string,
    code: string,
    amount: number,
    onlyFor?: 'PICKUP' | 'DELIVERY',
  ) => {
    const res = await sys.call(
      CREATE_COUPON,
      {
        s: owner.storeId,
        i: {
          name,
          code,
          discountAmount: amount,
          minOrderAmount: 10000,
          startsAt: new Date(Date.now() - DAY).toISOString(),
          endsAt: new Date(Date.now() + 30 * DAY).toISOString(),
          issueLimit: 100,
          ...(onlyFor ? { onlyFor } : {}),
        },
      },
      owner.token,
    );
    expectUnion(res.data?.createCoupon, 'Coupon');
  };
  await coupon('홍대 방문 픽업 2천원', 'VISIT2000', 2000, 'PICKUP');
  await coupon('배송 주문 3천원', 'SHIP3000', 3000, 'DELIVERY');
  await coupon('첫 주문 1천원', 'FIRST1000', 1000);
  await customerToken(sys, 'yuna@bloom.test', '한유나');
  await waitFor(
    async () =>
      ((await sys.call(PRODUCT_STOCK, { id: bouquetId })).data?.product?.availableQuantity ?? 0) >
      0,
    { what: 'bouquet stock known' },
  );
  sf = await startStorefront(sys.gatewayUrl);
}, 180_000);

afterAll(async () => {
  await sf?.close();
  await sys?.close();
  await pg?.close();
});

describe('coupons limited to delivery or pickup in the storefront', () => {
  it('tags them on the product page and offers at checkout only those that fit', async () => {
    const { context, page, errors } = await sf.phone();
    await page.goto(`/sign-in?next=${encodeURIComponent(`/products/${bouquetId}`)}`);
    // The first page of a fresh Vite server waits for its dependency pre-bundling.
    await page.getByLabel('이메일').waitFor({ timeout: 60_000 });
    await page.getByLabel('이메일').fill('yuna@bloom.test');
    await page.getByLabel('비밀번호').fill('flowers123');
    await page.getByRole('button', { name: '로그인' }).click();
    await page.getByRole('heading', { name: '방문 환영 장미 꽃다발' }).waitFor();

    const rows = page.locator('.browse-coupon');
    await expect.poll(() => rows.count()).toBe(3);
    const tagOf = (name: string) =>
      rows.filter({ hasText: name }).locator('.coupon-use-tag').allTextContents();
    expect(await tagOf('홍대 방문 픽업 2천원')).toEqual(['픽업 전용']);
    expect(await tagOf('배송 주문 3천원')).toEqual(['배송 전용']);
    expect(await tagOf('첫 주문 1천원')).toEqual([]);
    await page.locator('.browse-coupons').screenshot({
      path: `${SCREENSHOTS}storefront-coupon-use-product-coupons-phone.png`,
    });
    // From the top, so the sticky header is drawn once, where it belongs.
    await page.evaluate(`window.scrollTo(0, 0)`);
    await sf.shot(page, 'storefront-coupon-use-product-phone');

    await page.goto(`/checkout?buyNow=${bouquetId}&quantity=1`);
    await page.getByRole('heading', { name: '주문하기' }).waitFor({ timeout: 20_000 });
    const picker = page.getByRole('radiogroup', { name: /쿠폰$/ });
    const offered = async () =>
      (await picker.locator('label').allTextContents()).map((t) => t.split(' −')[0]);
    // Delivery first: the pickup coupon is not offered, and the shopper is told it exists.
    await expect.poll(offered).toEqual(['쿠폰 쓰지 않기', '배송 주문 3천원', '첫 주문 1천원']);
    await page.getByText('매장 픽업으로 받으면 쓸 수 있는 쿠폰이 1장 더 있어요.').waitFor();
    const discount = page.locator('.buy-amounts .buy-discount');
    await picker.getByRole('radio', { name: /배송 주문 3천원/ }).check();
    await expect.poll(() => discount.allTextContents()).toEqual(['−3,000원']);

    // To pickup: the delivery coupon goes, with a note, and the pickup one is offered.
    await page.getByRole('radio', { name: '매장 픽업' }).click();
    await expect.poll(offered).toEqual(['쿠폰 쓰지 않기', '홍대 방문 픽업 2천원', '첫 주문 1천원']);
    await page.getByText('‘배송 주문 3천원’ 쿠폰은 배송 전용이라 뺐어요.').waitFor();
    expect(await picker.getByRole('radio', { name: '쿠폰 쓰지 않기' }).isChecked()).toBe(true);
    await expect.poll(() => discount.count()).toBe(0);
    expect(
      await picker
        .locator('label', { hasText: '홍대 방문 픽업 2천원' })
        .locator('.coupon-use-tag')
        .textContent(),
    ).toBe('픽업 전용');
    await page.locator('section[aria-labelledby=co-coupons]').screenshot({
      path: `${SCREENSHOTS}storefront-coupon-use-checkout-coupons-phone.png`,
    });
    await page.evaluate(`window.scrollTo(0, 0)`);
    await sf.shot(page, 'storefront-coupon-use-checkout-phone');

    // The pickup coupon prices on pickup; choosing it clears the note.
    await picker.getByRole('radio', { name: /홍대 방문 픽업 2천원/ }).check();
    await expect.poll(() => discount.allTextContents()).toEqual(['−2,000원']);
    expect(await page.getByText('배송 전용이라 뺐어요').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
