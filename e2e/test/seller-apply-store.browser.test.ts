import { ADMIN_ACCOUNT } from '@bloom/testing';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPROVE_SELLER } from '../src/actors.js';
import { graphql } from '../src/generated/index.js';
import { type ClientApp, SCREENSHOTS, startClient } from '../src/client.harness.js';
import { type System, startSystem } from '../src/system.harness.js';

/*
 * Becoming a seller and setting up the store in real headless Chromium against the real
 * gateway and subgraphs: a florist signs up on /apply (the registration number's checksum is
 * judged as they type), waits on the pending page, the admin approves through the API and the
 * page turns to "approved" live, without a reload; the florist opens the store through the
 * form (a typed error lands next to its field), then edits the delivery fee on its own.
 */

let sys: System;
let app: ClientApp;

beforeAll(async () => {
  sys = await startSystem(['identity', 'stores', 'notifications']);
  app = await startClient('seller', sys.gatewayUrl);
}, 120_000);

afterAll(async () => {
  await app?.close();
  await sys?.close();
});

const EMAIL = 'bom@bloom.test';
const PASSWORD = 'flowers123';

/** The signed-in user's id, from the dashboard's own session in localStorage. */
async function sessionUser(page: Page): Promise<{ id: string; roles: string[] }> {
  const raw = await page.evaluate<string | null>(`localStorage.getItem('bloom.seller.session')`);
  const session = JSON.parse(raw ?? 'null') as { user: { id: string; roles: string[] } } | null;
  if (!session) throw new Error('no seller session in the browser');
  return session.user;
}

const REJECT_SELLER = graphql(`
  mutation SellerApplyRejectSeller($id: ID!, $reason: String!) {
    rejectSeller(userId: $id, reason: $reason) {
      __typename
    }
  }
`);

const feedback = (page: Page) => page.locator('#brn-feedback');

