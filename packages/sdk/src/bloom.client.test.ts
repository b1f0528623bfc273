import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { closedPortUrl, type FakeGateway, startFakeGateway } from '../test/fake-gateway.js';
import { checkoutInput, productNode } from '../test/fixtures.js';
import { createBloomClient } from './bloom.client.js';
import { BloomError } from './bloom.error.js';
import {
  AddToCartDocument,
  BrowseProductsDocument,
  CheckoutDocument,
  ProductByIdDocument,
} from './generated/graphql.js';
import { SDK_VERSION } from './sdk-version.js';

let gateway: FakeGateway | undefined;
afterEach(async () => {
  await gateway?.close();
  gateway = undefined;
});

const page = { products: { totalCount: 1, pageInfo: { hasNextPage: false, endCursor: null } } };
const browsed = { data: { products: { ...page.products, nodes: [productNode(1)] } } };
const rateLimited = (seconds: string) => ({
  status: 429,
  headers: { 'retry-after': seconds },
  body: { errors: [{ message: 'Rate limit exceeded', extensions: { code: 'RATE_LIMITED' } }] },
});
const unavailable = {
  status: 503,
  headers: { 'retry-after': '0' },
  body: {
    data: null,
    errors: [{ message: 'orders is restarting', extensions: { code: 'SERVICE_UNAVAILABLE' } }],
  },
};
const checkedOut = {
  data: { checkout: { __typename: 'CheckoutSuccess', total: 23000, replayed: false, orders: [] } },
};

/** The rejection of a promise that must fail, as a BloomError. */
async function failure(promise: Promise<unknown>): Promise<BloomError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof BloomError))
    throw new Error(`expected a BloomError, got ${String(error)}`);
  return error;
}

