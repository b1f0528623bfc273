import { waitFor } from '@bloom/testing';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProductAs, customerToken, skyGardenSeller } from '../src/actors.js';
import { type ClientApp, signInSeller, startClient } from '../src/client.harness.js';
import { graphql } from '../src/generated/index.js';
import { type System, startSystem } from '../src/system.harness.js';

/*
 * Coupons and Q&A of the seller dashboard in real headless Chromium against the real system:
 * the seller creates a coupon through the form (a missing name and a reused code are named
 * next to their fields), a customer claims it through the API and the issued count follows;
 * a customer asks about a product through the API, the seller answers on the page and the
 * question moves to the answered list. Tablet and phone screenshots in .local/screenshots.
 */

const STORE_COUPONS = graphql(`
  query SellerCouponsTestList {
    myStore {
      coupons {
        id
        code
        onlyFor
      }
    }
  }
`);
const CLAIM = graphql(`
  mutation SellerCouponsTestClaim($c: ID!) {
    claimCoupon(couponId: $c) {
      __typename
    }
  }
`);
const ASK = graphql(`
  mutation SellerQnaTestAsk($i: AskQuestionInput!) {
    askQuestion(input: $i) {
      __typename
    }
  }
`);

let sys: System;
let app: ClientApp;
let owner: Awaited<ReturnType<typeof skyGardenSeller>>;
let customer = '';
let productId = '';

beforeAll(async () => {
  sys = await startSystem(['identity', 'stores', 'products', 'notifications']);
  owner = await skyGardenSeller(sys);
  productId = await createProductAs(sys, owner.token, {
    name: '노을빛 장미 꽃다발',
    summary: '사랑을 전하는 붉은 장미',
    description: '붉은 장미 열 송이',
    price: 39000,
    category: 'BOUQUET',
    recipe: [{ flowerId: 1, count: 10, representative: true }],
  });
  customer = await customerToken(sys, 'minji@bloom.test');
  app = await startClient('seller', sys.gatewayUrl);
}, 180_000);

afterAll(async () => {
  await app?.close();
  await sys?.close();
});

const couponRow = (page: Page, code: string) => page.locator(`.cpn-row[data-code="${code}"]`);

