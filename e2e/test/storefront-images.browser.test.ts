import { ADMIN_ACCOUNT } from '@bloom/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedIdentity } from '../../scripts/seed/identity.seed.js';
import { seedProducts } from '../../scripts/seed/products.seed.js';
import { createSeedApi } from '../../scripts/seed/seed.api.js';
import { seedStores } from '../../scripts/seed/stores.seed.js';
import { type Storefront, startStorefront } from '../src/storefront.harness.js';
import { type System, startSystem } from '../src/system.harness.js';

/*
 * The demo catalogue's pictures on a phone: the seed draws each product from its recipe and
 * uploads it like a seller; the storefront shows them from relative /images URLs, which its
 * server proxies to the gateway (so they work on any device). Screenshot in .local/screenshots.
 */

let sys: System;
let app: Storefront;
const seedLog: string[] = [];
beforeAll(async () => {
  sys = await startSystem(['identity', 'stores', 'products']);
  const api = {
    ...createSeedApi(new URL('/graphql', sys.gatewayUrl).href),
    log: (message: string) => void seedLog.push(message),
  };
  await seedIdentity(api, ADMIN_ACCOUNT);
  await seedStores(api);
  await seedProducts(api);
  app = await startStorefront(sys.gatewayUrl);
}, 240_000);
afterAll(async () => {
  await app?.close();
  await sys?.close();
});

describe('demo product pictures', () => {
  it('shows every product card with its drawn photo from a relative URL', async () => {
    expect(seedLog.filter((line) => line.includes('photos skipped'))).toEqual([]);
    const { context, page, errors } = await app.phone();
    await page.goto('/');
    // Every card's picture, placeholders included: a product whose photo was lost must fail below.
    const all = page.locator('.product-card .thumb img');
    await all.first().waitFor();
    // Photos load lazily: bring each into view, as a shopper scrolling does.
    for (let i = 0; i < (await all.count()); i += 1) await all.nth(i).scrollIntoViewIfNeeded();
    await page.waitForLoadState('networkidle');
    // The e2e workspace has no DOM typings: the few image fields read, typed by hand.
    type Img = {
      getAttribute(name: string): string | null;
      complete: boolean;
      naturalWidth: number;
    };
    const photos = await all.evaluateAll((images: unknown[]) =>
      images.map((image) => {
        const img = image as Img;
        return { src: img.getAttribute('src') ?? '', decoded: img.complete ? img.naturalWidth : 0 };
      }),
    );
    expect(photos.length).toBeGreaterThan(3);
    for (const photo of photos) {
      expect(photo.src).toMatch(/^\/images\/[a-f0-9]{32}\.png$/);
      expect(photo.decoded).toBe(480);
    }
    await app.shot(page, 'storefront-images-home');
    expect(errors).toEqual([]);
    await context.close();
  });
});