describe('createBloomClient', () => {
  it('posts the operation with the API key and user agent, and returns typed data', async () => {
    gateway = await startFakeGateway(() => ({
      headers: { 'x-trace-id': 'trace-1' },
      body: browsed,
    }));
    const client = createBloomClient({
      url: gateway.url,
      apiKey: 'bk_test',
      userAgent: 'shop/1.0',
    });

    const { data, meta } = await client.requestWithMeta(BrowseProductsDocument, {
      first: 1,
      filter: { category: 'BOUQUET' },
    });

    expect(data.products.nodes[0]?.store.name).toBe('하늘정원 플라워');
    expect(meta).toMatchObject({ status: 200, traceId: 'trace-1', attempts: 1 });
    const [request] = gateway.requests;
    expect(request?.headers['x-api-key']).toBe('bk_test');
    expect(request?.headers['user-agent']).toBe(`shop/1.0 bloom-sdk/${SDK_VERSION}`);
    expect(request?.body.operationName).toBe('BrowseProducts');
    expect(request?.body.query).toContain('fragment ProductSummary on Product');
    expect(request?.body.variables).toEqual({ first: 1, filter: { category: 'BOUQUET' } });
  });

  it('retries a 429 after its Retry-After in seconds and reports the attempts', async () => {
    gateway = await startFakeGateway((_, index) =>
      index === 0 ? rateLimited('1') : { body: browsed },
    );
    const client = createBloomClient({ url: gateway.url, apiKey: 'bk_test' });

    const { data, meta } = await client.requestWithMeta(BrowseProductsDocument);

    expect(data.products.nodes).toHaveLength(1);
    expect(meta).toMatchObject({ status: 200, attempts: 2 });
    const [first, second] = gateway.requests;
    // Never earlier than told; jitter adds at most a second on top.
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(1000);
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeLessThan(2500);
  });

  it('retries a 429 whose Retry-After is an HTTP date', async () => {
    const retryAt = new Date(Date.now() + 2000);
    gateway = await startFakeGateway((_, index) =>
      index === 0 ? rateLimited(retryAt.toUTCString()) : { body: browsed },
    );
    const client = createBloomClient({ url: gateway.url, apiKey: 'bk_test' });

    await client.request(BrowseProductsDocument);

    expect(gateway.requests).toHaveLength(2);
    // HTTP dates have whole seconds: the retry comes at that second or later.
    expect(gateway.requests[1]?.at ?? 0).toBeGreaterThanOrEqual(
      Math.floor(retryAt.getTime() / 1000) * 1000,
    );
  });

  it('retries a checkout on 503 SERVICE_UNAVAILABLE: its idempotency key makes it safe', async () => {
    gateway = await startFakeGateway((_, index) =>
      index === 0 ? unavailable : { body: checkedOut },
    );
    const client = createBloomClient({ url: gateway.url, apiKey: 'bk_test' });

    const data = await client.request(CheckoutDocument, { input: checkoutInput('key-42') });

    expect(data.checkout.__typename).toBe('CheckoutSuccess');
    expect(gateway.requests.map((r) => r.body.variables)).toEqual([
      { input: checkoutInput('key-42') },
      { input: checkoutInput('key-42') },
    ]);
  });

  it('never repeats a mutation without an idempotency key', async () => {
    gateway = await startFakeGateway(() => unavailable);
    const client = createBloomClient({ url: gateway.url, apiKey: 'bk_test' });

    const error = await failure(client.request(AddToCartDocument, { productId: 'p1' }));

    expect(error.code).toBe('SERVICE_UNAVAILABLE');
    expect(error.meta?.status).toBe(503);
    expect(gateway.requests).toHaveLength(1);
  });

  it('retries such a mutation when the caller says it is idempotent', async () => {
    gateway = await startFakeGateway((_, index) =>
      index === 0
        ? unavailable
        : { body: { data: { addToCart: { __typename: 'Cart', total: 1, itemCount: 1 } } } },
    );
    const client = createBloomClient({ url: gateway.url, apiKey: 'bk_test' });

    await client.request(AddToCartDocument, { productId: 'p1' }, { idempotent: true });

    expect(gateway.requests).toHaveLength(2);
  });

  it('gives up at once when Retry-After is beyond the cap, and says when to come back', async () => {
    gateway = await startFakeGateway(() => rateLimited('120'));
    const client = createBloomClient({
      url: gateway.url,
      apiKey: 'bk_test',
      maxRetryDelayMs: 5000,
    });

    const error = await failure(client.request(BrowseProductsDocument));

    expect(error.code).toBe('RATE_LIMITED');
    expect(error.meta?.retryAfterMs).toBe(120_000);
    expect(gateway.requests).toHaveLength(1);
  });

  it('stops after maxRetries', async () => {
    gateway = await startFakeGateway(() => rateLimited('0'));
    const client = createBloomClient({ url: gateway.url, apiKey: 'bk_test', maxRetries: 2 });

    const error = await failure(client.request(BrowseProductsDocument));

    expect(error.code).toBe('RATE_LIMITED');
    expect(error.meta?.attempts).toBe(3);
    expect(gateway.requests).toHaveLength(3);
  });

  it('exposes the rate-limit headers on the meta', async () => {
    gateway = await startFakeGateway(() => ({
      headers: { 'ratelimit-limit': '600', 'ratelimit-remaining': '599', 'ratelimit-reset': '1' },
      body: browsed,
    }));
    const client = createBloomClient({ url: gateway.url, apiKey: 'bk_test' });

    const { meta } = await client.requestWithMeta(BrowseProductsDocument);

    expect(meta.rateLimit).toEqual({ limit: 600, remaining: 599, resetSeconds: 1 });
    expect(meta.retryAfterMs).toBeUndefined();
  });

  it('throws GraphQL errors as a BloomError with code, message, path and the partial data', async () => {
    gateway = await startFakeGateway(() => ({
      body: {
        data: { product: null },
        errors: [
          { message: 'Not allowed', path: ['product'], extensions: { code: 'FORBIDDEN' } },
          { message: 'second', extensions: { code: 'NOT_FOUND' } },
        ],
      },
    }));
    const client = createBloomClient({ url: gateway.url, apiKey: 'bk_test' });

    const error = await failure(client.request(ProductByIdDocument, { id: 'p1' }));

    expect(error).toMatchObject({ code: 'FORBIDDEN', message: 'Not allowed', path: ['product'] });
    expect(error.errors).toHaveLength(2);
    expect(error.data).toEqual({ product: null });
    expect(gateway.requests).toHaveLength(1);
  });

  it('reports an answer that is not GraphQL, and no answer at all', async () => {
    gateway = await startFakeGateway(() => ({ status: 502, body: '<html>Bad gateway</html>' }));
    const client = createBloomClient({ url: gateway.url, apiKey: 'bk_test' });
    expect(await failure(client.request(BrowseProductsDocument))).toMatchObject({
      code: 'HTTP_ERROR',
      meta: { status: 502 },
    });

    const nowhere = createBloomClient({ url: await closedPortUrl(), apiKey: 'bk_test' });
    expect((await failure(nowhere.request(BrowseProductsDocument))).code).toBe('NETWORK_ERROR');
  });

  it('stops waiting when the signal aborts', async () => {
    gateway = await startFakeGateway(() => rateLimited('5'));
    const client = createBloomClient({ url: gateway.url, apiKey: 'bk_test' });
    const started = Date.now();

    await expect(
      client.request(BrowseProductsDocument, {}, { signal: AbortSignal.timeout(200) }),
    ).rejects.toThrow();

    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('names its own version as package.json does', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    expect(SDK_VERSION).toBe(pkg.version);
  });
});
