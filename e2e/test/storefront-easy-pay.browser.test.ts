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
 * Easy pay in real headless Chromium on a phone: the shopper picks KakaoPay at checkout, the
 * browser goes to the payments emulator's approval page (a real page on the emulator's own
 * origin), and comes back to the storefront, which finishes the payment. Approving confirms the
 * order, charged once; declining or canceling on the page fails it with a clear Korean message
 * and nothing captured, the flowers back in stock. Screenshots land in .local/screenshots.
 */

let sys: System;
let pg: PaymentsEmulator;
let sf: Storefront;
let productId = '';

const SET_STOCK = graphql(`
  mutation EasyPaySetStock($s: ID!) {
    setFlowerStock(storeId: $s, items: [{ flowerId: 1, available: 50 }]) {
      __typename
    }
  }
`);
const PRODUCT_STOCK = graphql(`
  query EasyPayProductStock($id: ID!) {
    product(id: $id) {
      availableQuantity
    }
  }
`);
const MY_ORDERS = graphql(`
  query EasyPayMyOrders {
    myOrders {
      nodes {
        id
        status
        paymentMethod
        failure {
          code
        }
        delivery {
          recipientName
          senderName
          anonymous
        }
      }
    }
  }
`);

interface LedgerPayment {
  orderId: string;
  status: string;
  easyPay?: string;
  transactions: { type: string }[];
}

const ledger = async (): Promise<LedgerPayment[]> =>
  ((await (await fetch(`${pg.url}/__emulator/payments`)).json()) as { payments: LedgerPayment[] })
    .payments;

beforeAll(async () => {
  pg = await startPaymentsEmulator(loadPaymentsEmulatorConfig({ PORT: '0', LOG_LEVEL: 'silent' }));
  sys = await startSystem(['identity', 'stores', 'products', 'orders', 'notifications'], {
    PAYMENTS_URL: pg.url,
  });
  const owner = await skyGardenSeller(sys);
  await sys.call(SET_STOCK, { s: owner.storeId }, owner.token);
  productId = await createProductAs(sys, owner.token, {
    name: '수국 한 아름 꽃다발',
    summary: '진심을 전하는 푸른 수국',
    description: '푸른 수국을 한 아름 담았어요.',
    price: 45000,
    category: 'BOUQUET',
    recipe: [{ flowerId: 1, count: 10, representative: true }],
  });
  await waitFor(
    async () =>
      (await sys.call(PRODUCT_STOCK, { id: productId })).data?.product?.availableQuantity === 5,
    { what: 'bouquet stock known' },
  );
  sf = await startStorefront(sys.gatewayUrl);
}, 180_000);

afterAll(async () => {
  await sf?.close();
  await sys?.close();
  await pg?.close();
});

/** Signs up a new shopper and fills the checkout of one bouquet up to the pay button. */
async function checkoutWithKakaoPay(page: Page, email: string) {
  const checkout = `/checkout?buyNow=${productId}&quantity=1`;
  await page.goto(`/sign-up?next=${encodeURIComponent(checkout)}`);
  await page.locator('input[name=name]').fill('정다은');
  await page.locator('input[name=email]').fill(email);
  await page.locator('input[name=password]').fill('flowers123');
  await page.getByRole('button', { name: /가입/ }).click();
  await page.getByRole('heading', { name: '주문하기' }).waitFor({ timeout: 20_000 });
  await page.locator('input[name=recipientName]').fill('김하늘');
  await page.locator('input[name=phone]').fill('010-1234-5678');
  await page.locator('input[name=zipCode]').fill('04066');
  await page.locator('input[name=line1]').fill('서울 마포구 와우산로 94');
  await page.locator('input[name=senderName]').fill('이하늘');
  await page.getByLabel('익명으로 보내기').check();
  await page.getByRole('radio', { name: /카카오페이/ }).click();
  await page.getByText('총 결제 금액').waitFor();
  const pay = page.getByRole('button', { name: /카카오페이로 .*결제하기/ });
  await pay.waitFor();
  await sf.shot(page, 'storefront-easy-pay-checkout');
  await pay.click();
  // Off to the wallet's page, on the emulator's own origin.
  await page.waitForURL(`${pg.url}/checkout/**`, { timeout: 30_000 });
  await page.getByText('카카오페이', { exact: true }).waitFor();
}

