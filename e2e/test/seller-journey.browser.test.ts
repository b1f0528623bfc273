import {
  type PaymentsEmulator,
  loadPaymentsEmulatorConfig,
  startPaymentsEmulator,
} from '@bloom/payments-emulator';
import { ADMIN_ACCOUNT, waitFor } from '@bloom/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPROVE_SELLER, customerToken, skyGardenSeller } from '../src/actors.js';
import { type ClientApp, SCREENSHOTS, signInSeller, startClient } from '../src/client.harness.js';
import { graphql } from '../src/generated/index.js';
import { type System, startSystem } from '../src/system.harness.js';
import { seoulDay } from '../src/orders.actions.js';

/*
 * The florist's first day, end to end in real headless Chromium against the real system: she
 * signs up as a seller, the admin approves her (API) while the pending page is open, she sets
 * up the store with a photo, lists a bouquet with uploaded photos (reordered, one removed) and
 * its recipe, counts her roses; a customer orders (API) and the order lands on the board live;
 * she prepares and ships it with a tracking number (the customer's order says so), the stock
 * shows the roses used and the low-stock alert comes live on the inventory page; she answers a
 * question (asked through the API), makes a coupon a customer claims (API), and after the
 * month is settled (admin API) the sales page shows the order. Then another seller tries her
 * order's and product's links: refused.
 */

let sys: System;
let pg: PaymentsEmulator;
let app: ClientApp;

const EMAIL = 'dahlia@bloom.test';
const PASSWORD = 'flowers123';
// skyGardenSeller (the other store below) uses 220-81-62517.
const BRN = '1248100998';

const MY_STORE = graphql(`
  query SellerJourneyStore {
    myStore {
      id
      thumbnailUrl
      coupons {
        id
        code
      }
    }
  }
`);
const MY_PRODUCTS = graphql(`
  query SellerJourneyProducts {
    sellerProducts(first: 5) {
      nodes {
        id
        name
        images {
          url
        }
        recipe {
          flowerId
          count
        }
      }
    }
  }
`);
const ADD_TO_CART = graphql(`
  mutation SellerJourneyAddToCart($p: ID!) {
    addToCart(productId: $p, quantity: 2) {
      __typename
    }
  }
`);
const CHECKOUT = graphql(`
  mutation SellerJourneyCheckout($i: CheckoutInput!) {
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
const CUSTOMER_ORDER = graphql(`
  query SellerJourneyCustomerOrder($id: ID!) {
    order(id: $id) {
      status
      trackingNumber
    }
  }
`);
const ASK = graphql(`
  mutation SellerJourneyAsk($i: AskQuestionInput!) {
    askQuestion(input: $i) {
      __typename
    }
  }
`);
const CLAIM = graphql(`
  mutation SellerJourneyClaim($c: ID!) {
    claimCoupon(couponId: $c) {
      __typename
    }
  }
`);
const SETTLE = graphql(`
  mutation SellerJourneySettle($m: String!) {
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
  app = await startClient('seller', sys.gatewayUrl);
}, 180_000);

afterAll(async () => {
  await app?.close();
  await sys?.close();
  await pg?.close();
});

/** A real PNG (a square of one colour, drawn by Chromium) to upload as a photo. */
async function swatch(browser: Browser, color: string): Promise<Buffer> {
  const page = await browser.newPage({ viewport: { width: 96, height: 96 } });
  await page.setContent(`<body style="margin:0;background:${color}"></body>`);
  const png = await page.screenshot({ type: 'png' });
  await page.close();
  return png;
}

/** The dashboard's signed-in user, from its session in localStorage. */
async function sessionUserId(page: Page): Promise<string> {
  const raw = await page.evaluate<string | null>(`localStorage.getItem('bloom.seller.session')`);
  const session = JSON.parse(raw ?? 'null') as { user: { id: string } } | null;
  if (!session) throw new Error('no seller session in the browser');
  return session.user.id;
}

