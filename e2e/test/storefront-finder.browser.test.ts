import {
  type PaymentsEmulator,
  loadPaymentsEmulatorConfig,
  startPaymentsEmulator,
} from '@bloom/payments-emulator';
import { waitFor } from '@bloom/testing';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  approvedSeller,
  createProductAs,
  customerToken,
  SKY_GARDEN_STORE,
  skyGardenSeller,
} from '../src/actors.js';
import { graphql } from '../src/generated/index.js';
import type { CreateStoreInput } from '../src/generated/graphql.js';
import { type Storefront, startStorefront } from '../src/storefront.harness.js';
import { type System, startSystem } from '../src/system.harness.js';

/*
 * The store finder and the likes page in real headless Chromium on a phone: a shopper near
 * 홍대입구 allows location and sees the nearest florist first, switches to a region, opens a
 * store, likes it and a bouquet and finds both on the 찜 page; a shopper who refuses location
 * is offered regions instead. Screenshots land in .local/screenshots.
 */

const FINDER_CREATE_STORE = graphql(`
  mutation FinderCreateStore($i: CreateStoreInput!) {
    createStore(input: $i) {
      __typename
      ... on Store {
        id
      }
    }
  }
`);

const FINDER_SET_STOCK = graphql(`
  mutation FinderSetFlowerStock($s: ID!) {
    setFlowerStock(storeId: $s, items: [{ flowerId: 1, available: 30 }]) {
      __typename
    }
  }
`);

const FINDER_LISTING = graphql(`
  query FinderListing {
    products(first: 10) {
      nodes {
        id
      }
    }
  }
`);

/** Where the shopper stands: 홍대입구역, about 600 m from 하늘정원 플라워 (마포구). */
const HONGDAE = { latitude: 37.5567, longitude: 126.9237 };

/** A store like SKY_GARDEN_STORE elsewhere in Seoul. */
const storeAt = (
  name: string,
  districtCode: string,
  street: string,
  latitude: number,
  longitude: number,
  fee: number,
): CreateStoreInput => ({
  ...SKY_GARDEN_STORE,
  name,
  address: { ...SKY_GARDEN_STORE.address, districtCode, street, latitude, longitude },
  deliveryPolicy: {
    fee,
    freeDeliveryThreshold: 50000,
    sameDayCutoff: '15:00',
    windows: [{ start: '11:00', end: '14:00' }],
  },
});

let sys: System;
let pg: PaymentsEmulator;
let sf: Storefront;
let bouquetId = '';
let gangnamId = '';

/** Opens a store for a newly approved seller, once stores has seen the approval. */
async function openStore(email: string, brn: string, input: CreateStoreInput): Promise<string> {
  const owner = await approvedSeller(sys, {
    email,
    businessRegistrationNumber: brn,
    businessName: input.name,
  });
  return waitFor(
    async () => {
      const created = await sys.call(FINDER_CREATE_STORE, { i: input }, owner.token);
      const store = created.data?.createStore;
      return store?.__typename === 'Store' ? store.id : undefined;
    },
    { what: `${input.name} created` },
  );
}

beforeAll(async () => {
  pg = await startPaymentsEmulator(loadPaymentsEmulatorConfig({ PORT: '0', LOG_LEVEL: 'silent' }));
  sys = await startSystem(['identity', 'stores', 'products', 'orders', 'notifications'], {
    PAYMENTS_URL: pg.url,
  });
  const sky = await skyGardenSeller(sys);
  // 명동, about 5.4 km away: inside the default 10 km, after 하늘정원.
  await openStore(
    'myeongdong@bloom.test',
    '124-81-00998',
    storeAt('명동 꽃담', '11140', '서울 중구 명동길 14', 37.5637, 126.9838, 4000),
  );
  // 강남, about 11 km away: outside 10 km, found by region.
  gangnamId = await openStore(
    'gangnam@bloom.test',
    '214-86-24304',
    storeAt('강남 플로라', '11680', '서울 강남구 테헤란로 152', 37.5, 127.0364, 0),
  );
  await sys.call(FINDER_SET_STOCK, { s: sky.storeId }, sky.token);
  bouquetId = await createProductAs(sys, sky.token, {
    name: '홍대 골목 장미 다발',
    summary: '붉은 장미 다섯 송이',
    description: '붉은 장미 다섯 송이를 크라프트지에 담았습니다.',
    price: 29000,
    category: 'BOUQUET',
    recipe: [{ flowerId: 1, count: 5, representative: true }],
  });
  await waitFor(
    async () =>
      (await sys.call(FINDER_LISTING)).data?.products.nodes.some((p) => p.id === bouquetId),
    { what: 'bouquet listed' },
  );
  await customerToken(sys, 'finder@bloom.test', '윤서연');
  sf = await startStorefront(sys.gatewayUrl);
}, 180_000);

afterAll(async () => {
  await sf?.close();
  await sys?.close();
  await pg?.close();
});

/** The store names of the finder's (or likes') cards, in order. */
const cardNames = (page: Page) => page.locator('.finder-card strong').allTextContents();

