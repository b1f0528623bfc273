import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProductAs, customerToken, skyGardenSeller } from '../../../e2e/src/actors.js';
import { deliveryTo } from '../../../e2e/src/orders.actions.js';
import { type System, startSystem } from '../../../e2e/src/system.harness.js';
import {
  type PaymentsEmulator,
  loadPaymentsEmulatorConfig,
  startPaymentsEmulator,
} from '../../../infra/emulators/payments/src/index.js';
import {
  BloomError,
  BrowseProductsDocument,
  BrowseStoresDocument,
  CheckoutDocument,
  CheckoutQuoteDocument,
  MyOrdersDocument,
  OPERATION_SCOPES,
  OrderByIdDocument,
  ProductByIdDocument,
  SearchProductsDocument,
  StoreByIdDocument,
  createBloomClient,
  toResult,
} from '../src/index.js';

/*
 * The SDK against the real gateway (identity, stores, products and orders in-process, the
 * payment sandbox over HTTP): API keys created by a customer, the generated operations, typed
 * union results, pagination, and the gateway's own 429 with Retry-After.
 */

let sys: System;
let pg: PaymentsEmulator;
let storeId = '';
let productId = '';
const secrets: Record<'catalog' | 'orders' | 'limited', string> = {
  catalog: '',
  orders: '',
  limited: '',
};

const CREATE_KEY = `
  mutation SdkCreateApiKey($i: CreateApiKeyInput!) {
    createApiKey(input: $i) {
      __typename
      ... on ApiKeyCreated {
        secret
      }
    }
  }
`;

/** Polls `probe` until it returns a value (not undefined), or fails after `timeoutMs`. */
async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

const client = (key: keyof typeof secrets, maxRetries?: number) =>
  createBloomClient({
    url: sys.gatewayUrl,
    apiKey: secrets[key],
    userAgent: 'sdk-test/1',
    maxRetries,
  });

beforeAll(async () => {
  pg = await startPaymentsEmulator(loadPaymentsEmulatorConfig({ PORT: '0', LOG_LEVEL: 'silent' }));
  // 60 a minute: a burst of 60, then one token a second (Retry-After: 1).
  sys = await startSystem(['identity', 'stores', 'products', 'orders'], {
    PAYMENTS_URL: pg.url,
    API_KEY_RATE_LIMIT_PER_MINUTE: '60',
  });
  const owner = await skyGardenSeller(sys);
  storeId = owner.storeId;
  await sys.call(
    `mutation SdkStock($s: ID!) {
      setFlowerStock(storeId: $s, items: [{ flowerId: 1, available: 100 }]) { __typename }
    }`,
    { s: storeId },
    owner.token,
  );
  productId = await createProductAs(sys, owner.token, {
    name: '빨간 장미 꽃다발',
    summary: '사랑의 고백',
    description: '빨간 장미 두 송이',
    price: 20000,
    category: 'BOUQUET',
    recipe: [{ flowerId: 1, count: 2, representative: true }],
  });
  const customer = await customerToken(sys, 'sdk-integrator@bloom.test');
  for (const [name, scopes] of [
    ['catalog', ['CATALOG_READ']],
    ['orders', ['ORDERS_WRITE']],
    ['limited', ['CATALOG_READ']],
  ] as const) {
    const created = await sys.call<{ createApiKey: { __typename: string; secret?: string } }>(
      CREATE_KEY,
      { i: { name: `sdk ${name}`, scopes } },
      customer,
    );
    const secret = created.data?.createApiKey.secret;
    if (!secret) throw new Error(`no API key: ${JSON.stringify(created)}`);
    secrets[name] = secret;
  }
}, 120_000);
afterAll(async () => {
  await sys?.close();
  await pg?.close();
});

