import {
  type PaymentsEmulator,
  loadPaymentsEmulatorConfig,
  startPaymentsEmulator,
} from '@bloom/payments-emulator';
import { waitFor } from '@bloom/testing';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProductAs, skyGardenSeller } from '../src/actors.js';
import { graphql } from '../src/generated/index.js';
import { type Storefront, startStorefront } from '../src/storefront.harness.js';
import { type System, startSystem } from '../src/system.harness.js';

/*
 * Checkout refuses bad input in the browser before anything is sent, with every problem in
 * Korean next to its field at once: a 600-character address, a quantity above what the store
 * can make, and only the days and windows the store offers can be chosen. Once fixed, the
 * order goes through.
 */

let sys: System;
let pg: PaymentsEmulator;
let sf: Storefront;
let storeId = '';
let bouquetId = '';

const SET_STOCK = graphql(`
  mutation CheckoutRulesSetStock($s: ID!) {
    setFlowerStock(storeId: $s, items: [{ flowerId: 1, available: 30 }]) {
      __typename
    }
  }
`);

const DELIVERY_DATES = graphql(`
  query CheckoutRulesDeliveryDates($id: ID!) {
    store(id: $id) {
      deliveryDates(days: 14) {
        date
        sameDay
        windows {
          start
          end
        }
      }
    }
  }
`);

const MY_ORDERS = graphql(`
  query CheckoutRulesMyOrders {
    myOrders(first: 10) {
      totalCount
    }
  }
`);

const PRODUCT_STOCK = graphql(`
  query CheckoutRulesProductStock($id: ID!) {
    product(id: $id) {
      availableQuantity
    }
  }
`);

beforeAll(async () => {
  pg = await startPaymentsEmulator(loadPaymentsEmulatorConfig({ PORT: '0', LOG_LEVEL: 'silent' }));
  sys = await startSystem(['identity', 'stores', 'products', 'orders', 'notifications'], {
    PAYMENTS_URL: pg.url,
  });
  const owner = await skyGardenSeller(sys);
  storeId = owner.storeId;
  // 30 roses, 10 a bouquet: the store can make 3.
  await sys.call(SET_STOCK, { s: storeId }, owner.token);
  bouquetId = await createProductAs(sys, owner.token, {
    name: '세 송이 한정 장미 꽃다발',
    summary: '세 개만 만들 수 있는 붉은 장미',
    description: '붉은 장미 열 송이를 한 다발로 묶었어요.',
    price: 39000,
    category: 'BOUQUET',
    recipe: [{ flowerId: 1, count: 10, representative: true }],
  });
  await waitFor(
    async () =>
      (await sys.call(PRODUCT_STOCK, { id: bouquetId })).data?.product?.availableQuantity === 3,
    { what: 'bouquet stock known' },
  );
  sf = await startStorefront(sys.gatewayUrl);
}, 180_000);

afterAll(async () => {
  await sf?.close();
  await sys?.close();
  await pg?.close();
});

const dayFormat = new Intl.DateTimeFormat('ko-KR', {
  timeZone: 'Asia/Seoul',
  month: 'long',
  day: 'numeric',
  weekday: 'short',
});

/** The Korean sentence shown under an input (its aria-describedby note). */
async function noteOf(page: Page, input: string) {
  const id = await page.locator(input).getAttribute('aria-describedby');
  return page.locator(`[id="${id ?? ''}"]`).textContent();
}