describe('becoming a seller and opening the store', () => {
  it('signs up, turns approved live, and opens the store through the form', async () => {
    const { context, page, errors } = await app.tablet();
    await page.goto('/apply');
    await page.getByRole('heading', { name: '판매자로 가입하기' }).waitFor({ timeout: 60_000 });

    await page.getByLabel('이름', { exact: true }).fill('김봄날');
    await page.getByLabel('이메일').fill(EMAIL);
    await page.getByLabel('비밀번호').fill(PASSWORD);
    await page.getByLabel('휴대폰 번호 (선택)').fill('010-2345-6789');
    await page.getByLabel('상호 (사업자등록증의 이름)').fill('봄날 꽃집');
    const number = page.getByLabel('사업자등록번호');
    const send = page.getByRole('button', { name: '가입하고 판매 신청하기' });

    // The checksum is judged as the florist types; dashes come by themselves.
    await number.pressSequentially('22081');
    expect(await number.inputValue()).toBe('220-81');
    expect(await feedback(page).getAttribute('data-state')).toBe('typing');
    await number.pressSequentially('62518');
    expect(await number.inputValue()).toBe('220-81-62518');
    await expect
      .poll(() => feedback(page).textContent())
      .toContain('올바른 사업자등록번호가 아니에요');
    expect(await number.getAttribute('aria-invalid')).toBe('true');
    expect(await send.isDisabled()).toBe(true);
    await number.fill('2208162517');
    expect(await number.inputValue()).toBe('220-81-62517');
    await expect.poll(() => feedback(page).textContent()).toBe('올바른 사업자등록번호예요.');
    expect(await send.isDisabled()).toBe(false);
    await app.shot(page, 'seller-apply-form-tablet');

    await send.click();
    await page.getByRole('heading', { name: '판매 신청을 확인하고 있어요' }).waitFor();
    await page.getByText('봄날 꽃집').waitFor();
    const before = await sessionUser(page);
    expect(before.roles).not.toContain('SELLER');
    await app.shot(page, 'seller-apply-pending-tablet');

    // A marker that a reload would wipe: the change must come live.
    await page.evaluate(`window.stillHere = true`);
    const admin = await sys.logIn(ADMIN_ACCOUNT.email, ADMIN_ACCOUNT.password);
    const decided = await sys.call(APPROVE_SELLER, { id: before.id }, admin);
    expect(decided.data?.approveSeller.__typename).toBe('User');

    // Faster than the 30-second backup poll: the notice over the socket did it.
    await page.getByRole('heading', { name: '판매자로 승인되었어요' }).waitFor({ timeout: 20_000 });
    const setUp = page.getByRole('link', { name: '매장 설정하기' });
    await setUp.waitFor();
    expect(await page.evaluate<boolean | undefined>(`window.stillHere`)).toBe(true);
    // The session was refreshed: the token now carries SELLER, so the dashboard lets them in.
    expect((await sessionUser(page)).roles).toContain('SELLER');
    await app.shot(page, 'seller-apply-approved-tablet');

    await setUp.click();
    await page.getByRole('heading', { name: '매장 열기' }).waitFor();
    await page.locator('input[name=storeName]').fill('봄날 꽃집');
    await page.locator('textarea[name=description]').fill('망원동 골목의 작은 꽃집이에요.');
    await page.locator('input[name=storePhone]').fill('02-335-1234');
    await page.locator('select[name=closesAt]').selectOption('19:30');
    await page.getByRole('button', { name: '월', exact: true }).click();
    await page.locator('select[name=regionCode]').selectOption({ label: '서울' });
    await page.locator('select[name=districtCode]').selectOption({ label: '마포구' });
    await page.locator('input[name=street]').fill('서울 마포구 망원로 12');
    await page.locator('input[name=detail]').fill('1층');
    await page.locator('input[name=zipCode]').fill('0400');
    await page.locator('input[name=latitude]').fill('37.5559');
    await page.locator('input[name=longitude]').fill('126.9019');
    await page.locator('select[name=bank]').selectOption('신한은행');
    await page.locator('input[name=accountNumber]').fill('110-123-456789');
    await page.locator('input[name=accountHolder]').fill('김봄날');
    await page.getByRole('button', { name: '시간대 추가' }).click();
    await page.getByLabel('3번째 시간대 끝').selectOption('20:00');
    await page.getByRole('button', { name: '매장 열기' }).click();

    // The server's typed error, in Korean, under the zip code it concerns.
    const zipError = page.locator('#store-address [role=alert]');
    await expect.poll(() => zipError.textContent()).toBe('우편번호 5자리를 입력해 주세요.');
    expect(await page.locator('input[name=zipCode]').getAttribute('aria-invalid')).toBe('true');
    await app.shot(page, 'seller-store-create-tablet');

    await page.locator('input[name=zipCode]').fill('04007');
    await page.getByRole('button', { name: '매장 열기' }).click();
    await page.getByRole('heading', { name: '매장 설정' }).waitFor();
    await page.getByText('‘봄날 꽃집’ 매장을 열었어요!').waitFor();
    expect(await page.locator('select[name=closesAt]').inputValue()).toBe('19:30');
    expect(await page.locator('select[name=districtCode]').inputValue()).toBe('11440');
    expect(
      await page.getByRole('button', { name: '월', exact: true }).getAttribute('aria-pressed'),
    ).toBe('true');
    expect(await page.locator('.store-window').count()).toBe(3);

    // One section saves on its own; a bad value is refused next to its field.
    const delivery = page.locator('#store-delivery');
    await delivery.locator('input[name=fee]').fill('200000');
    await delivery.getByRole('button', { name: '배송 저장' }).click();
    await expect
      .poll(() => delivery.locator('[role=alert]').textContent())
      .toBe('배송비는 0원부터 100,000원까지 숫자로 입력해 주세요.');
    await delivery.locator('input[name=fee]').fill('4000');
    await delivery.getByRole('button', { name: '배송 저장' }).click();
    await delivery.getByText('저장했어요.').waitFor();
    await app.shot(page, 'seller-store-edit-tablet');

    await page.reload();
    await page.getByRole('heading', { name: '매장 설정' }).waitFor();
    expect(await page.locator('input[name=fee]').inputValue()).toBe('4000');
    expect(await page.locator('input[name=storeName]').inputValue()).toBe('봄날 꽃집');
    expect(errors).toEqual([]);
    await context.close();

    // The same pages on the phone in the pocket.
    const phone = await app.phone();
    await phone.page.goto('/apply');
    await phone.page.getByRole('heading', { name: '판매자로 가입하기' }).waitFor();
    await app.shot(phone.page, 'seller-apply-form-phone');
    await phone.page.goto('/sign-in?next=%2Fstore');
    await phone.page.getByLabel('이메일').fill(EMAIL);
    await phone.page.getByLabel('비밀번호').fill(PASSWORD);
    await phone.page.getByRole('button', { name: '로그인' }).click();
    await phone.page.getByRole('heading', { name: '매장 설정' }).waitFor();
    await app.shot(phone.page, 'seller-store-edit-phone');
    // Close-ups of the busiest cards at the phone's real size.
    for (const section of ['hours', 'delivery']) {
      await phone.page
        .locator(`#store-${section}`)
        .screenshot({ path: `${SCREENSHOTS}seller-store-${section}-phone.png` });
    }
    expect(phone.errors).toEqual([]);
    await phone.context.close();
  }, 180_000);

  it('shows the rejection reason live on the phone and lets the florist apply again', async () => {
    const { context, page, errors } = await app.phone();
    await page.goto('/apply');
    await page.getByRole('heading', { name: '판매자로 가입하기' }).waitFor({ timeout: 60_000 });
    await page.getByLabel('이름', { exact: true }).fill('이여름');
    await page.getByLabel('이메일').fill('summer@bloom.test');
    await page.getByLabel('비밀번호').fill(PASSWORD);
    await page.getByLabel('상호 (사업자등록증의 이름)').fill('여름 꽃방');
    await page.getByLabel('사업자등록번호').fill('1248100998');
    await page.getByRole('button', { name: '가입하고 판매 신청하기' }).click();
    await page.getByRole('heading', { name: '판매 신청을 확인하고 있어요' }).waitFor();
    await app.shot(page, 'seller-apply-pending-phone');

    const admin = await sys.logIn(ADMIN_ACCOUNT.email, ADMIN_ACCOUNT.password);
    const reason = '사업자등록증의 상호와 신청한 상호가 달라요.';
    const decided = await sys.call(
      REJECT_SELLER,
      { id: (await sessionUser(page)).id, reason },
      admin,
    );
    expect(decided.data?.rejectSeller.__typename).toBe('User');

    await page
      .getByRole('heading', { name: '판매 신청이 승인되지 않았어요' })
      .waitFor({ timeout: 20_000 });
    await page.getByText(reason).waitFor();
    // The form comes filled in with what was sent; the florist fixes the name and sends again.
    const name = page.getByLabel('상호 (사업자등록증의 이름)');
    expect(await name.inputValue()).toBe('여름 꽃방');
    expect(await page.getByLabel('사업자등록번호').inputValue()).toBe('124-81-00998');
    await app.shot(page, 'seller-apply-rejected-phone');
    await name.fill('여름꽃방 플라워');
    await page.getByRole('button', { name: '다시 신청하기' }).click();
    await page.getByRole('heading', { name: '판매 신청을 확인하고 있어요' }).waitFor();
    await page.getByText('여름꽃방 플라워').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
