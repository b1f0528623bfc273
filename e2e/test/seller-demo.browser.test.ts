import {
  type PaymentsEmulator,
  loadPaymentsEmulatorConfig,
  startPaymentsEmulator,
} from '@bloom/payments-emulator';
import { ADMIN_ACCOUNT } from '@bloom/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_PASSWORD, demoSellers, seedIdentity } from '../../scripts/seed/identity.seed.js';
import { seedOrders } from '../../scripts/seed/orders.seed.js';
import { seedProducts } from '../../scripts/seed/products.seed.js';
import { createSeedApi } from '../../scripts/seed/seed.api.js';
import { seedStores } from '../../scripts/seed/stores.seed.js';
import { type ClientApp, startClient } from '../src/client.harness.js';
import { type System, startSystem } from '../src/system.harness.js';

/*
 * The demo data `npm start` loads (scripts/seed), run against a fresh test system: each demo
 * seller (seller1…seller4, the README's password) signs in to the dashboard and lands on their
 * own shop's board with its orders.
 */

let sys: System;
let pg: PaymentsEmulator;
let app: ClientApp;

beforeAll(async () => {
  pg = await startPaymentsEmulator(loadPaymentsEmulatorConfig({ PORT: '0', LOG_LEVEL: 'silent' }));
  sys = await startSystem(
    ['identity', 'stores', 'products', 'orders', 'giftcards', 'notifications'],
    { PAYMENTS_URL: pg.url },
  );
  const api = { ...createSeedApi(new URL('/graphql', sys.gatewayUrl).href), log: () => undefined };
  await seedIdentity(api, ADMIN_ACCOUNT);
  await seedStores(api);
  await seedProducts(api);
  await seedOrders(api);
  app = await startClient('seller', sys.gatewayUrl);
}, 240_000);

afterAll(async () => {
  await app?.close();
  await sys?.close();
  await pg?.close();
});

describe('the demo sellers', () => {
  it.each(demoSellers.map((s) => [s.email, s.businessName] as const))(
    '%s signs in and sees %s with its orders',
    async (email, businessName) => {
      const { context, page, errors } = await app.tablet();
      await page.goto('/');
      await page.getByLabel('이메일').fill(email);
      await page.getByLabel('비밀번호').fill(SEED_PASSWORD);
      await page.getByRole('button', { name: '로그인' }).click();
      await page.getByRole('heading', { name: '오늘 주문' }).waitFor();
      await page.locator('.seller-store-name', { hasText: businessName }).waitFor();
      await expect.poll(() => page.locator('[data-order-id]').count()).toBeGreaterThan(0);
      if (email === 'seller1@bloom.test') await app.shot(page, 'seller-demo-seller1-tablet');
      expect(errors).toEqual([]);
      await context.close();
    },
    60_000,
  );
});