describe('checkout input rules in the storefront', () => {
  it('refuses a too-long address and more than the stock, next to the fields, then orders', async () => {
    const { context, page, errors } = await sf.phone();
    const checkout = `/checkout?buyNow=${bouquetId}&quantity=9999`;
    await page.goto(`/sign-up?next=${encodeURIComponent(checkout)}`);
    await page.locator('input[name=name]').fill('정다은');
    await page.locator('input[name=email]').fill('daeun@bloom.test');
    await page.locator('input[name=password]').fill('flowers123');
    await page.getByRole('button', { name: /가입/ }).click();
    await page.waitForURL(/\/checkout\?buyNow=/);
    await page.getByRole('heading', { name: '주문하기' }).waitFor({ timeout: 20_000 });

    // The stepper cannot go above what the store can make.
    const stepper = page.getByRole('group', { name: /수량/ });
    expect(await stepper.getByRole('button', { name: '하나 더하기' }).isDisabled()).toBe(true);
    // Nor does the pay button offer to charge 9999 bouquets.
    expect(await page.locator('form button[type=submit]').last().textContent()).toBe(
      '재고보다 많아요 · 수량을 줄여 주세요',
    );

    // Only the store's own days and windows are offered.
    const offered = (await sys.call(DELIVERY_DATES, { id: storeId })).data?.store?.deliveryDates;
    expect(offered?.length).toBeGreaterThan(0);
    const dayChips = page.locator('[role=group][aria-label="배송 날짜"]').getByRole('button');
    expect(await dayChips.allTextContents()).toEqual(
      (offered ?? []).map(
        (d) =>
          `${dayFormat.format(new Date(`${d.date}T12:00:00+09:00`))}${d.sameDay ? ' · 오늘' : ''}`,
      ),
    );
    const chosenDay = await page
      .getByRole('group', { name: '배송 날짜' })
      .locator('[aria-pressed=true]')
      .textContent();
    const chosen = (offered ?? []).find((d) =>
      chosenDay?.startsWith(dayFormat.format(new Date(`${d.date}T12:00:00+09:00`))),
    );
    const windowChips = page.locator('fieldset', { hasText: '배송 시간' }).getByRole('button');
    expect(await windowChips.allTextContents()).toEqual(
      (chosen?.windows ?? []).map((w) => `${w.start}~${w.end}`),
    );

    // Bad input: a 600-character address and a short phone number, and 9999 of 3.
    await page.locator('input[name=recipientName]').fill('김하늘');
    await page.locator('input[name=phone]').fill('010-12');
    await page.locator('input[name=zipCode]').fill('04066');
    await page
      .locator('input[name=line1]')
      .fill('서울 마포구 와우산로 94 '.repeat(40).slice(0, 600));
    await page.locator('form button[type=submit]').last().click();

    // Every problem at once, each next to its field.
    await expect
      .poll(() => noteOf(page, 'input[name=line1]'))
      .toBe('주소는 200자까지 쓸 수 있어요.');
    expect(await noteOf(page, 'input[name=phone]')).toBe(
      '휴대폰 번호를 010-1234-5678 형식으로 입력해 주세요.',
    );
    expect(await page.locator('input[name=line1]').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('.buy-lines .field-error').textContent()).toContain('재고가 3개');
    await sf.shot(page, 'storefront-checkout-rules-refused');
    expect(new URL(page.url()).pathname).toBe('/checkout');
    const token = await sys.logIn('daeun@bloom.test', 'flowers123');
    expect((await sys.call(MY_ORDERS, {}, token)).data?.myOrders.totalCount).toBe(0);

    // Fixed: one tap on − comes down to the 3 there are; the order goes through.
    await stepper.getByRole('button', { name: '하나 빼기' }).click();
    expect(await stepper.locator('output').textContent()).toBe('3');
    await page.locator('input[name=phone]').fill('010-1234-5678');
    await page.locator('input[name=line1]').fill('서울 마포구 와우산로 94');
    await page.getByText('총 결제 금액').waitFor();
    await page.locator('form button[type=submit]').last().click();
    await page.waitForURL(/\/orders\/[0-9a-f]{24}/, { timeout: 20_000 });
    await sf.shot(page, 'storefront-checkout-rules-ordered');
    expect((await sys.call(MY_ORDERS, {}, token)).data?.myOrders.totalCount).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
