import {
  type PaymentsEmulator,
  loadPaymentsEmulatorConfig,
  startPaymentsEmulator,
} from '@bloom/payments-emulator';
import { ADMIN_ACCOUNT, waitFor } from '@bloom/testing';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProductAs, customerToken, skyGardenSeller } from '../src/actors.js';
import { type ClientApp, startClient } from '../src/client.harness.js';
import { graphql } from '../src/generated/index.js';
import { type System, startSystem } from '../src/system.harness.js';
import { seoulDay } from '../src/orders.actions.js';

/*
 * The sales page in real headless Chromium against the real system: a seller with a store and
 * no sales sees the empty states (the chart still drawn); a customer orders through the API,
 * the seller delivers it, the admin settles the month; then the chart, the top product and the
 * settlement row show it and the CSV download starts with the Korean headers. Tablet + phone.
 */

let sys: System;
let pg: PaymentsEmulator;
let app: ClientApp;
let owner: Awaited<ReturnType<typeof skyGardenSeller>>;
let productId = '';

const SET_STOCK = graphql(`
  mutation SellerSalesSetStock($s: ID!) {
    setFlowerStock(storeId: $s, items: [{ flowerId: 1, available: 60 }]) {
      __typename
    }
  }
`);
const ADD_TO_CART = graphql(`
  mutation SellerSalesAddToCart($p: ID!) {
    addToCart(productId: $p, quantity: 2) {
      __typename
    }
  }
`);
const CHECKOUT = graphql(`
  mutation SellerSalesCheckout($i: CheckoutInput!) {
    checkout(input: $i) {
      __typename
      ... on CheckoutSuccess {
        orders {
          id
        }
      }
      ... on UserError {
        code
        message
      }
    }
  }
`);
const ADVANCE = graphql(`
  mutation SellerSalesAdvance($id: ID!, $to: OrderStatus!, $t: String) {
    advanceOrder(orderId: $id, to: $to, trackingNumber: $t) {
      __typename
    }
  }
`);
const SETTLE = graphql(`
  mutation SellerSalesSettle($m: String!) {
    settleMonth(month: $m) {
      id
    }
  }
`);

beforeAll(async () => {
  pg = await startPaymentsEmulator(loadPaymentsEmulatorConfig({ PORT: '0', LOG_LEVEL: 'silent' }));
  sys = await startSystem(
    ['identity', 'stores', 'products', 'orders', 'giftcards', 'notifications'],
    { PAYMENTS_URL: pg.url },
  );
  owner = await skyGardenSeller(sys);
  await sys.call(SET_STOCK, { s: owner.storeId }, owner.token);
  productId = await createProductAs(sys, owner.token, {
    name: '노을빛 장미 꽃다발',
    summary: '사랑을 전하는 붉은 장미',
    description: '붉은 장미 열 송이',
    price: 39000,
    category: 'BOUQUET',
    recipe: [{ flowerId: 1, count: 10, representative: true }],
  });
  app = await startClient('seller', sys.gatewayUrl);
}, 180_000);

afterAll(async () => {
  await app?.close();
  await sys?.close();
  await pg?.close();
});

const signIn = async (page: Page) => {
  await page.goto('/sales');
  await page.getByLabel('이메일').fill('sky@bloom.test');
  await page.getByLabel('비밀번호').fill('flowers123');
  await page.getByRole('button', { name: '로그인' }).click();
  await page.getByRole('heading', { name: '매출', exact: true }).waitFor();
  await page.getByRole('heading', { name: '최근 7일 매출' }).waitFor();
};