describe('seller coupons and questions', () => {
  it('creates a coupon through the form and sees it claimed', async () => {
    const { context, page, errors } = await app.tablet();
    await signInSeller(page, '/coupons', '쿠폰');
    await page.getByText('진행 중인 쿠폰이 없어요').waitFor();

    await page.getByRole('button', { name: '새 쿠폰 만들기' }).click();
    await page.getByRole('heading', { name: '새 쿠폰' }).waitFor();
    // Without a name the server names the field; the sentence is Korean and next to it.
    await page.getByRole('button', { name: '쿠폰 만들기' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe('쿠폰 이름을 1~40자로 입력해 주세요.');
    expect(await page.getByLabel('쿠폰 이름').getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel('쿠폰 이름').fill('봄맞이 감사 쿠폰');
    await page.getByLabel('쿠폰 코드').fill('spring-5000');
    await page.getByLabel('할인 금액 (원)').fill('5000');
    await page.getByLabel('최소 주문 금액 (원)').fill('30000');
    await page.getByLabel('발급 수량 (장)').fill('50');
    expect(await page.getByLabel('쿠폰 코드').inputValue()).toBe('SPRING-5000');
    await app.shot(page, 'seller-coupons-form-tablet');
    await page.getByRole('button', { name: '쿠폰 만들기' }).click();

    const row = couponRow(page, 'SPRING-5000');
    await row.waitFor();
    expect(await row.locator('.cpn-name').textContent()).toBe('봄맞이 감사 쿠폰');
    expect(await row.locator('.cpn-discount').textContent()).toBe('5,000원 할인');
    expect(await row.locator('.cpn-terms').textContent()).toContain('30,000원 이상 주문 시');
    expect(await row.locator('.cpn-issued-text').textContent()).toBe('0 / 50장 발급 · 50장 남음');
    expect(await row.locator('.cpn-phase').textContent()).toBe('진행 중');

    // The same code again is refused next to the code field.
    await page.getByRole('button', { name: '새 쿠폰 만들기' }).click();
    await page.getByLabel('쿠폰 이름').fill('중복 쿠폰');
    await page.getByLabel('쿠폰 코드').fill('SPRING-5000');
    await page.getByLabel('할인 금액 (원)').fill('1000');
    await page.getByRole('button', { name: '쿠폰 만들기' }).click();
    await expect
      .poll(() => page.locator('.cpn-form').getByRole('alert').textContent())
      .toBe('이미 쓰고 있는 쿠폰 코드예요. 다른 코드를 정해 주세요.');
    expect(await page.getByLabel('쿠폰 코드').getAttribute('aria-invalid')).toBe('true');
    await page.getByRole('button', { name: '취소' }).click();

    // A customer claims it through the API; the page counts it.
    const listed = await sys.call(STORE_COUPONS, {}, owner.token);
    const couponId = listed.data?.myStore?.coupons.find((c) => c.code === 'SPRING-5000')?.id ?? '';
    expect(couponId).toBeTruthy();
    const claimed = await sys.call(CLAIM, { c: couponId }, customer);
    expect(claimed.data?.claimCoupon.__typename).toBe('CouponClaim');
    await page.reload();
    await expect
      .poll(() => row.locator('.cpn-issued-text').textContent())
      .toBe('1 / 50장 발급 · 49장 남음');
    await app.shot(page, 'seller-coupons-tablet');

    // More issues for the weekend: edited in place, the claim already made still counts.
    await row.getByRole('button', { name: '고치기' }).click();
    await page.getByRole('heading', { name: '쿠폰 고치기' }).waitFor();
    expect(await page.getByLabel('쿠폰 이름').inputValue()).toBe('봄맞이 감사 쿠폰');
    await page.getByLabel('발급 수량 (장)').fill('60');
    // Only for shoppers who come to the shop (issue 16).
    expect(
      await page.getByRole('radio', { name: '배송·픽업 모두' }).getAttribute('aria-checked'),
    ).toBe('true');
    await page.getByRole('radio', { name: '픽업 주문만' }).click();
    await page.getByRole('button', { name: '저장' }).click();
    await expect
      .poll(() => row.locator('.cpn-issued-text').textContent())
      .toBe('1 / 60장 발급 · 59장 남음');
    expect(await row.locator('.cpn-use-line').textContent()).toBe('사용 조건: 픽업 주문만');
    const limited = await sys.call(STORE_COUPONS, {}, owner.token);
    expect(limited.data?.myStore?.coupons.find((c) => c.id === couponId)?.onlyFor).toBe('PICKUP');
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('answers a customer question, which moves to the answered list', async () => {
    await waitFor(
      async () => {
        const asked = await sys.call(
          ASK,
          {
            i: {
              productId,
              storeId: owner.storeId,
              content: '내일 오전에 받을 수 있을까요?',
              secret: false,
            },
          },
          customer,
        );
        return asked.data?.askQuestion.__typename === 'Question' ? true : undefined;
      },
      { what: 'question asked' },
    );

    const { context, page, errors } = await app.tablet();
    await signInSeller(page, '/questions', '문의·리뷰');
    const waiting = page.getByRole('region', { name: '답변 기다리는 문의' });
    const answered = page.getByRole('region', { name: '답변한 문의' });
    const card = waiting.locator('.qna-card', { hasText: '내일 오전에 받을 수 있을까요?' });
    await card.waitFor();
    expect(await card.locator('.qna-product').textContent()).toBe('노을빛 장미 꽃다발');
    expect(await card.getByText('새 문의').count()).toBe(1);
    await answered.getByText('아직 답변한 문의가 없어요').waitFor();

    // An empty answer is refused next to the box.
    await card.getByRole('button', { name: '답변 등록' }).click();
    await expect
      .poll(() => card.getByRole('alert').textContent())
      .toBe('답변을 1~1,000자로 적어 주세요.');

    await card.getByRole('button', { name: '읽음 표시' }).click();
    await expect.poll(() => card.getByText('새 문의').count()).toBe(0);
    await app.shot(page, 'seller-questions-before-tablet');

    await card.getByLabel('답변').fill('네, 오전 10시 전에 보내 드릴게요.');
    await card.getByRole('button', { name: '답변 등록' }).click();
    const done = answered.locator('.qna-card', { hasText: '내일 오전에 받을 수 있을까요?' });
    await done.waitFor();
    expect(await done.locator('.qna-answer').textContent()).toContain(
      '네, 오전 10시 전에 보내 드릴게요.',
    );
    await waiting.getByText('답변할 문의가 없어요').waitFor();
    await app.shot(page, 'seller-questions-tablet');

    await page.getByRole('tab', { name: '리뷰' }).click();
    await page.getByText('아직 받은 리뷰가 없어요').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('shows coupons and questions on a phone', async () => {
    const { context, page, errors } = await app.phone();
    await signInSeller(page, '/questions', '문의·리뷰');
    await page
      .getByRole('region', { name: '답변한 문의' })
      .getByText('네, 오전 10시 전에 보내 드릴게요.')
      .waitFor();
    await app.shot(page, 'seller-questions-phone');
    await page.goto('/coupons');
    await couponRow(page, 'SPRING-5000').waitFor();
    await app.shot(page, 'seller-coupons-phone');
    // Lifting the limit again: both ways.
    await couponRow(page, 'SPRING-5000').getByRole('button', { name: '고치기' }).click();
    await page.getByRole('radio', { name: '배송·픽업 모두' }).click();
    await page.getByRole('button', { name: '저장' }).click();
    await expect
      .poll(() => couponRow(page, 'SPRING-5000').locator('.cpn-use-line').textContent())
      .toBe('사용 조건: 배송·픽업 모두');
    await page.getByRole('button', { name: '새 쿠폰 만들기' }).click();
    await page.getByRole('heading', { name: '새 쿠폰' }).waitFor();
    await app.shot(page, 'seller-coupons-form-phone');
    await page.getByRole('button', { name: '취소' }).click();

    // Ending it asks once, then the coupon leaves the list.
    const row = couponRow(page, 'SPRING-5000');
    await row.getByRole('button', { name: '끝내기' }).click();
    await app.shot(page, 'seller-coupons-end-phone');
    await row.getByRole('button', { name: '발급 끝내기' }).click();
    await page.getByText('진행 중인 쿠폰이 없어요').waitFor();
    await row.waitFor({ state: 'detached' });
    expect(await page.getByText('끝난 쿠폰').count()).toBe(0);
    const listed = await sys.call(STORE_COUPONS, {}, owner.token);
    expect(listed.data?.myStore?.coupons).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