const nav = (page: Page, name: string | RegExp) =>
  page.getByRole('navigation', { name: '판매자 메뉴' }).getByRole('link', { name });

let orderId = '';
let productId = '';

describe('a florist’s first day', () => {
  it('signs up, opens the store, sells, ships, restocks, answers, gives a coupon and is settled', async () => {
    const { context, page, errors } = await app.tablet();
    const shop = await swatch(app.browser, '#f8bbd0');
    const red = await swatch(app.browser, '#c62828');
    const yellow = await swatch(app.browser, '#fbc02d');
    const white = await swatch(app.browser, '#eeeeee');

    // Becoming a seller; the admin's approval turns the pending page live.
    await page.goto('/apply');
    await page.getByRole('heading', { name: '판매자로 가입하기' }).waitFor({ timeout: 60_000 });
    await page.getByLabel('이름', { exact: true }).fill('한다알');
    await page.getByLabel('이메일').fill(EMAIL);
    await page.getByLabel('비밀번호').fill(PASSWORD);
    await page.getByLabel('상호 (사업자등록증의 이름)').fill('다알리아 꽃방');
    await page.getByLabel('사업자등록번호').fill(BRN);
    await page.getByRole('button', { name: '가입하고 판매 신청하기' }).click();
    await page.getByRole('heading', { name: '판매 신청을 확인하고 있어요' }).waitFor();
    await page.evaluate(`window.stillHere = true`);
    const admin = await sys.logIn(ADMIN_ACCOUNT.email, ADMIN_ACCOUNT.password);
    const approved = await sys.call(APPROVE_SELLER, { id: await sessionUserId(page) }, admin);
    expect(approved.data?.approveSeller.__typename).toBe('User');
    await page.getByRole('heading', { name: '판매자로 승인되었어요' }).waitFor({ timeout: 20_000 });
    expect(await page.evaluate<boolean | undefined>(`window.stillHere`)).toBe(true);
    await page.getByRole('link', { name: '매장 설정하기' }).click();

    // The store, with its photo uploaded for real.
    await page.getByRole('heading', { name: '매장 열기' }).waitFor();
    await page.locator('input[name=storeName]').fill('다알리아 꽃방');
    await page.locator('input[name=thumbnail]').setInputFiles({
      name: 'shop.png',
      mimeType: 'image/png',
      buffer: shop,
    });
    const thumbnail = page.getByRole('img', { name: '매장 대표 사진' });
    await thumbnail.waitFor();
    await page.locator('input[name=storePhone]').fill('02-335-7788');
    await page.locator('select[name=regionCode]').selectOption({ label: '서울' });
    await page.locator('select[name=districtCode]').selectOption({ label: '마포구' });
    await page.locator('input[name=street]').fill('서울 마포구 망원로 20');
    await page.locator('input[name=zipCode]').fill('04007');
    await page.locator('input[name=latitude]').fill('37.5559');
    await page.locator('input[name=longitude]').fill('126.9019');
    await page.locator('select[name=bank]').selectOption('신한은행');
    await page.locator('input[name=accountNumber]').fill('110-123-456789');
    await page.locator('input[name=accountHolder]').fill('한다알');
    await page.getByRole('button', { name: '매장 열기' }).click();
    await page.getByRole('heading', { name: '매장 설정' }).waitFor();
    const seller = await sys.logIn(EMAIL, PASSWORD);
    const store = (await sys.call(MY_STORE, {}, seller)).data?.myStore;
    expect(store?.thumbnailUrl).toMatch(/\/images\/[^/]+\.png$/);
    expect(await thumbnail.getAttribute('src')).toBe(store?.thumbnailUrl);
    // The photo is really there: the browser decoded it.
    await expect
      .poll(() =>
        thumbnail.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
      )
      .toBeGreaterThan(0);
    await page
      .locator('#store-profile')
      .screenshot({ path: `${SCREENSHOTS}seller-journey-store-profile-tablet.png` });
    const storeId = store?.id ?? '';

    // A bouquet with three photos: the white one moved forward, the red one removed.
    await nav(page, '상품').click();
    await page.getByRole('button', { name: '새 상품 등록' }).click();
    await page.getByLabel('상품명').fill('여름 정원 꽃다발');
    await page.getByLabel('한 줄 소개').fill('장미와 안개꽃의 여름 꽃다발');
    await page.getByLabel('가격 (원)').fill('39000');
    await page.getByRole('button', { name: '꽃다발' }).click();
    await page.getByLabel('꽃 추가').selectOption({ label: '빨간 장미' });
    await page.getByLabel('빨간 장미 송이 수').fill('10');
    await page.locator('input[name=photos]').setInputFiles([
      { name: 'red.png', mimeType: 'image/png', buffer: red },
      { name: 'yellow.png', mimeType: 'image/png', buffer: yellow },
      { name: 'white.png', mimeType: 'image/png', buffer: white },
    ]);
    const photos = page.locator('.prd-photo-list li');
    await expect.poll(() => photos.count(), { timeout: 15_000 }).toBe(3);
    // The photos' addresses, in the order shown.
    const srcs = async () => {
      const all: string[] = [];
      for (const img of await photos.locator('img').all())
        all.push((await img.getAttribute('src')) ?? '');
      return all;
    };
    const [redUrl, yellowUrl, whiteUrl] = await srcs();
    expect(new Set([redUrl, yellowUrl, whiteUrl]).size).toBe(3);
    await photos.nth(2).getByRole('button', { name: '앞으로' }).click();
    expect(await srcs()).toEqual([redUrl, whiteUrl, yellowUrl]);
    await photos.nth(0).getByRole('button', { name: '사진 빼기' }).click();
    expect(await srcs()).toEqual([whiteUrl, yellowUrl]);
    await app.shot(page, 'seller-journey-product-form-tablet');
    await page.getByRole('button', { name: '상품 등록' }).click();
    await page.locator('.prd-row', { hasText: '여름 정원 꽃다발' }).waitFor();
    const listed = (await sys.call(MY_PRODUCTS, {}, seller)).data?.sellerProducts.nodes[0];
    expect(listed?.images.map((i) => i.url)).toEqual([whiteUrl, yellowUrl]);
    expect(listed?.recipe).toEqual([{ flowerId: 1, count: 10 }]);
    productId = listed?.id ?? '';

    // 55 roses counted this morning: above the alert threshold (50).
    await nav(page, '재고').click();
    const roses = page.locator('.inv-row[data-flower="1"]');
    await roses.locator('.inv-row-head').click();
    await roses.getByRole('tab', { name: '수량 직접 입력' }).click();
    await roses.getByLabel('지금 있는 송이 수').fill('55');
    await roses.getByRole('button', { name: '저장' }).click();
    await expect.poll(() => roses.locator('.inv-available').textContent()).toBe('55');

    // The board on the counter (with the order sound on) and the inventory in a second tab.
    await nav(page, '오늘 주문').click();
    await page.getByText('오늘과 내일 나갈 주문이 아직 없어요.').waitFor();
    const sound = page.getByRole('button', { name: /주문 알림음/ });
    expect(await sound.getAttribute('aria-pressed')).toBe('false');
    await sound.click();
    expect(await sound.getAttribute('aria-pressed')).toBe('true');
    expect(
      await page.evaluate<string | null>(`localStorage.getItem('bloom.seller.orderSound')`),
    ).toBe('on');
    const stock = await context.newPage();
    stock.on('pageerror', (error) => errors.push(error.message));
    await stock.goto('/inventory');
    await stock.getByRole('heading', { name: '재고', exact: true }).waitFor();

    // A customer orders two bouquets (78,000원, free delivery from 50,000원).
    const customer = await customerToken(sys, 'yuna@bloom.test', '최유나');
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
          idempotencyKey: 'seller-journey-0001',
          fulfilment: 'DELIVERY',
          delivery: {
            recipientName: '박서연',
            phone: '01098765432',
            zipCode: '04524',
            street: '서울 중구 세종대로 110',
            detail: '5층',
            deliveryDate: seoulDay(1),
            window: '10:00-13:00',
          },
          expectedTotal: 78000,
        },
      },
      customer,
    );
    const result = placed.data?.checkout;
    orderId = (result?.__typename === 'CheckoutSuccess' ? result.orders[0]?.id : '') ?? '';
    expect(orderId, JSON.stringify(placed)).toBeTruthy();

    // Live on the board, no reload: the card, the toast, the badge.
    const card = page.locator(`[data-order-id="${orderId}"]`);
    await card.waitFor({ timeout: 30_000 });
    await page.locator('.toast', { hasText: '새 주문' }).first().waitFor();
    await page.getByRole('button', { name: /새 주문 1건이 들어왔어요/ }).waitFor();
    expect(await card.textContent()).toContain('빨간 장미 20');

    // Live on the inventory tab: 35 roses left, under the threshold.
    const alert = stock.locator('.inv-alert');
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.textContent()).toContain('빨간 장미가 35송이 남았어요');
    await expect
      .poll(() => stock.locator('.inv-row[data-flower="1"] .inv-available').textContent())
      .toBe('35');
    expect(await stock.locator('.inv-row[data-flower="1"]').getByText('부족').count()).toBe(1);
    await app.shot(stock, 'seller-journey-low-stock-tablet');
    await stock.locator('.toast', { hasText: '꽃 재고가 얼마 안 남았어요' }).first().waitFor();
    await stock.close();

    // Prepared, shipped with a tracking number: the customer's order follows.
    await card.getByRole('button', { name: '준비 시작' }).click();
    await page
      .getByRole('region', { name: '준비 중' })
      .locator(`[data-order-id="${orderId}"]`)
      .waitFor();
    await card.getByRole('button', { name: '배송 출발' }).click();
    await card.getByLabel('운송장 번호').fill('6892-1234-5678');
    await app.shot(page, 'seller-journey-ship-tablet');
    await card.getByRole('button', { name: '배송 출발' }).click();
    await page
      .getByRole('region', { name: '배송 중 · 픽업 대기' })
      .locator(`[data-order-id="${orderId}"]`)
      .waitFor();
    const seen = await sys.call(CUSTOMER_ORDER, { id: orderId }, customer);
    expect(seen.data?.order).toEqual({ status: 'SHIPPING', trackingNumber: '6892-1234-5678' });
    await card.getByRole('button', { name: '배송 완료' }).click();
    await page
      .getByRole('region', { name: '완료' })
      .locator(`[data-order-id="${orderId}"]`)
      .waitFor();
    expect((await sys.call(CUSTOMER_ORDER, { id: orderId }, customer)).data?.order?.status).toBe(
      'DELIVERED',
    );

    // The roses' ledger shows what the order used.
    await nav(page, '재고').click();
    await expect.poll(() => roses.locator('.inv-available').textContent()).toBe('35');
    await roses.locator('.inv-row-head').click();
    await expect.poll(() => roses.locator('.inv-ledger li').count()).toBeGreaterThan(1);
    expect(await roses.locator('.inv-ledger').textContent()).toContain('-20');

    // A question through the API: the nav's badge comes live, the answer takes it away.
    await waitFor(
      async () => {
        const asked = await sys.call(
          ASK,
          { i: { productId, storeId, content: '토요일 오전 배송도 되나요?', secret: false } },
          customer,
        );
        return asked.data?.askQuestion.__typename === 'Question' ? true : undefined;
      },
      { what: 'question asked' },
    );
    const qna = nav(page, /^문의·리뷰, 답변을 기다리는 문의 1개$/);
    await qna.waitFor({ timeout: 20_000 });
    await qna.click();
    const question = page
      .getByRole('region', { name: '답변 기다리는 문의' })
      .locator('.qna-card', { hasText: '토요일 오전 배송도 되나요?' });
    await question.getByLabel('답변').fill('네, 토요일 오전에도 보내 드려요.');
    await question.getByRole('button', { name: '답변 등록' }).click();
    await page
      .getByRole('region', { name: '답변한 문의' })
      .getByText('네, 토요일 오전에도 보내 드려요.')
      .waitFor();
    await expect.poll(() => nav(page, '문의·리뷰').getAttribute('aria-label')).toBeNull();

    // A coupon made in the form, claimed by the customer (API): issued against the limit.
    await nav(page, '쿠폰').click();
    await page.getByRole('button', { name: '새 쿠폰 만들기' }).click();
    await page.getByLabel('쿠폰 이름').fill('첫 주문 감사 쿠폰');
    await page.getByLabel('쿠폰 코드').fill('DAHLIA-3000');
    await page.getByLabel('할인 금액 (원)').fill('3000');
    await page.getByLabel('발급 수량 (장)').fill('30');
    await page.getByRole('button', { name: '쿠폰 만들기' }).click();
    const coupon = page.locator('.cpn-row[data-code="DAHLIA-3000"]');
    await coupon.waitFor();
    const couponId =
      (await sys.call(MY_STORE, {}, seller)).data?.myStore?.coupons.find(
        (c) => c.code === 'DAHLIA-3000',
      )?.id ?? '';
    expect((await sys.call(CLAIM, { c: couponId }, customer)).data?.claimCoupon.__typename).toBe(
      'CouponClaim',
    );
    await page.reload();
    await expect
      .poll(() => coupon.locator('.cpn-issued-text').textContent())
      .toBe('1 / 30장 발급 · 29장 남음');
    await app.shot(page, 'seller-journey-coupons-tablet');

    // The month settled by the admin: the chart, the top product and the settlement.
    const settled = await sys.call(SETTLE, { m: seoulDay().slice(0, 7) }, admin);
    expect(settled.data?.settleMonth.length, JSON.stringify(settled)).toBe(1);
    await nav(page, '매출').click();
    await page.getByRole('heading', { name: '최근 7일 매출' }).waitFor();
    await expect.poll(() => page.locator('.sales-figures').textContent()).toContain('78,000원');
    await expect
      .poll(() => page.locator('[data-testid="sales-chart"] .recharts-bar-rectangle path').count())
      .toBeGreaterThan(0);
    expect(await page.locator('.sales-top-row').first().textContent()).toContain(
      '여름 정원 꽃다발',
    );
    const [year, month] = seoulDay().split('-');
    await expect
      .poll(() => page.locator('.sales-table tbody tr').first().textContent())
      .toBe(`${year}년 ${Number(month)}월1건78,000원5,460원7%72,540원`);
    await app.shot(page, 'seller-journey-sales-tablet');

    // The order's own page, from a link.
    await page.goto(`/orders/${orderId}`);
    await page.getByRole('heading', { name: /^주문 / }).waitFor();
    expect(await page.locator(`[data-order-id="${orderId}"]`).textContent()).toContain('박서연');
    expect(errors).toEqual([]);
    await context.close();
  }, 150_000);

  it('refuses another store’s order and product behind a direct link', async () => {
    expect(orderId && productId).toBeTruthy();
    await skyGardenSeller(sys);
    const { context, page, errors } = await app.phone();
    await signInSeller(page, `/orders/${orderId}`, '이 매장의 주문이 아니에요');
    expect(await page.locator('main').textContent()).not.toContain('박서연');
    await app.shot(page, 'seller-refused-order-phone');
    await page.goto(`/products?edit=${productId}`);
    await page.getByRole('heading', { name: '이 매장의 상품이 아니에요' }).waitFor();
    expect(await page.getByLabel('상품명').count()).toBe(0);
    await page.getByRole('link', { name: '내 상품 목록으로' }).click();
    await page.getByRole('heading', { name: '상품', exact: true }).waitFor();
    // Its own list, loaded (this seller has none yet), without the other store's product.
    await page.getByText('아직 등록한 상품이 없어요. 첫 상품을 등록해 보세요.').waitFor();
    expect(await page.getByText('여름 정원 꽃다발').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);
});
