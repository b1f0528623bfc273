import { expectUnion, waitFor } from '@bloom/testing';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGN_UP_SELLER, SKY_GARDEN_STORE, customerToken } from '../src/actors.js';
import { type ClientApp, signInAdmin, startClient } from '../src/client.harness.js';
import { graphql } from '../src/generated/index.js';
import { type System, startSystem } from '../src/system.harness.js';

/*
 * The admin console's door and its seller applications queue, in real headless Chromium at
 * 1440×900 against the real system: a customer or a seller who signs in sees only the refused
 * page (and no admin query leaves the browser; the API refuses them too); an applicant applies
 * through the API and the admin sees it arrive live, rejects it with a reason (the empty reason
 * is refused next to the field), the applicant re-applies, the admin approves, and the new
 * seller's store can open.
 */

let sys: System;
let app: ClientApp;

beforeAll(async () => {
  sys = await startSystem(['identity', 'stores', 'orders', 'notifications']);
  app = await startClient('admin', sys.gatewayUrl);
}, 120_000);

afterAll(async () => {
  await app?.close();
  await sys?.close();
});

const USERS = graphql(`
  query AdminSellersUsers {
    users(first: 5) {
      totalCount
    }
  }
`);
const APPLY = graphql(`
  mutation AdminSellersApply($i: SellerApplicationInput!) {
    applyForSeller(input: $i) {
      __typename
    }
  }
`);
const CREATE_STORE = graphql(`
  mutation AdminSellersCreateStore($i: CreateStoreInput!) {
    createStore(input: $i) {
      __typename
      ... on Store {
        id
        status
      }
    }
  }
`);

/** The GraphQL operation names the page sends, to check what a refused person's browser asked. */
function operationsOf(page: Page): string[] {
  const names: string[] = [];
  page.on('request', (request) => {
    if (!request.url().includes('/graphql') || request.method() !== 'POST') return;
    const body = request.postDataJSON() as { operationName?: string } | null;
    names.push(body?.operationName ?? '?');
  });
  return names;
}

async function signIn(page: Page, email: string, password: string) {
  await page.goto('/applications');
  // The first page of a fresh Vite server waits for its dependency pre-bundling.
  await page.getByLabel('이메일').waitFor({ timeout: 60_000 });
  await page.getByLabel('이메일').fill(email);
  await page.getByLabel('비밀번호').fill(password);
  await page.getByRole('button', { name: '로그인' }).click();
}

