import {
  type PaymentsEmulator,
  loadPaymentsEmulatorConfig,
  startPaymentsEmulator,
} from '@bloom/payments-emulator';
import { waitFor } from '@bloom/testing';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProductAs, customerToken, skyGardenSeller } from '../src/actors.js';
import { type ClientApp, signInAdmin, startClient } from '../src/client.harness.js';
import { graphql } from '../src/generated/index.js';
import { type System, startSystem } from '../src/system.harness.js';
import { seoulDay } from '../src/orders.actions.js';

/*
 * Running the platform in the admin console, real headless Chromium at 1440×900 against the
 * real system: a customer's order is delivered; the admin suspends the store (with a reason),
 * then reopens it and its products are on the storefront; finds the order by
 * its number and reads its story (saga steps, the payment); runs the month's settlement and
 * downloads the CSV, whose totals are checked; the audit log lists each of those actions.
 */

let sys: System;
let pg: PaymentsEmulator;
let app: ClientApp;
let storeId = '';
let orderNumber = '';
let customerAccess = '';

const SET_STOCK = graphql(`
  mutation AdminMoneySetStock($s: ID!) {
    setFlowerStock(storeId: $s, items: [{ flowerId: 1, available: 60 }]) {
      __typename
    }
  }
`);
const ADD_TO_CART = graphql(`
  mutation AdminMoneyAddToCart($p: ID!) {
    addToCart(productId: $p, quantity: 2) {
      __typename
    }
  }
`);
const CHECKOUT = graphql(`
  mutation AdminMoneyCheckout($i: CheckoutInput!) {
    checkout(input: $i) {
      __typename
      ... on CheckoutSuccess {
        orders {
          id
          number
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
  mutation AdminMoneyAdvance($id: ID!, $to: OrderStatus!, $t: String) {
    advanceOrder(orderId: $id, to: $to, trackingNumber: $t) {
      __typename
    }
  }
`);
const STOREFRONT = graphql(`
  query AdminMoneyStorefront($s: ID!) {
    products(filter: { storeId: $s }) {
      totalCount
    }
    store(id: $s) {
      status
    }
  }
`);

const CREATE_KEY = graphql(`
  mutation AdminMoneyCreateKey($i: CreateApiKeyInput!) {
    createApiKey(input: $i) {
      __typename
    }
  }
`);
const KEY_STATUS = graphql(`
  query AdminMoneyKeyStatus {
    myApiKeys {
      name
      status
    }
  }
`);

beforeAll(async () => {
  pg = await startPaymentsEmulator(loadPaymentsEmulatorConfig({ PORT: '0', LOG_LEVEL: 'silent' }));
  sys = await startSystem(
    ['identity', 'stores', 'products', 'orders', 'subscriptions', 'giftcards', 'notifications'],
    { PAYMENTS_URL: pg.url },
  );
  const owner = await skyGardenSeller(sys);
  storeId = owner.storeId;
  await sys.call(SET_STOCK, { s: storeId }, owner.token);
  const productId = await createProductAs(sys, owner.token, {
    name: '노을빛 장미 꽃다발',
    summary: '사랑을 전하는 붉은 장미',
    description: '붉은 장미 열 송이',
    price: 39000,
    category: 'BOUQUET',
    recipe: [{ flowerId: 1, count: 10, representative: true }],
  });

  // Two bouquets (78,000원), delivered: a settleable order.
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
        idempotencyKey: 'admin-money-0001',
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
  const order = result?.__typename === 'CheckoutSuccess' ? result.orders[0] : undefined;
  expect(order, JSON.stringify(placed)).toBeTruthy();
  orderNumber = order?.number ?? '';
  customerAccess = customer;
  for (const [to, t] of [
    ['PREPARING', null],
    ['SHIPPING', '123456789012'],
    ['DELIVERED', null],
  ] as const) {
    await waitFor(
      async () =>
        (await sys.call(ADVANCE, { id: order?.id ?? '', to, t }, owner.token)).data?.advanceOrder
          .__typename === 'Order',
      { what: `order moved to ${to}`, timeoutMs: 15_000 },
    );
  }
  app = await startClient('admin', sys.gatewayUrl);
}, 180_000);

afterAll(async () => {
  await app?.close();
  await sys?.close();
  await pg?.close();
});

const onStorefront = async () =>
  (await sys.call(STOREFRONT, { s: storeId })).data?.products.totalCount;
const storeStatus = async () => (await sys.call(STOREFRONT, { s: storeId })).data?.store?.status;

