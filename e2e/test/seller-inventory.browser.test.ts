import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skyGardenSeller } from '../src/actors.js';
import { type ClientApp, signInSeller, startClient } from '../src/client.harness.js';
import { type System, startSystem } from '../src/system.harness.js';

/*
 * Products and inventory of the seller dashboard in real headless Chromium, against the real
 * gateway and subgraphs: a seller with a store lists a bouquet with a recipe through the form,
 * counts the roses on the inventory page, throws a few away with a reason and sees the ledger,
 * and the product shows how many bouquets the stock makes. Tablet and phone screenshots.
 */

let sys: System;
let app: ClientApp;

beforeAll(async () => {
  sys = await startSystem(['identity', 'stores', 'products', 'notifications']);
  await skyGardenSeller(sys);
  app = await startClient('seller', sys.gatewayUrl);
}, 120_000);

afterAll(async () => {
  await app?.close();
  await sys?.close();
});

const roses = (page: Page) => page.locator('.inv-row[data-flower="1"]');

describe('seller products and inventory', () => {
  it('creates a product with a recipe, sets and adjusts stock, and sees availability follow', async () => {
    const { context, page, errors } = await app.tablet();
    await signInSeller(page, '/products', '상품');
    await page.getByText('아직 등록한 상품이 없어요').waitFor();

    await page.getByRole('button', { name: '새 상품 등록' }).click();
    await page.getByRole('heading', { name: '새 상품' }).waitFor();
    // Sending it half-filled names the field at fault, in Korean, next to it.
    await page.getByRole('button', { name: '상품 등록' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe('상품명을 1~100자로 입력해 주세요.');
    expect(await page.getByLabel('상품명').getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel('상품명').fill('노을빛 장미 꽃다발');
    await page.getByLabel('한 줄 소개').fill('사랑을 전하는 붉은 장미');
    await page.getByLabel('가격 (원)').fill('39000');
    await page.getByRole('button', { name: '꽃다발' }).click();
    await page.getByRole('button', { name: '연인 선물' }).click();
    await page.getByLabel('꽃 추가').selectOption({ label: '빨간 장미' });
    await page.getByLabel('빨간 장미 송이 수').fill('10');
    await page.getByLabel('설명').fill('붉은 장미 열 송이를 노을빛 포장지에 담았어요.');
    await app.shot(page, 'seller-products-form-tablet');
    await page.getByRole('button', { name: '상품 등록' }).click();

    const row = page.locator('.prd-row', { hasText: '노을빛 장미 꽃다발' });
    await row.waitFor();
    expect(await row.locator('.prd-recipe-text').textContent()).toBe('빨간 장미 10');
    expect(await row.getByText('39,000원').count()).toBe(1);
    // No roses in stock yet: on sale, but nothing can be made.
    await row.getByText('꽃이 모자라 지금 주문할 수 없어요').waitFor();
    expect(
      await row.getByRole('button', { name: '판매 중', exact: true }).getAttribute('aria-pressed'),
    ).toBe('true');

    await page
      .getByRole('navigation', { name: '판매자 메뉴' })
      .getByRole('link', { name: '재고' })
      .click();
    await page.getByRole('heading', { name: '재고', exact: true }).waitFor();
    expect(await roses(page).locator('.inv-available').textContent()).toBe('0');
    expect(await roses(page).getByText('부족').count()).toBe(1);

    // Counted 60 roses this morning.
    await roses(page).locator('.inv-row-head').click();
    await roses(page).getByRole('tab', { name: '수량 직접 입력' }).click();
    await roses(page).getByLabel('지금 있는 송이 수').fill('60');
    await roses(page).getByRole('button', { name: '저장' }).click();
    await expect.poll(() => roses(page).locator('.inv-available').textContent()).toBe('60');
    expect(await roses(page).getByText('부족').count()).toBe(0);

    // Five wilted: taken out with a reason, and the ledger says so.
    await roses(page).getByRole('tab', { name: '더하기·빼기' }).click();
    for (let i = 0; i < 5; i++)
      await roses(page).getByRole('button', { name: '−1', exact: true }).click();
    await roses(page).getByRole('button', { name: '시들어 폐기' }).click();
    await roses(page).getByRole('button', { name: '저장' }).click();
    await expect.poll(() => roses(page).locator('.inv-available').textContent()).toBe('55');
    const ledger = roses(page).locator('.inv-ledger li');
    await expect.poll(() => ledger.first().textContent()).toContain('시들어 폐기');
    expect(await ledger.first().locator('.inv-minus').textContent()).toBe('-5');
    expect(await ledger.nth(1).textContent()).toContain('재고 실사');
    await app.shot(page, 'seller-inventory-tablet');

    // The product now says how many bouquets 55 roses make.
    await page
      .getByRole('navigation', { name: '판매자 메뉴' })
      .getByRole('link', { name: '상품' })
      .click();
    await row.getByText('지금 재고로 5개 만들 수 있어요').waitFor();
    await app.shot(page, 'seller-products-tablet');
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('receives a delivery of several flowers at once on a phone', async () => {
    const { context, page, errors } = await app.phone();
    await signInSeller(page, '/inventory', '재고');
    await page.getByRole('button', { name: '입고 등록' }).click();
    const form = page.locator('.inv-receive');
    await form.locator('input[name="receive-1"]').fill('20');
    await form.locator('input[name="receive-2"]').fill('30');
    await app.shot(page, 'seller-inventory-receive-phone');
    await form.getByRole('button', { name: '2종 50송이 입고' }).click();
    await form.waitFor({ state: 'detached' });
    await expect.poll(() => roses(page).locator('.inv-available').textContent()).toBe('75');
    expect(await page.locator('.inv-row[data-flower="2"] .inv-available').textContent()).toBe('30');
    await app.shot(page, 'seller-inventory-phone');

    await page.goto('/products');
    await page
      .locator('.prd-row', { hasText: '노을빛 장미 꽃다발' })
      .getByText('지금 재고로 7개 만들 수 있어요')
      .waitFor();
    await app.shot(page, 'seller-products-phone');
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
