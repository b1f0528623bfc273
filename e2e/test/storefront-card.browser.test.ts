import {
  type PaymentsEmulator,
  loadPaymentsEmulatorConfig,
  startPaymentsEmulator,
} from '@bloom/payments-emulator';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProductAs, customerToken, skyGardenSeller } from '../src/actors.js';
import { placeCartOrder } from '../src/orders.actions.js';
import { graphql } from '../src/generated/index.js';
import { type Storefront, startStorefront } from '../src/storefront.harness.js';
import { type System, startSystem } from '../src/system.harness.js';
import {
  type OpenAiStub,
  STUB_MESSAGES,
  startCardAiStub,
} from '../../subgraphs/giftcards/test/openai.stub.js';

/*
 * The message card in real headless Chromium on a phone: a customer who ordered (through the
 * API) writes the card from AI suggestions (the local OpenAI-compatible stub), edits it, picks
 * a design, previews and saves it, gets the recipient's link; a fresh browser context opens
 * the link with no account and sees the message. With the AI failing, the offline suggestions
 * appear with no error. Screenshots land in .local/screenshots.
 */

let sys: System;
let pg: PaymentsEmulator;
let sf: Storefront;
let stub: OpenAiStub;
let productId = '';

const SET_STOCK = graphql(`
  mutation StorefrontCardSetStock($s: ID!) {
    setFlowerStock(storeId: $s, items: [{ flowerId: 1, available: 60 }]) {
      __typename
    }
  }
`);
const ORDER_STATUS = graphql(`
  query StorefrontCardOrderStatus($id: ID!) {
    order(id: $id) {
      status
      lines {
        id
        hasGiftCard
      }
    }
  }
`);

beforeAll(async () => {
  stub = await startCardAiStub();
  pg = await startPaymentsEmulator(loadPaymentsEmulatorConfig({ PORT: '0', LOG_LEVEL: 'silent' }));
  sys = await startSystem(
    ['identity', 'stores', 'products', 'orders', 'giftcards', 'notifications'],
    {
      PAYMENTS_URL: pg.url,
      OPENAI_API_KEY: 'sk-e2e-stub',
      OPENAI_BASE_URL: stub.baseURL,
      CARD_AI_TIMEOUT_MS: '2000',
    },
  );
  const owner = await skyGardenSeller(sys);
  await sys.call(SET_STOCK, { s: owner.storeId }, owner.token);
  productId = await createProductAs(sys, owner.token, {
    name: '노을빛 장미 꽃다발',
    summary: '사랑을 전하는 붉은 장미',
    description: '붉은 장미 열 송이를 노을빛 포장지에 담았습니다.',
    price: 39000,
    category: 'BOUQUET',
    recipe: [{ flowerId: 1, count: 10, representative: true }],
  });
  sf = await startStorefront(sys.gatewayUrl);
}, 180_000);

afterAll(async () => {
  await sf?.close();
  await sys?.close();
  await pg?.close();
  await stub?.close();
});

/** A confirmed order of two bouquets placed through the API; its id. */
const placeOrder = (token: string, key: string) =>
  placeCartOrder(sys, token, { productIds: [productId], quantity: 2, key, expectedTotal: 78000 });

async function signIn(page: Page, email: string, next: string) {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  // The first page of a fresh Vite server waits for its dependency pre-bundling.
  await page.getByLabel('이메일').waitFor({ timeout: 60_000 });
  await page.getByLabel('이메일').fill(email);
  await page.getByLabel('비밀번호').fill('flowers123');
  await page.getByRole('button', { name: '로그인' }).click();
  await page.getByRole('heading', { name: '주문 상세' }).waitFor();
}

/** Recipient, occasion and tone, then the suggestions. */
async function askForIdeas(page: Page) {
  await page.getByRole('button', { name: '메시지 카드 쓰기' }).click();
  await page.getByRole('radio', { name: '연인', exact: true }).click();
  await page.getByRole('radio', { name: '생일', exact: true }).click();
  await page.getByRole('radio', { name: '다정하게', exact: true }).click();
  await page.getByRole('button', { name: '문구 추천받기' }).click();
  const ideas = page.getByRole('list', { name: '추천 문구' }).getByRole('button');
  await ideas.first().waitFor({ timeout: 15_000 });
  return ideas;
}

