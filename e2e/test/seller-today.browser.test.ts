import {
  type PaymentsEmulator,
  loadPaymentsEmulatorConfig,
  startPaymentsEmulator,
} from '@bloom/payments-emulator';
import { waitFor } from '@bloom/testing';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProductAs, customerToken, skyGardenSeller } from '../src/actors.js';
import { type ClientApp, startClient } from '../src/client.harness.js';
import { graphql } from '../src/generated/index.js';
import { type System, startSystem } from '../src/system.harness.js';
import { seoulDay } from '../src/orders.actions.js';

/*
 * The today board in real headless Chromium against the real system: the seller opens the
 * board on the counter's tablet, a customer orders through the API (payments emulator), the
 * order appears live with a toast and a badge, the seller taps it to "preparing" (the API says
 * so too), prints the pick list; the same board on a phone. Screenshots in .local/screenshots.
 */

let sys: System;
let pg: PaymentsEmulator;
let app: ClientApp;
let owner: Awaited<ReturnType<typeof skyGardenSeller>>;
let productId = '';

const SET_STOCK = graphql(`
  mutation SellerTodaySetStock($s: ID!) {
    setFlowerStock(
      storeId: $s
      items: [{ flowerId: 1, available: 60 }, { flowerId: 18, available: 30 }]
    ) {
      __typename
    }
  }
`);
const ADD_TO_CART = graphql(`
  mutation SellerTodayAddToCart($p: ID!) {
    addToCart(productId: $p, quantity: 2) {
      __typename
    }
  }
`);
const CHECKOUT = graphql(`
  mutation SellerTodayCheckout($i: CheckoutInput!) {
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
const ORDER_STATUS = graphql(`
  query SellerTodayOrderStatus($id: ID!) {
    order(id: $id) {
      status
    }
  }
`);

beforeAll(async () => {
  pg = await startPaymentsEmulator(loadPaymentsEmulatorConfig({ PORT: '0', LOG_LEVEL: 'silent' }));
  sys = await startSystem(
    ['identity', 'stores', 'products', 'orders', 'giftcards', 'notifications'],
    {
      PAYMENTS_URL: pg.url,
    },
  );
  owner = await skyGardenSeller(sys);
  await sys.call(SET_STOCK, { s: owner.storeId }, owner.token);
  productId = await createProductAs(sys, owner.token, {
    name: '노을빛 장미 꽃다발',
    summary: '사랑을 전하는 붉은 장미',
    description: '붉은 장미 열 송이와 안개꽃',
    price: 39000,
    category: 'BOUQUET',
    recipe: [
      { flowerId: 1, count: 10, representative: true },
      { flowerId: 18, count: 3 },
    ],
  });
  app = await startClient('seller', sys.gatewayUrl);
}, 180_000);

afterAll(async () => {
  await app?.close();
  await sys?.close();
  await pg?.close();
});

const signIn = async (page: Page) => {
  await page.goto('/');
  await page.getByRole('heading', { name: '로그인' }).waitFor();
  await page.getByLabel('이메일').fill('sky@bloom.test');
  await page.getByLabel('비밀번호').fill('flowers123');
  await page.getByRole('button', { name: '로그인' }).click();
  await page
    .getByRole('heading', { name: '오늘 주문' })
    .waitFor()
    .catch(async (failure: unknown) => {
      await app.shot(page, 'seller-today-failed');
      throw new Error(`${String(failure)}\n${await page.locator('main').innerText()}`);
    });
};

describe('the today board', () => {
  it('shows a new order live, moves it to preparing in one tap, prints the pick list', async () => {
    const { context, page, errors } = await app.tablet();
    await signIn(page);
    await page.getByText('오늘과 내일 나갈 주문이 아직 없어요.').waitFor();

    // A customer orders while the board is open.
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
          idempotencyKey: 'seller-today-0001',
          fulfilment: 'DELIVERY',
          delivery: {
            recipientName: '김수진',
            phone: '01012345678',
            zipCode: '04524',
            street: '서울 중구 세종대로 110',
            detail: '3층',
            deliveryDate: seoulDay(1),
            window: '10:00-13:00',
            note: '문 앞에 두지 말고 전화 주세요',
          },
          expectedTotal: 78000,
        },
      },
      customer,
    );
    const result = placed.data?.checkout;
    const orderId = (result?.__typename === 'CheckoutSuccess' ? result.orders[0]?.id : '') ?? '';
    expect(orderId, JSON.stringify(placed)).toBeTruthy();

    // Live, without a reload: the card in "새 주문", a toast, the badge.
    const card = page.locator(`[data-order-id="${orderId}"]`);
    await card.waitFor({ state: 'visible', timeout: 30_000 });
    await page.locator('.toast', { hasText: '새 주문' }).first().waitFor();
    await page.getByRole('button', { name: /새 주문 1건이 들어왔어요/ }).waitFor();
    const newColumn = page.getByRole('region', { name: '새 주문' });
    expect(await newColumn.locator(`[data-order-id="${orderId}"]`).count()).toBe(1);
    const text = (await card.textContent()) ?? '';
    for (const expected of [
      '10:00–13:00',
      '내일',
      '김수진',
      '010-1234-5678',
      '서울 중구 세종대로 110 3층',
      '노을빛 장미 꽃다발 × 2',
      '빨간 장미 20 · 안개꽃 6',
      '요청: 문 앞에 두지 말고 전화 주세요',
    ]) {
      expect(text).toContain(expected);
    }
    await app.shot(page, 'seller-today-tablet');

    // One tap: preparing, on screen and in the API.
    await card.getByRole('button', { name: '준비 시작' }).click();
    await page
      .getByRole('region', { name: '준비 중' })
      .locator(`[data-order-id="${orderId}"]`)
      .waitFor();
    expect((await sys.call(ORDER_STATUS, { id: orderId }, owner.token)).data?.order?.status).toBe(
      'PREPARING',
    );
    await card.getByRole('button', { name: '배송 출발' }).waitFor();
    await app.shot(page, 'seller-today-tablet-preparing');

    // The pick list of tomorrow: stems summed by flower.
    await page.getByRole('button', { name: '내일', exact: true }).click();
    await page.getByRole('button', { name: '내일 준비할 꽃' }).click();
    const sheet = page.getByRole('region', { name: '준비할 꽃 목록' });
    await sheet.getByRole('row', { name: /빨간 장미 20/ }).waitFor();
    await sheet.getByRole('row', { name: /안개꽃 6/ }).waitFor();
    await sheet.getByRole('row', { name: /노을빛 장미 꽃다발 2/ }).waitFor();
    await page.getByRole('button', { name: '인쇄' }).waitFor();
    await app.shot(page, 'seller-today-picklist');
    await page.getByRole('button', { name: '← 주문 보드' }).click();

    // The slip of the order.
    await card.getByRole('button', { name: '전표 인쇄' }).click();
    await page.getByRole('region', { name: '주문 전표' }).getByText('김수진').waitFor();
    await app.shot(page, 'seller-today-slip');
    expect(errors).toEqual([]);
    await context.close();

    // The same board on the phone in the pocket.
    const phone = await app.phone();
    await signIn(phone.page);
    await phone.page.locator(`[data-order-id="${orderId}"]`).waitFor();
    await app.shot(phone.page, 'seller-today-phone');
    expect(phone.errors).toEqual([]);
    await phone.context.close();
  }, 150_000);
});