describe('the store finder and likes on a phone', () => {
  it('finds the nearest store first, switches to a region, likes a store and a bouquet', async () => {
    const { context, page, errors } = await sf.phone();
    await context.grantPermissions(['geolocation']);
    await context.setGeolocation(HONGDAE);
    await page.goto('/sign-in?next=%2F');
    // The first page of a fresh Vite server waits for its dependency pre-bundling.
    await page.getByLabel('이메일').waitFor({ timeout: 60_000 });
    await page.getByLabel('이메일').fill('finder@bloom.test');
    await page.getByLabel('비밀번호').fill('flowers123');
    await page.getByRole('button', { name: '로그인' }).click();

    // From the home page to the finder.
    await page.getByRole('link', { name: /내 주변 꽃집 찾기/ }).click();
    await page.waitForURL('**/stores');
    await page.getByRole('heading', { name: '꽃집 찾기' }).waitFor();

    await page.getByRole('button', { name: '내 주변' }).click();
    await page.locator('.finder-distance').first().waitFor();
    expect(await cardNames(page)).toEqual(['하늘정원 플라워', '명동 꽃담']);
    const first = page.locator('.finder-card').first();
    expect(await first.locator('.finder-distance').textContent()).toMatch(/^\d+0m/);
    // The delivery terms: fee, free threshold, same-day cutoff.
    const terms = await first.locator('.finder-terms li').allTextContents();
    expect(terms).toEqual([
      '배송비 3,000원',
      '50,000원 이상 무료',
      '14:00까지 주문하면 당일 배송',
      '픽업 가능',
    ]);
    await sf.shot(page, 'storefront-finder-near');

    // Rating order within the same radius is offered too.
    await page.getByLabel('정렬').selectOption('RATING');
    // The list is read again in the new order (it empties while loading): the same two stores.
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('RATING');
    await expect
      .poll(async () => (await cardNames(page)).sort())
      .toEqual(['명동 꽃담', '하늘정원 플라워']);

    // By region: 서울 강남구 has only 강남 플로라, beyond the 10 km.
    await page.getByRole('button', { name: '지역으로 찾기' }).click();
    await page.getByLabel('시·도').selectOption('11');
    await page.getByLabel('구·군').selectOption('11680');
    await waitFor(async () => (await cardNames(page)).join() === '강남 플로라', {
      what: '강남구 stores',
    });
    expect(await page.locator('.finder-card .finder-terms li').first().textContent()).toBe(
      '배송비 무료',
    );
    await sf.shot(page, 'storefront-finder-region');

    // Open the store and like it.
    await page.getByRole('link', { name: /강남 플로라/ }).click();
    await page.waitForURL(`**/stores/${gangnamId}`);
    await page.getByRole('heading', { name: '강남 플로라' }).waitFor();
    await page.getByRole('button', { name: /강남 플로라 찜하기/ }).click();
    await page
      .getByRole('button', { name: /강남 플로라 찜하기/, pressed: true })
      .waitFor({ timeout: 15_000 });

    // Back in the finder over all of 서울, the liked store can come first.
    await page.goto('/stores?region=11');
    await page.locator('.finder-card').first().waitFor();
    expect(await cardNames(page)).toHaveLength(3);
    // The box follows the address bar, which the router updates a moment after the click.
    const likedFirst = page.getByLabel('찜한 꽃집 먼저 보기');
    await likedFirst.click();
    await expect.poll(() => likedFirst.isChecked()).toBe(true);
    await waitFor(async () => (await cardNames(page))[0] === '강남 플로라', {
      what: 'liked store first',
    });
    expect(await page.locator('.finder-card').first().textContent()).toContain('찜한 꽃집');

    // Like the bouquet on its page.
    await page.goto(`/products/${bouquetId}`);
    await page.getByRole('button', { name: /홍대 골목 장미 다발 찜하기/ }).click();
    await page
      .getByRole('button', { name: /홍대 골목 장미 다발 찜하기/, pressed: true })
      .waitFor({ timeout: 15_000 });

    // 내 정보 → 찜: the bouquet under 꽃, the store under 꽃집.
    await page.goto('/account');
    await page.getByRole('link', { name: /찜한 꽃과 꽃집/ }).click();
    await page.waitForURL('**/likes');
    await page.getByRole('link', { name: /홍대 골목 장미 다발/ }).waitFor();
    await sf.shot(page, 'storefront-likes-products');
    await page.getByRole('tab', { name: '꽃집' }).click();
    await page.getByRole('link', { name: /강남 플로라/ }).waitFor();
    expect(await cardNames(page)).toEqual(['강남 플로라']);
    await sf.shot(page, 'storefront-likes-stores');

    // Unliking from the list takes the store off it.
    await page.getByRole('button', { name: '강남 플로라 찜 해제' }).click();
    await page.getByText('찜한 꽃집이 아직 없어요').waitFor();
    await page.getByRole('tab', { name: '꽃', exact: true }).click();
    await page.getByRole('button', { name: '홍대 골목 장미 다발 찜 해제' }).click();
    await page.getByText('찜한 꽃이 아직 없어요').waitFor();

    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('offers regions with a note when location is refused', async () => {
    const { context, page, errors } = await sf.phone();
    // No geolocation permission granted: the browser refuses the request.
    await page.goto('/stores');
    await page.getByRole('heading', { name: '꽃집 찾기' }).waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: '내 주변' }).click();
    await page.getByText('위치 권한이 없어서 지역으로 찾아 드릴게요').waitFor();
    // The mode switches with the note, possibly a render after it.
    await expect
      .poll(() => page.getByRole('button', { name: '지역으로 찾기' }).getAttribute('aria-pressed'))
      .toBe('true');
    // The region choice works as usual.
    await page.getByLabel('시·도').selectOption('11');
    await page.getByLabel('구·군').selectOption('11440');
    await waitFor(async () => (await cardNames(page)).join() === '하늘정원 플라워', {
      what: '마포구 stores',
    });
    await sf.shot(page, 'storefront-finder-denied');
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