describe('the message card', () => {
  it('is written from AI suggestions, edited, saved, and opened by the recipient from its link', async () => {
    stub.mode = 'normal';
    const token = await customerToken(sys, 'card@bloom.test', '이지수');
    const orderId = await placeOrder(token, 'storefront-card-0001');
    const { context, page, errors } = await sf.phone();
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await signIn(page, 'card@bloom.test', `/orders/${orderId}`);

    const ideas = await askForIdeas(page);
    expect(await ideas.count()).toBe(3);
    const texts = await ideas.allInnerTexts();
    expect(texts.map((t) => t.replace(/^추천\s*/, ''))).toEqual(STUB_MESSAGES);
    await expect
      .poll(() => page.getByText(/꽃말 ‘.+’\. 받는 분과 날에 맞춰 쓴 추천 문구예요/).count())
      .toBe(1);
    expect(stub.requests.length).toBeGreaterThan(0);
    await sf.shot(page, 'storefront-card-ideas');

    // Pick the second idea and make it one's own; the counter follows the API's limit.
    await ideas.nth(1).click();
    const message = page.getByLabel('카드 문구');
    expect(await message.inputValue()).toBe(STUB_MESSAGES[1]);
    const mine = `${STUB_MESSAGES[1] ?? ''}\n늘 고마워.`;
    await message.fill(mine);
    await page.getByText(`${[...mine].length} / 200자`).waitFor();
    await page.getByLabel(/보내는 분/).fill('막내딸 지수');
    await page.getByRole('radio', { name: '보라', exact: true }).click();
    const designs = page.getByRole('radiogroup', { name: '카드 디자인' }).getByRole('radio');
    expect(await designs.count()).toBe(6);
    await designs.nth(2).click();
    const design = (await designs.nth(2).getAttribute('aria-label')) ?? '';
    expect(design).toContain('보라');
    await sf.shot(page, 'storefront-card-edit');

    // Too long: the counter says so and the preview waits.
    await message.fill('꽃'.repeat(201));
    await page.getByText('201 / 200자 · 조금만 줄여 주세요').waitFor();
    expect(await page.getByRole('button', { name: '미리 보기' }).isDisabled()).toBe(true);
    await message.fill(mine);

    await page.getByRole('button', { name: '미리 보기' }).click();
    const preview = page.locator('.gift-face');
    await preview.waitFor();
    expect(await preview.locator('blockquote').innerText()).toBe(mine);
    expect(await preview.innerText()).toContain('막내딸 지수 드림');
    await sf.shot(page, 'storefront-card-preview');
    await page.getByRole('button', { name: '카드 저장하기' }).click();

    // Saved: the order page shows the card and its link once.
    await page.getByRole('heading', { name: /메시지 카드 · 노을빛 장미 꽃다발/ }).waitFor();
    const link = await page.getByLabel('받는 분 링크').inputValue();
    expect(link).toMatch(new RegExp(`^${sf.url}/card/[0-9a-f]{24}/[0-9A-Za-z]{12}$`));
    await page.getByRole('button', { name: '링크 보내기' }).click();
    await page.locator('.toast', { hasText: '링크를 복사했어요' }).waitFor();
    expect(await page.evaluate<string>('navigator.clipboard.readText()')).toBe(link);
    const line = await sys.call(ORDER_STATUS, { id: orderId }, token);
    expect(line.data?.order?.lines.map((l) => l.hasGiftCard)).toEqual([true]);
    await sf.shot(page, 'storefront-card-saved');

    // Edit it: the same link keeps working with the new words.
    await page.getByRole('button', { name: '카드 고치기' }).click();
    const edited = `${mine}\n생일 축하해!`;
    await page.getByLabel('카드 문구').fill(edited);
    await page.getByRole('button', { name: '미리 보기' }).click();
    await page.getByRole('button', { name: '카드 저장하기' }).click();
    await page.getByRole('heading', { name: /메시지 카드 · 노을빛 장미 꽃다발/ }).waitFor();
    await expect.poll(() => page.locator('.gift-face blockquote').innerText()).toBe(edited);

    // The recipient: a new browser, no account.
    const recipient = await sf.phone();
    await recipient.page.goto(link);
    await recipient.page.getByText('꽃과 함께 마음이 도착했어요').waitFor({ timeout: 60_000 });
    expect(await recipient.page.locator('.gift-face blockquote').innerText()).toBe(edited);
    expect(await recipient.page.locator('.gift-face').innerText()).toContain('막내딸 지수 드림');
    expect(await recipient.page.locator('.gift-face img').getAttribute('alt')).toBe(
      `${design} 카드`,
    );
    await sf.shot(recipient.page, 'storefront-card-recipient');

    // A new link retires the old one.
    await page.getByRole('button', { name: '받는 분 링크 새로 만들기' }).click();
    const shown = page.getByLabel('받는 분 링크');
    await expect.poll(() => shown.inputValue()).not.toBe(link);
    const renewed = await shown.inputValue();
    expect(renewed).toMatch(/\/card\/[0-9a-f]{24}\/[0-9A-Za-z]{12}$/);
    await recipient.page.goto(link);
    await recipient.page.getByText('카드를 열 수 없어요.', { exact: false }).waitFor();
    await recipient.page.goto(renewed);
    await recipient.page.getByText('꽃과 함께 마음이 도착했어요').waitFor();

    expect(errors).toEqual([]);
    expect(recipient.errors).toEqual([]);
    await recipient.context.close();
    await context.close();
  }, 180_000);

  it('calls an older sister 언니 and by her name when the sender says so', async () => {
    stub.mode = 'error';
    const token = await customerToken(sys, 'sister@bloom.test', '이하나');
    const orderId = await placeOrder(token, 'storefront-card-0003');
    const { context, page, errors } = await sf.phone();
    await signIn(page, 'sister@bloom.test', `/orders/${orderId}`);
    await page.getByRole('button', { name: '메시지 카드 쓰기' }).click();
    // How to call them is asked only for older siblings; a name is not asked for parents.
    expect(await page.getByRole('radiogroup', { name: '부르는 말' }).count()).toBe(0);
    expect(await page.getByLabel('받는 분 이름 (선택)').count()).toBe(0);
    await page.getByRole('radio', { name: '누나·언니', exact: true }).click();
    await page.getByRole('radio', { name: '언니', exact: true }).click();
    await page.getByLabel('받는 분 이름 (선택)').fill('지민');
    await page.getByRole('radio', { name: '집들이', exact: true }).click();
    await sf.shot(page, 'storefront-card-ask-sister');
    await page.getByRole('button', { name: '문구 추천받기' }).click();
    const ideas = page.getByRole('list', { name: '추천 문구' }).getByRole('button');
    await ideas.first().waitFor({ timeout: 15_000 });
    const texts = (await ideas.allInnerTexts()).join('\n');
    expect(texts).toContain('지민 언니');
    expect(texts).not.toContain('누나');
    expect(texts).toMatch(/집들이|새집|보금자리/);
    await sf.shot(page, 'storefront-card-ideas-sister');
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('offers the offline suggestions, without an error, when the AI is down', async () => {
    stub.mode = 'error';
    const token = await customerToken(sys, 'offline@bloom.test', '박하늘');
    const orderId = await placeOrder(token, 'storefront-card-0002');
    const { context, page, errors } = await sf.phone();
    await signIn(page, 'offline@bloom.test', `/orders/${orderId}`);
    const before = stub.requests.length;

    const ideas = await askForIdeas(page);
    expect(await ideas.count()).toBe(3);
    const texts = await ideas.allInnerTexts();
    expect(stub.requests.length).toBeGreaterThan(before);
    for (const text of texts) expect(STUB_MESSAGES).not.toContain(text.replace(/^추천\s*/, ''));
    expect(new Set(texts).size).toBe(3);
    expect(await page.getByRole('alert').count()).toBe(0);
    await sf.shot(page, 'storefront-card-offline');

    await ideas.first().click();
    await page.getByRole('button', { name: '미리 보기' }).click();
    await page.getByRole('button', { name: '카드 저장하기' }).click();
    await page.getByRole('heading', { name: /메시지 카드 · 노을빛 장미 꽃다발/ }).waitFor();
    expect(await page.locator('.gift-face').innerText()).toContain('익명으로');
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
