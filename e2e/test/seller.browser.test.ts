import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skyGardenSeller } from '../src/actors.js';
import { type ClientApp, startClient } from '../src/client.harness.js';
import { type System, startSystem } from '../src/system.harness.js';

/*
 * The seller dashboard's frame in real headless Chromium on the counter's tablet (768×1024),
 * against the real gateway and the subgraphs the frame uses: a signed-out visit goes to sign-in, a wrong password
 * is told in Korean, an approved seller signs in and sees their shop's name, the side nav and a
 * page; sign-out returns to sign-in. Screenshots land in .local/screenshots.
 */

let sys: System;
let app: ClientApp;

beforeAll(async () => {
  sys = await startSystem(['identity', 'stores', 'notifications']);
  await skyGardenSeller(sys);
  app = await startClient('seller', sys.gatewayUrl);
}, 120_000);

afterAll(async () => {
  await app?.close();
  await sys?.close();
});

describe('seller dashboard shell', () => {
  it('signs an approved seller in on a tablet and shows the dashboard frame in Korean', async () => {
    const { context, page, errors } = await app.tablet();
    await page.goto('/inventory');
    await page.getByRole('heading', { name: '로그인' }).waitFor({ timeout: 60_000 });
    expect(new URL(page.url()).pathname).toBe('/sign-in');

    await page.getByLabel('이메일').fill('sky@bloom.test');
    await page.getByLabel('비밀번호').fill('wrong-password-1');
    await page.getByRole('button', { name: '로그인' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe('이메일 또는 비밀번호가 맞지 않아요.');

    await page.getByLabel('비밀번호').fill('flowers123');
    await page.getByRole('button', { name: '로그인' }).click();
    // Back where the seller was going, inside the frame, with the shop's own name on top.
    // (The pages themselves are other tests' business: only the frame is asserted here.)
    await page.waitForURL((url) => url.pathname === '/inventory');
    expect(errors).toEqual([]);
    await page.locator('.seller-store-name', { hasText: '하늘정원 플라워' }).waitFor();

    const nav = page.getByRole('navigation', { name: '판매자 메뉴' });
    const labels = await nav.getByRole('link').allTextContents();
    // The notices item carries the unread badge (the approval notice): its digits after the label.
    expect(labels.map((l) => l.trim().replace(/\d+$/, ''))).toEqual([
      '오늘 주문',
      '상품',
      '재고',
      '쿠폰',
      '문의·리뷰',
      '정기배송',
      '매출',
      '매장 설정',
      '알림',
    ]);
    await page.getByRole('link', { name: /^알림 \d+개 읽지 않음$/ }).waitFor();
    // On a tablet the nav is a side column, not a bottom bar.
    const box = await nav.boundingBox();
    expect(box?.x).toBe(0);
    expect(box?.width).toBeLessThan(300);
    expect(box?.height).toBeGreaterThan(600);
    await expect
      .poll(() => nav.getByRole('link', { name: '재고' }).getAttribute('aria-current'))
      .toBe('page');

    await nav.getByRole('link', { name: '오늘 주문' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    const webfont = await page.evaluate(`(async () => {
      await document.fonts.ready;
      return [...document.fonts].some(
        (face) => face.family.includes('Noto Sans KR Variable') && face.status === 'loaded',
      );
    })()`);
    expect(webfont).toBe(true);
    await app.shot(page, 'seller-shell');

    await page.getByRole('button', { name: /로그아웃/ }).click();
    await page.getByRole('heading', { name: '로그인' }).waitFor();
    // A reload stays signed out: the session is gone from this browser.
    await page.goto('/');
    await page.getByRole('heading', { name: '로그인' }).waitFor();
    await context.close();
  }, 120_000);
});
