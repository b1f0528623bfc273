import {
  type PaymentsEmulator,
  loadPaymentsEmulatorConfig,
  startPaymentsEmulator,
} from '@bloom/payments-emulator';
import { type GraphQLResponse, waitFor } from '@bloom/testing';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREATE_PRODUCT, productInput, skyGardenSeller } from '../src/actors.js';
import { graphql } from '../src/generated/index.js';
import type { CreateProductMutation } from '../src/generated/graphql.js';
import { present } from '../src/present.js';
import { type Storefront, startStorefront } from '../src/storefront.harness.js';
import { type System, startSystem } from '../src/system.harness.js';

/*
 * The storefront in real headless Chromium on a phone-sized screen, against the real gateway
 * and subgraphs: a new shopper finds a bouquet, signs up on the way, checks out and watches the
 * order turn confirmed live; a subscriber subscribes and skips a delivery. Screenshots land in
 * .local/screenshots for people to look at.
 */

let sys: System;
let pg: PaymentsEmulator;
let sf: Storefront;
const products: Record<'bouquet' | 'weekly', string> = { bouquet: '', weekly: '' };

/** The created product's id; '' when it was refused. */
const productIdOf = (res: GraphQLResponse<CreateProductMutation>) => {
  const created = res.data?.createProduct;
  return created?.__typename === 'Product' ? created.id : '';
};

beforeAll(async () => {
  pg = await startPaymentsEmulator(loadPaymentsEmulatorConfig({ PORT: '0', LOG_LEVEL: 'silent' }));
  sys = await startSystem(
    ['identity', 'stores', 'products', 'orders', 'subscriptions', 'notifications'],
    { PAYMENTS_URL: pg.url, SUBSCRIPTION_SCHEDULER_INTERVAL_MS: '0' },
  );
  const owner = await skyGardenSeller(sys);
  await sys.call(
    graphql(`
      mutation StorefrontSetFlowerStock($s: ID!) {
        setFlowerStock(storeId: $s, items: [{ flowerId: 1, available: 60 }]) {
          __typename
        }
      }
    `),
    { s: owner.storeId },
    owner.token,
  );
  const bouquet = await sys.call(
    CREATE_PRODUCT,
    {
      i: productInput({
        name: '노을빛 장미 꽃다발',
        summary: '사랑을 전하는 붉은 장미',
        description: '붉은 장미 열 송이를 노을빛 포장지에 담았습니다.',
        price: 39000,
        category: 'BOUQUET',
        tags: ['FOR_LOVER'],
        recipe: [{ flowerId: 1, count: 10, representative: true }],
      }),
    },
    owner.token,
  );
  products.bouquet = productIdOf(bouquet);
  const weekly = await sys.call(
    CREATE_PRODUCT,
    {
      i: productInput({
        name: '매주 계절 꽃 정기배송',
        summary: '매주 바뀌는 제철 꽃',
        description: '플로리스트가 고른 제철 꽃을 매주 보내 드립니다.',
        price: 25000,
        isSubscription: true,
        recipe: [{ flowerId: 1, count: 3, representative: true }],
      }),
    },
    owner.token,
  );
  products.weekly = productIdOf(weekly);
  expect(products.bouquet && products.weekly, JSON.stringify([bouquet, weekly])).toBeTruthy();
  // Listings read products' own data; wait until the new bouquet is listed.
  await waitFor(
    async () =>
      (
        await sys.call(
          graphql(`
            query StorefrontListing {
              products(first: 10) {
                nodes {
                  id
                }
              }
            }
          `),
        )
      ).data?.products.nodes.some((p) => p.id === products.bouquet),
    { what: 'bouquet listed' },
  );
  sf = await startStorefront(sys.gatewayUrl);
}, 180_000);

afterAll(async () => {
  await sf?.close();
  await sys?.close();
  await pg?.close();
});

/** Waits for text anywhere on the page. */
const seen = (page: Page, text: string | RegExp, timeout = 15_000) =>
  page.getByText(text).first().waitFor({ state: 'visible', timeout });