/** An order of two bouquets (78,000원), delivered, and the month settled. */
async function sellAndSettle() {
  const customer = await customerToken(sys, 'minji@bloom.test');
  await waitFor(
    async () =>
      (await sys.call(ADD_TO_CART, { p: productId }, customer)).data?.addToCart.__typename ===
      'Cart',
    { what: 'product projected into orders', timeoutMs: 15_000 },
  );
  const placed = await sys.call(
    CHECKOUT,
    {
      i: {
        idempotencyKey: 'seller-sales-0001',
        fulfilment: 'DELIVERY',
        delivery: {
          recipientName: '김수진',
          phone: '01012345678',
          zipCode: '04524',
          street: '서울 중구 세종대로 110',
          detail: '3층',
          deliveryDate: seoulDay(1),
          window: '10:00-13:00',
        },
        expectedTotal: 78000,
      },
    },
    customer,
  );
  const result = placed.data?.checkout;
  const orderId = (result?.__typename === 'CheckoutSuccess' ? result.orders[0]?.id : '') ?? '';
  expect(orderId, JSON.stringify(placed)).toBeTruthy();
  for (const [to, t] of [
    ['PREPARING', null],
    ['SHIPPING', '123456789012'],
    ['DELIVERED', null],
  ] as const) {
    // The order is confirmed once the payment settles (asynchronously): retry until it moves.
    await waitFor(
      async () =>
        (await sys.call(ADVANCE, { id: orderId, to, t }, owner.token)).data?.advanceOrder
          .__typename === 'Order',
      { what: `order moved to ${to}`, timeoutMs: 15_000 },
    );
  }
  const admin = await sys.logIn(ADMIN_ACCOUNT.email, ADMIN_ACCOUNT.password);
  const settled = await sys.call(SETTLE, { m: seoulDay().slice(0, 7) }, admin);
  expect(settled.data?.settleMonth.length, JSON.stringify(settled)).toBe(1);
}

describe('the sales page', () => {
  it('shows empty states, then a real day on the chart, the top product and a settlement with CSV', async () => {
    const { context, page, errors } = await app.tablet();
    await signIn(page);
    await page.getByText('최근 7일 동안 판매가 없어요.').waitFor();
    await page.getByText('최근 30일 동안 팔린 상품이 없어요.').waitFor();
    await page.getByText('아직 정산 내역이 없어요.').waitFor();
    // The chart is drawn even on an empty week.
    await page.locator('[data-testid="sales-chart"] svg').first().waitFor();
    expect(await page.getByRole('button', { name: '엑셀용 CSV 받기' }).isDisabled()).toBe(true);
    await app.shot(page, 'seller-sales-empty-tablet');

    await sellAndSettle();
    await page.reload();
    await page.getByRole('heading', { name: '최근 7일 매출' }).waitFor();
    const figures = page.locator('.sales-figures');
    await expect.poll(() => figures.textContent()).toContain('7일 합계78,000원');
    expect(await figures.textContent()).toContain('주문1건');
    const chart = page.locator('[data-testid="sales-chart"]');
    // Seven days on the axis and one real bar.
    await expect
      .poll(() => chart.locator('.recharts-xAxis .recharts-cartesian-axis-tick').count())
      .toBe(7);
    await expect
      .poll(() => chart.locator('.recharts-bar-rectangle path').count())
      .toBeGreaterThan(0);
    const top = page.locator('.sales-top-row');
    await expect.poll(() => top.count()).toBe(1);
    expect(await top.first().textContent()).toContain('노을빛 장미 꽃다발');
    expect(await top.first().textContent()).toContain('78,000원');
    expect(await top.first().textContent()).toContain('2개');
    const row = page.locator('.sales-table tbody tr');
    await expect.poll(() => row.count()).toBe(1);
    const [year, month] = seoulDay().split('-');
    expect(await row.textContent()).toBe(
      `${year}년 ${Number(month)}월1건78,000원5,460원7%72,540원`,
    );
    await app.shot(page, 'seller-sales-tablet');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '엑셀용 CSV 받기' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/정산내역.*\.csv$/);
    const path = await download.path();
    const csv = await readFile(path, 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('정산월,주문 수,매출 합계(원),수수료율(%),수수료(원),지급액(원)');
    expect(lines[1]).toBe(`${year}-${month},1,78000,7,5460,72540`);
    expect(errors).toEqual([]);
    await context.close();

    const phone = await app.phone();
    await signIn(phone.page);
    await phone.page.locator('.sales-table tbody tr').waitFor();
    await phone.page.locator('[data-testid="sales-chart"] svg').first().waitFor();
    await app.shot(phone.page, 'seller-sales-phone');
    await phone.page.locator('.sales-table').scrollIntoViewIfNeeded();
    await app.shot(phone.page, 'seller-sales-phone-settlements');
    expect(phone.errors).toEqual([]);
    await phone.context.close();
  }, 180_000);
});