describe('@bloom/sdk through the gateway', () => {
  it('browses, searches and reads products and stores with a CATALOG_READ key', async () => {
    expect(OPERATION_SCOPES.BrowseProducts).toEqual(['CATALOG_READ']);
    const catalog = client('catalog');

    const listed = [];
    for await (const product of catalog.paginate(
      BrowseProductsDocument,
      { first: 1, filter: { storeId } },
      (data) => data.products,
    )) {
      listed.push(product);
    }
    expect(listed.map((p) => p.id)).toEqual([productId]);
    expect(listed[0]?.store.name).toBe('하늘정원 플라워');

    const { product } = await catalog.request(ProductByIdDocument, { id: productId });
    expect(product?.representativeFlower.id).toBe(1);

    const { searchProducts } = await catalog.request(SearchProductsDocument, {
      query: '5만원 이하 꽃다발',
      first: 5,
    });
    expect(searchProducts.interpretation).toMatchObject({ category: 'BOUQUET', priceMax: 50000 });

    const { stores } = await catalog.request(BrowseStoresDocument, { first: 5 });
    expect(stores.nodes.map((s) => s.id)).toContain(storeId);
    const { store } = await catalog.request(StoreByIdDocument, { id: storeId });
    expect(store?.deliveryPolicy).toMatchObject({ fee: 3000, freeDeliveryThreshold: 50000 });
  });

  it("refuses an operation outside the key's scopes with a typed BloomError", async () => {
    const error = await client('catalog')
      .request(MyOrdersDocument, { first: 1 })
      .then(
        () => undefined,
        (reason: unknown) => reason,
      );
    expect(error).toBeInstanceOf(BloomError);
    expect(error).toMatchObject({ code: 'FORBIDDEN', path: ['myOrders'] });
  });

  it("places an order on behalf of the key's owner, with typed results for its errors", async () => {
    const orders = client('orders');
    const input = { buyNow: { productId, quantity: 1 }, fulfilment: 'DELIVERY' as const };
    const delivery = deliveryTo();
    // The product reaches orders as an event: quote until orders knows it.
    const quote = await eventually(async () => {
      const { checkoutQuote } = await orders.request(CheckoutQuoteDocument, {
        input: { ...input, delivery },
      });
      return checkoutQuote.__typename === 'CheckoutQuote' ? checkoutQuote : undefined;
    });
    expect(quote.total).toBe(23000);

    const wrong = await orders.request(CheckoutDocument, {
      input: { ...input, delivery, expectedTotal: 1000, idempotencyKey: 'sdk-wrong-total' },
    });
    const mismatch = toResult(wrong.checkout, 'CheckoutSuccess');
    expect(mismatch.ok).toBe(false);
    if (!mismatch.ok && mismatch.error.__typename === 'TotalMismatchError') {
      expect(mismatch.error.serverTotal).toBe(23000);
    } else throw new Error(`expected a TotalMismatchError, got ${JSON.stringify(mismatch)}`);

    const variables = {
      input: { ...input, delivery, expectedTotal: quote.total, idempotencyKey: 'sdk-order-1' },
    };
    const placed = toResult(
      (await orders.request(CheckoutDocument, variables)).checkout,
      'CheckoutSuccess',
    );
    if (!placed.ok) throw new Error(`checkout failed: ${placed.error.code}`);
    const orderId = placed.value.orders[0]?.id ?? '';
    const replay = (await orders.request(CheckoutDocument, variables)).checkout;
    expect(replay).toMatchObject({ __typename: 'CheckoutSuccess', replayed: true });

    const confirmed = await eventually(async () => {
      const { order } = await orders.request(OrderByIdDocument, { id: orderId });
      return order?.status === 'CONFIRMED' ? order : undefined;
    }, 30_000);
    expect(confirmed).toMatchObject({ total: 23000, store: { id: storeId } });

    const mine = [];
    for await (const order of orders.paginate(MyOrdersDocument, { first: 1 }, (d) => d.myOrders)) {
      mine.push(order.id);
    }
    expect(mine).toEqual([orderId]);
  });

  it("waits out the gateway's 429 Retry-After, or hands it back when told not to retry", async () => {
    const impatient = client('limited', 0);
    const probe = () => impatient.request(ProductByIdDocument, { id: productId });
    // Spend the key's burst (60, refilled at one a second while it is spent), until a refusal.
    let refused: unknown[] = [];
    for (let batch = 0; batch < 10 && refused.length === 0; batch += 1) {
      const settled = await Promise.allSettled(Array.from({ length: 30 }, probe));
      refused = settled.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
    }
    expect(refused.length).toBeGreaterThan(0);
    expect(refused[0]).toBeInstanceOf(BloomError);
    expect(refused[0]).toMatchObject({ code: 'RATE_LIMITED', meta: { status: 429 } });
    expect((refused[0] as BloomError).meta?.retryAfterMs).toBeGreaterThanOrEqual(1000);
    // The key's figures travel with every answer, refusals included.
    expect((refused[0] as BloomError).meta?.rateLimit).toMatchObject({ limit: 60, remaining: 0 });

    // Right after a refusal the bucket holds less than a token and refills one a second, so of
    // three patient calls at least two are refused at first; each waits for Retry-After and
    // tries again until it is let through (one call alone could race a refill and pass at once).
    const answers = await Promise.all(
      Array.from({ length: 3 }, () =>
        client('limited').requestWithMeta(ProductByIdDocument, { id: productId }),
      ),
    );
    for (const { data } of answers) expect(data.product?.id).toBe(productId);
    const meta = answers.reduce((most, next) =>
      next.meta.attempts > most.meta.attempts ? next : most,
    ).meta;
    expect(meta.attempts).toBeGreaterThanOrEqual(2);
    expect(meta.status).toBe(200);
    expect(meta.rateLimit.limit).toBe(60);
    expect(meta.rateLimit.remaining).toBeLessThan(60);
    expect(meta.rateLimit.resetSeconds).toBeGreaterThan(0);
  });
});
