import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skyGardenSeller } from '../src/actors.js';
import { type ClientApp, signInSeller, startClient } from '../src/client.harness.js';
import { graphql } from '../src/generated/index.js';
import { type System, startSystem } from '../src/system.harness.js';

/*
 * The seller's inbox in real headless Chromium, against the real gateway and subgraphs: the
 * approval notice is there, reading it drops the badge, a low-stock notice caused through the
 * API comes in live without a reload and leads to the inventory, "모두 읽음" clears the rest;
 * the subscriptions calendar of a store without subscribers. Tablet and phone screenshots.
 */

const SET_STOCK = graphql(`
  mutation SellerNoticesSetStock($s: ID!) {
    setFlowerStock(storeId: $s, items: [{ flowerId: 1, available: 60 }]) {
      __typename
    }
  }
`);
const ADJUST_STOCK = graphql(`
  mutation SellerNoticesAdjustStock($s: ID!) {
    adjustFlowerStock(storeId: $s, items: [{ flowerId: 1, delta: -20 }], reason: "폐기") {
      __typename
    }
  }
`);

let sys: System;
let app: ClientApp;
let seller: { token: string; storeId: string };

beforeAll(async () => {
  sys = await startSystem(['identity', 'stores', 'products', 'notifications', 'subscriptions']);
  seller = await skyGardenSeller(sys);
  app = await startClient('seller', sys.gatewayUrl);
}, 120_000);

afterAll(async () => {
  await app?.close();
  await sys?.close();
});

/** The unread count on the top bar's bell (0 when the badge is gone). */
async function badge(page: Page): Promise<number> {
  const b = page.locator('.seller-topbar .badge');
  return (await b.count()) === 0 ? 0 : Number(await b.textContent());
}

const notice = (page: Page, title: string) => page.locator('.ntc-item', { hasText: title });
const APPROVED = '판매자 신청이 승인됐어요';
const LOW = '꽃 재고가 얼마 안 남았어요';

describe('seller notices', () => {
  it('reads the approval notice and sees a low-stock notice arrive live', async () => {
    const { context, page, errors } = await app.tablet();
    await signInSeller(page, '/notices', '알림');
    const approved = notice(page, APPROVED);
    await approved.waitFor();
    expect(await approved.getAttribute('data-read')).toBe('false');
    await expect.poll(() => badge(page)).toBeGreaterThan(0);
    const before = await badge(page);
    await page.getByText(`안 읽은 알림 ${before}개`).waitFor();

    await approved.getByRole('button', { name: `${APPROVED} 읽음으로 표시` }).click();
    await expect.poll(() => approved.getAttribute('data-read')).toBe('true');
    await expect.poll(() => badge(page)).toBe(before - 1);

    // Stock falls below the threshold through the API: the notice appears without a reload.
    expect(
      (await sys.call(SET_STOCK, { s: seller.storeId }, seller.token)).data?.setFlowerStock,
    ).toMatchObject({ __typename: 'InventoryUpdate' });
    expect(
      (await sys.call(ADJUST_STOCK, { s: seller.storeId }, seller.token)).data?.adjustFlowerStock,
    ).toMatchObject({ __typename: 'InventoryUpdate' });
    const low = notice(page, LOW);
    await low.waitFor({ timeout: 20_000 });
    expect(await low.textContent()).toContain('빨간 장미가 40송이 남았어요');
    expect(await low.getAttribute('data-read')).toBe('false');
    expect(await low.getByRole('link').getAttribute('href')).toBe('/inventory');
    await expect.poll(() => badge(page)).toBe(before);
    await app.shot(page, 'seller-notices-tablet');
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('reads everything at once on a phone and opens the stock alert', async () => {
    const { context, page, errors } = await app.phone();
    await signInSeller(page, '/notices', '알림');
    const low = notice(page, LOW);
    await low.waitFor();
    await page.getByRole('button', { name: /^안 읽음/ }).click();
    await expect.poll(() => page.locator('.ntc-item').count()).toBe(1);
    await app.shot(page, 'seller-notices-phone');

    await page.getByRole('button', { name: '모두 읽음' }).click();
    await page.getByText('안 읽은 알림이 없어요.').waitFor();
    await expect.poll(() => badge(page)).toBe(0);
    await page.getByRole('button', { name: '전체', exact: true }).click();
    await expect.poll(() => low.getAttribute('data-read')).toBe('true');

    await low.getByRole('link').click();
    await page.getByRole('heading', { name: '재고', exact: true }).waitFor();

    await page.goto('/subscriptions');
    await page.getByRole('heading', { name: '정기배송', exact: true }).waitFor();
    await page.getByText('이 기간에 예정된 정기배송이 없어요.').waitFor();
    await app.shot(page, 'seller-subscriptions-phone');
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