describe('running the platform', () => {
  it('suspends a store with a reason and reopens it (its products on the storefront again)', async () => {
    expect(await onStorefront()).toBe(1);
    const { context, page, errors } = await app.desktop();
    await signInAdmin(page, '/stores', '매장');
    await page.locator('.admin-table tbody tr', { hasText: '하늘정원 플라워' }).click();
    await page.getByRole('heading', { name: '하늘정원 플라워' }).waitFor();
    await page.getByText('노을빛 장미 꽃다발').waitFor();
    await app.shot(page, 'admin-store-detail');

    await page.getByRole('button', { name: '영업 정지' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox').fill('고객 민원을 확인하고 있어요.');
    await dialog.getByRole('button', { name: '정지하기' }).click();
    await page.locator('.toast', { hasText: '하늘정원 플라워 영업을 정지했어요.' }).waitFor();
    await page.locator('.admin-head .status-pill', { hasText: '정지' }).waitFor();
    expect(await storeStatus()).toBe('SUSPENDED');
    // The storefront stops offering its products.
    await expect.poll(onStorefront, { timeout: 15_000 }).toBe(0);
    await app.shot(page, 'admin-store-suspended');

    await page.getByRole('button', { name: '다시 열기' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '다시 열기' }).click();
    await page.locator('.admin-head .status-pill', { hasText: '영업 중' }).waitFor();
    expect(await storeStatus()).toBe('OPEN');
    await expect.poll(onStorefront, { timeout: 15_000 }).toBe(1);

    await page.getByRole('link', { name: '매장', exact: true }).click();
    const row = page.locator('.admin-table tbody tr', { hasText: '하늘정원 플라워' });
    await row.waitFor();
    expect(await row.textContent()).toContain('영업 중');
    await app.shot(page, 'admin-stores');
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);

  it("finds the customer's order by number and reads its saga steps and payment", async () => {
    const { context, page, errors } = await app.desktop();
    await signInAdmin(page, '/orders', '주문');
    await page.getByLabel('주문번호').fill(orderNumber);
    await page.getByRole('button', { name: '찾기' }).click();
    const row = page.locator('.admin-table tbody tr', { hasText: orderNumber });
    await expect.poll(() => page.locator('.admin-table tbody tr').count()).toBe(1);
    expect(await row.textContent()).toContain('배송 완료');
    expect(await row.textContent()).toContain('78,000원');
    await app.shot(page, 'admin-orders-search');
    await row.click();
    await page.getByRole('heading', { name: `주문 ${orderNumber}` }).waitFor();
    const payments = page.locator('section[aria-labelledby="order-payments"] tbody tr');
    await expect.poll(() => payments.count()).toBeGreaterThan(0);
    expect(await payments.first().textContent()).toContain('78,000원');
    expect(await payments.first().textContent()).toContain('승인');
    const story = page.locator('.admin-timeline');
    expect(await story.textContent()).toContain('꽃 재고 예약 · 완료');
    expect(await story.textContent()).toContain('결제 완료 · 완료');
    expect(await story.textContent()).toContain('배송 중 → 배송 완료');
    await app.shot(page, 'admin-order-story');
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);

  it("runs the month's settlement, downloads the CSV with its totals, and the audit log shows it all", async () => {
    const { context, page, errors } = await app.desktop();
    await signInAdmin(page, '/money', '정산');
    const month = seoulDay().slice(0, 7);
    await page.getByLabel('정산월').fill(month);
    await page.getByText('이 조건의 정산 내역이 없어요.').waitFor();
    const [year, m] = month.split('-');
    await page.getByRole('button', { name: `${year}년 ${Number(m)}월 정산 실행` }).click();
    await page.getByRole('dialog').getByRole('button', { name: '정산 실행' }).click();
    await page.locator('.toast', { hasText: '정산을 마쳤어요.' }).waitFor();
    const row = page.locator('.admin-table tbody tr');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toBe(
      `${year}년 ${Number(m)}월하늘정원 플라워서울1건78,000원5,460원 (7%)72,540원`,
    );
    const figures = await page.locator('.admin-figures').textContent();
    expect(figures).toContain('매출 합계78,000원');
    expect(figures).toContain('수수료 (7%)5,460원');
    expect(figures).toContain('지급액72,540원');
    await app.shot(page, 'admin-money');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '엑셀용 CSV 받기' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^정산내역 .*\.csv$/);
    const csv = await readFile(await download.path(), 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv
      .slice(1)
      .trimEnd()
      .split('\r\n')
      .map((line) => line.split(','));
    expect(lines[0]).toEqual([
      '정산월',
      '매장',
      '지역',
      '주문 수',
      '매출 합계(원)',
      '수수료율(%)',
      '수수료(원)',
      '지급액(원)',
    ]);
    const body = lines.slice(1, -1);
    const total = lines.at(-1) ?? [];
    const sum = (column: number) => body.reduce((s, line) => s + Number(line[column]), 0);
    expect(body).toHaveLength(1);
    expect(total[0]).toBe('합계');
    expect(Number(total[4])).toBe(sum(4));
    expect(Number(total[6])).toBe(sum(6));
    expect(Number(total[7])).toBe(sum(7));
    expect([total[4], total[6], total[7]]).toEqual(['78000', '5460', '72540']);

    await page.getByRole('link', { name: '감사 기록' }).click();
    await page.getByRole('heading', { name: '감사 기록', exact: true }).waitFor();
    const log = page.locator('.admin-table tbody tr');
    // Newest first; the approval is the set-up's (the seller's application, through the API).
    await expect.poll(() => log.count(), { timeout: 15_000 }).toBe(4);
    expect(await log.allTextContents()).toEqual([
      expect.stringContaining('정산 실행정산 · ' + month),
      expect.stringContaining('매장 다시 열기매장 · 하늘정원 플라워'),
      expect.stringMatching(/매장 정지매장 · 하늘정원 플라워고객 민원을 확인하고 있어요\./),
      expect.stringContaining('입점 승인'),
    ]);
    await page.getByLabel('한 일').selectOption('STORE_SUSPENDED');
    await expect.poll(() => log.count()).toBe(1);
    await app.shot(page, 'admin-audit-filtered');
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);

  it('shows the dashboard and the health of every service, revokes a key, discontinues a product', async () => {
    const created = await sys.call(
      CREATE_KEY,
      { i: { name: '꽃배달 연동', scopes: ['CATALOG_READ'] } },
      customerAccess,
    );
    expect(created.data?.createApiKey.__typename, JSON.stringify(created)).toBe('ApiKeyCreated');
    const { context, page, errors } = await app.desktop();
    await signInAdmin(page, '/', '대시보드');
    const figures = page.locator('.admin-figures');
    await expect.poll(() => figures.textContent()).toContain('거래액78,000원');
    expect(await figures.textContent()).toContain('주문1건');
    await page.locator('[data-testid="gmv-chart"] svg').first().waitFor();
    await expect
      .poll(() => page.locator('[data-testid="gmv-chart"] .recharts-bar-rectangle path').count())
      .toBeGreaterThan(0);
    expect(await page.locator('section[aria-labelledby="dash-stores"]').textContent()).toContain(
      '하늘정원 플라워78,000원',
    );
    expect(await page.locator('section[aria-labelledby="dash-products"]').textContent()).toContain(
      '노을빛 장미 꽃다발2개',
    );
    await page.getByRole('button', { name: '7일' }).click();
    await expect
      .poll(() => page.getByText('최근 7일 동안의 플랫폼 전체 모습이에요.').count())
      .toBe(1);
    await app.shot(page, 'admin-dashboard');

    await page.getByRole('link', { name: '시스템 상태' }).click();
    const services = page.locator('section[aria-labelledby="health-services"] tbody tr');
    // The gateway and the seven subgraphs.
    await expect.poll(() => services.count(), { timeout: 15_000 }).toBe(8);
    for (const row of await services.allTextContents()) expect(row).toContain('정상');
    await page.locator('section[aria-labelledby="health-streams"] tbody').first().waitFor();
    const checked = await page.getByTestId('health-checked').textContent();
    // Polled again within a few seconds.
    await expect
      .poll(() => page.getByTestId('health-checked').textContent(), { timeout: 15_000 })
      .not.toBe(checked);
    await app.shot(page, 'admin-health');

    await page.getByRole('link', { name: '연동 API 키' }).click();
    const key = page.locator('.admin-table tbody tr', { hasText: '꽃배달 연동' });
    await key.waitFor();
    expect(await key.textContent()).toContain('minji@bloom.test');
    expect(await key.textContent()).toContain('상품 조회');
    await app.shot(page, 'admin-integrators');
    await key.getByRole('button', { name: '폐기' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '폐기하기' }).click();
    await key.getByText('폐기됨').waitFor();
    const keys = await sys.call(KEY_STATUS, {}, customerAccess);
    expect(keys.data?.myApiKeys).toEqual([{ name: '꽃배달 연동', status: 'REVOKED' }]);

    // Product moderation: filter by store, pick, discontinue in bulk (after the confirmation).
    await page.getByRole('link', { name: '상품 관리' }).click();
    await page.getByRole('heading', { name: '상품 관리', exact: true }).waitFor();
    await page.getByLabel('매장').selectOption({ label: '하늘정원 플라워' });
    const product = page.locator('.admin-table tbody tr', { hasText: '노을빛 장미 꽃다발' });
    await product.waitFor();
    await product.getByRole('checkbox').check();
    await page.getByText('1개 골랐어요').waitFor();
    await page.getByRole('button', { name: '판매 중지', exact: true }).click();
    await page.getByRole('dialog').getByText('1개 상품의 판매를 중지할까요?').waitFor();
    await app.shot(page, 'admin-products-confirm');
    await page.getByRole('dialog').getByRole('button', { name: '판매 중지' }).click();
    await page.locator('.toast', { hasText: '1개 상품의 판매를 중지했어요.' }).waitFor();
    await product.getByText('판매 중지').waitFor();
    await expect.poll(onStorefront, { timeout: 15_000 }).toBe(0);
    await app.shot(page, 'admin-products');
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);
});