describe('easy pay through the provider page', () => {
  it('approves on the wallet page, comes back confirmed, charged once, sent anonymously', async () => {
    const { context, page, errors } = await sf.phone();
    await checkoutWithKakaoPay(page, 'easy-ok@bloom.test');
    await sf.shot(page, 'storefront-easy-pay-wallet');
    await page.getByRole('button', { name: /결제하기/ }).click();
    await page.waitForURL(/\/orders\/[0-9a-f]{24}/, { timeout: 30_000 });
    await page.getByText('보내는 분').waitFor();
    await page.getByText('(익명으로 보내요)').waitFor();
    // The return page finished the payment before showing the order: it is confirmed at once.
    expect(await page.locator('.row .status-pill').textContent()).toBe('주문 확정');
    await sf.shot(page, 'storefront-easy-pay-confirmed');

    const token = await sys.logIn('easy-ok@bloom.test', 'flowers123');
    const [order] = (await sys.call(MY_ORDERS, {}, token)).data?.myOrders.nodes ?? [];
    expect(order).toMatchObject({
      status: 'CONFIRMED',
      paymentMethod: 'KAKAO_PAY',
      delivery: { recipientName: '김하늘', senderName: '이하늘', anonymous: true },
    });
    const mine = (await ledger()).filter((p) => p.orderId === order?.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]?.easyPay).toBe('KAKAO_PAY');
    expect(mine[0]?.transactions.filter((t) => t.type === 'CAPTURE')).toHaveLength(1);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('a decline on the wallet page comes back as a clear message; nothing is charged', async () => {
    const { context, page, errors } = await sf.phone();
    await checkoutWithKakaoPay(page, 'easy-declined@bloom.test');
    await fetch(`${pg.url}/__emulator/scenarios`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ scenario: 'decline', times: 1 }),
    });
    await page.getByRole('button', { name: /결제하기/ }).click();
    await page.getByRole('heading', { name: '결제하지 못했어요' }).waitFor({ timeout: 30_000 });
    await page.getByText('카드사에서 결제를 거절했어요.', { exact: false }).waitFor();
    await page.getByText('청구된 금액은 없어요.').waitFor();
    await sf.shot(page, 'storefront-easy-pay-declined');

    const token = await sys.logIn('easy-declined@bloom.test', 'flowers123');
    const [order] = (await sys.call(MY_ORDERS, {}, token)).data?.myOrders.nodes ?? [];
    expect(order).toMatchObject({ status: 'FAILED', failure: { code: 'PAYMENT_DECLINED' } });
    const mine = (await ledger()).filter((p) => p.orderId === order?.id);
    expect(mine.map((p) => p.status)).toEqual(['DECLINED']);
    expect(mine.flatMap((p) => p.transactions).some((t) => t.type === 'CAPTURE')).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('a cancel on the wallet page fails the order with nothing charged; the flowers go back', async () => {
    const { context, page, errors } = await sf.phone();
    await checkoutWithKakaoPay(page, 'easy-canceled@bloom.test');
    await page.getByRole('button', { name: '결제 취소' }).click();
    await page.getByRole('heading', { name: '결제하지 못했어요' }).waitFor({ timeout: 30_000 });
    await page.getByText('결제 화면에서 결제를 취소했어요.').waitFor();
    await sf.shot(page, 'storefront-easy-pay-canceled');

    const token = await sys.logIn('easy-canceled@bloom.test', 'flowers123');
    const [order] = (await sys.call(MY_ORDERS, {}, token)).data?.myOrders.nodes ?? [];
    expect(order).toMatchObject({ status: 'FAILED', failure: { code: 'PAYMENT_CANCELED' } });
    const mine = (await ledger()).filter((p) => p.orderId === order?.id);
    // The payment existed and was canceled at the provider, without a capture.
    expect(mine.map((p) => p.status)).toEqual(['CANCELED']);
    expect(mine.flatMap((p) => p.transactions).some((t) => t.type === 'CAPTURE')).toBe(false);
    // One bouquet was confirmed in the first test; the canceled one is back on the shelf.
    await expect
      .poll(
        async () =>
          (await sys.call(PRODUCT_STOCK, { id: productId })).data?.product?.availableQuantity,
      )
      .toBe(4);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