describe('the storefront on a phone', () => {
  it('a new shopper finds a bouquet, signs up on the way, pays and sees the order confirmed live', async () => {
    const { context, page, errors } = await sf.phone();
    await page.goto('/');
    await seen(page, '오늘, 누구에게 꽃을 보낼까요?');
    // Korean comes from the self-hosted webfont, not from whatever the machine has installed.
    // A string, run in the page: this package is typed for Node, not the DOM.
    const webfont = await page.evaluate(`(async () => {
      await document.fonts.ready;
      return [...document.fonts].some(
        (face) => face.family.includes('Noto Sans KR Variable') && face.status === 'loaded',
      );
    })()`);
    expect(webfont).toBe(true);
    await sf.shot(page, 'storefront-home');

    // The bouquet is among the new arrivals; its page tells the flower's meaning.
    await page
      .getByRole('link', { name: /노을빛 장미 꽃다발/ })
      .first()
      .click();
    await page.waitForURL(`**/products/${products.bouquet}`);
    // The representative flower's meaning (red rose: 사랑) is shown, not just a heading.
    await page
      .locator('.browse-meaning', { hasText: '사랑' })
      .waitFor({ state: 'visible', timeout: 15_000 });
    await sf.shot(page, 'storefront-product');

    // Adding to the cart needs an account: sign up and come back.
    await page.getByRole('button', { name: '장바구니 담기' }).click();
    await page.waitForURL(/\/sign-in\?next=/);
    await page
      .getByRole('link', { name: /회원가입/ })
      .first()
      .click();
    await page.waitForURL(/\/sign-up/);
    await page.locator('input[name=name]').fill('한지민');
    await page.locator('input[name=email]').fill('jimin@bloom.test');
    await page.locator('input[name=password]').fill('flowers123');
    await page.locator('input[name=phone]').fill('010-2222-3333');
    await page.getByRole('button', { name: /가입/ }).click();
    await page.waitForURL(`**/products/${products.bouquet}`);
    await page.getByRole('button', { name: '장바구니 담기' }).click();
    await waitFor(
      async () => (await page.locator('.tabbar .badge').first().textContent()) === '1',
      { what: 'cart badge 1' },
    );

    // The cart groups by store with its delivery terms; checkout prices on the server.
    await page
      .getByRole('link', { name: /장바구니/ })
      .first()
      .click();
    await page.waitForURL('**/cart');
    await seen(page, '하늘정원 플라워');
    await sf.shot(page, 'storefront-cart');
    await page.getByRole('link', { name: '주문하기' }).first().click();
    await page.waitForURL('**/checkout');
    await page.locator('input[name=recipientName]').fill('김하늘');
    await page.locator('input[name=phone]').fill('010-1234-5678');
    await page.locator('input[name=zipCode]').fill('04066');
    await page.locator('input[name=line1]').fill('서울 마포구 와우산로 94');
    await seen(page, '42,000원'); // 39,000 + 3,000 delivery (below the 50,000 threshold)
    await sf.shot(page, 'storefront-checkout');
    await page.locator('form button[type=submit]').last().click();

    // The order page follows the saga live (graphql-ws) until it is confirmed.
    await page.waitForURL(/\/orders\/[0-9a-f]{24}/, { timeout: 20_000 });
    await page
      .locator('.status-pill', { hasText: '주문 확정' })
      .first()
      .waitFor({ state: 'visible', timeout: 30_000 });
    await sf.shot(page, 'storefront-order-confirmed');
    const orderId = /\/orders\/([0-9a-f]{24})/.exec(page.url())?.[1];
    const { payments } = (await (await fetch(`${pg.url}/__emulator/payments`)).json()) as {
      payments: { orderId: string; status: string; amount: number }[];
    };
    expect(payments.filter((p) => p.orderId === orderId)).toEqual([
      expect.objectContaining({ status: 'CAPTURED', amount: 42000 }),
    ]);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('a subscriber subscribes with a card, sees the next delivery and skips it', async () => {
    const { context, page, errors } = await sf.phone();
    await page.goto('/sign-up?next=%2Fsubscriptions');
    await page.locator('input[name=name]').fill('오하늘');
    await page.locator('input[name=email]').fill('haneul@bloom.test');
    await page.locator('input[name=password]').fill('flowers123');
    await page.getByRole('button', { name: /가입/ }).click();
    await page.waitForURL('**/subscriptions');

    await page.goto(`/products/${products.weekly}`);
    await page
      .getByRole('link', { name: /정기구독 신청/ })
      .first()
      .click();
    await page.waitForURL(`**/subscribe/${products.weekly}`);
    await page.locator('input[name=recipientName]').fill('오하늘');
    await page.locator('input[name=phone]').fill('010-9876-5432');
    await page.locator('input[name=line1]').fill('서울 마포구 와우산로 94');
    await page.locator('input[name=cardNumber]').fill('4242 4242 4242 4242');
    await page.getByLabel('유효기간 월').selectOption('12');
    await page.getByLabel('유효기간 연도').selectOption({ index: 5 });
    await sf.shot(page, 'storefront-subscribe');
    await page.locator('form button[type=submit]').last().click();
    await page.waitForURL('**/subscriptions');
    await seen(page, /다음 배송/);
    await sf.shot(page, 'storefront-subscriptions');

    const before = await sys.call(
      graphql(`
        query StorefrontMySubscriptions {
          mySubscriptions {
            id
            nextDeliveryDate
          }
        }
      `),
      {},
      await sys.logIn('haneul@bloom.test', 'flowers123'),
    );
    const subscription = before.data?.mySubscriptions[0];
    expect(subscription).toBeTruthy();
    const subscriptionId = present(subscription, 'the subscription').id;
    await page.getByRole('button', { name: '다음 배송 건너뛰기' }).click();
    await page.getByRole('button', { name: '건너뛰기', exact: true }).click();
    await seen(page, '다음 배송을 건너뛰었어요.');
    await waitFor(
      async () => {
        const after = await sys.call(
          graphql(`
            query StorefrontSubscriptionCycles($id: ID!) {
              flowerSubscription(id: $id) {
                nextDeliveryDate
                cycles {
                  kind
                }
              }
            }
          `),
          { id: subscriptionId },
          await sys.logIn('haneul@bloom.test', 'flowers123'),
        );
        return after.data?.flowerSubscription?.cycles[0]?.kind === 'SKIPPED';
      },
      { what: 'cycle skipped' },
    );
    await sf.shot(page, 'storefront-subscription-skipped');
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