describe('the admin console', () => {
  it('refuses customers and sellers: only the refused page, no admin query, the API says no', async () => {
    await customerToken(sys, 'minji@bloom.test');
    const signUp = await sys.call(SIGN_UP_SELLER, {
      i: {
        email: 'bom@bloom.test',
        password: 'flowers123',
        name: '김봄날',
        businessName: '봄날 꽃집',
        businessRegistrationNumber: '220-81-62517',
      },
    });
    expectUnion(signUp.data?.signUpSeller, 'AuthPayload');
    for (const [email, shot] of [
      ['minji@bloom.test', 'admin-refused-customer'],
      ['bom@bloom.test', 'admin-refused-seller'],
    ] as const) {
      const { context, page, errors } = await app.desktop();
      const sent = operationsOf(page);
      await signIn(page, email, 'flowers123');
      await page.getByRole('heading', { name: '운영자 계정만 들어올 수 있어요' }).waitFor();
      // Every admin page is the same refusal.
      for (const path of ['/', '/users', '/stores', '/orders', '/money', '/health', '/audit']) {
        await page.goto(path);
        await page.getByRole('heading', { name: '운영자 계정만 들어올 수 있어요' }).waitFor();
        expect(await page.getByRole('navigation', { name: '운영 메뉴' }).count()).toBe(0);
      }
      expect(sent).toEqual(['AdminLogIn']);
      await app.shot(page, shot);
      const token = await sys.logIn(email, 'flowers123');
      const refused = await sys.call(USERS, {}, token);
      expect(refused.data).toBeNull();
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(errors).toEqual([]);
      await context.close();
    }
  }, 90_000);

  it('sees an application live, rejects it with a reason, then approves the re-application', async () => {
    // A second admin watches the audit log: the first one's decisions arrive there live.
    const watcher = await app.desktop();
    await signInAdmin(watcher.page, '/audit', '감사 기록');
    const { context, page, errors } = await app.desktop();
    await signInAdmin(page, '/applications', '입점 신청');
    // The first test's seller is still waiting.
    await page.locator('.admin-table tbody tr', { hasText: '봄날 꽃집' }).waitFor();

    const signUp = await sys.call(SIGN_UP_SELLER, {
      i: {
        email: 'sky@bloom.test',
        password: 'flowers123',
        name: '김하늘',
        businessName: '하늘정원 플라워',
        businessRegistrationNumber: '220-81-62517',
      },
    });
    const applicantId = expectUnion(signUp.data?.signUpSeller, 'AuthPayload').user.id;
    // Live: the notice arrives as a toast and the queue refreshes without a reload.
    await page.locator('.toast', { hasText: '새 판매자 신청' }).waitFor({ timeout: 15_000 });
    const row = page.locator('.admin-table tbody tr', { hasText: '하늘정원 플라워' });
    await row.waitFor();
    expect(await row.textContent()).toContain('220-81-62517');
    expect(await row.textContent()).toContain('검증번호 맞음');
    expect(await row.textContent()).toContain('sky@bloom.test');
    // Oldest first: the one who has waited longest is worked first.
    expect(await page.locator('.admin-table tbody tr').allTextContents()).toEqual([
      expect.stringContaining('봄날 꽃집'),
      expect.stringContaining('하늘정원 플라워'),
    ]);
    await app.shot(page, 'admin-applications-live');

    await row.getByRole('button', { name: '반려' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: '반려하기' }).click();
    await dialog.getByText('사유를 적어 주세요.').waitFor();
    expect(await dialog.getByRole('textbox').getAttribute('aria-invalid')).toBe('true');
    await app.shot(page, 'admin-applications-reject-reason');
    await dialog.getByRole('textbox').fill('사업자등록증의 상호와 신청한 상호가 달라요.');
    await dialog.getByRole('button', { name: '반려하기' }).click();
    await page.locator('.toast', { hasText: '하늘정원 플라워 입점을 반려했어요.' }).waitFor();
    await row.waitFor({ state: 'detached' });
    await page.getByRole('tab', { name: /반려 내역/ }).click();
    const rejected = page.locator('.admin-table tbody tr', { hasText: '하늘정원 플라워' });
    await rejected.waitFor();
    expect(await rejected.textContent()).toContain(
      '사유: 사업자등록증의 상호와 신청한 상호가 달라요.',
    );
    await app.shot(page, 'admin-applications-rejected');

    const applicant = await sys.logIn('sky@bloom.test', 'flowers123');
    const reapplied = await sys.call(
      APPLY,
      { i: { businessName: '하늘정원 플라워', businessRegistrationNumber: '220-81-62517' } },
      applicant,
    );
    expect(reapplied.data?.applyForSeller.__typename, JSON.stringify(reapplied)).toBe('User');
    await page.locator('.toast', { hasText: '판매자 재신청' }).waitFor({ timeout: 15_000 });
    await page.getByRole('tab', { name: /심사 대기/ }).click();
    const again = page.locator('.admin-table tbody tr', { hasText: '하늘정원 플라워' });
    await again.waitFor();
    await again.getByRole('button', { name: '승인' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '승인하기' }).click();
    await page.locator('.toast', { hasText: '하늘정원 플라워 입점을 승인했어요.' }).waitFor();
    await again.waitFor({ state: 'detached' });
    expect(await page.locator('.admin-table tbody tr').count()).toBe(1);
    await page.getByRole('tab', { name: /승인 내역/ }).click();
    await page.locator('.admin-table tbody tr', { hasText: '하늘정원 플라워' }).waitFor();
    await app.shot(page, 'admin-applications-approved');

    // The approved seller (signed in again for the SELLER role) opens the store.
    const seller = await sys.logIn('sky@bloom.test', 'flowers123');
    const store = await waitFor(
      async () => {
        const created = await sys.call(CREATE_STORE, { i: SKY_GARDEN_STORE }, seller);
        const result = created.data?.createStore;
        return result?.__typename === 'Store' ? result : undefined;
      },
      { what: 'store created after the approval' },
    );
    expect(store.status).toBe('OPEN');

    // The applicant's detail page shows the decision.
    await page.goto(`/users/${applicantId}`);
    await page.getByRole('heading', { name: '김하늘' }).waitFor();
    await page.getByText('승인', { exact: true }).first().waitFor();
    expect(errors).toEqual([]);
    await context.close();

    const log = watcher.page.locator('.admin-table tbody tr');
    await expect.poll(() => log.count(), { timeout: 15_000 }).toBe(2);
    expect(await log.allTextContents()).toEqual([
      expect.stringContaining('입점 승인'),
      expect.stringMatching(/입점 반려.*사업자등록증의 상호와 신청한 상호가 달라요\./),
    ]);
    expect(await log.first().textContent()).toContain('Platform Admin');
    await app.shot(watcher.page, 'admin-audit-live');
    expect(watcher.errors).toEqual([]);
    await watcher.context.close();
  }, 90_000);
});
