import { customerCaller, dataOf, errorCode, expectUnion, sellerCaller } from '@bloom/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './generated/index.js';
import { CREATE, type ProductsHarness, productInput, startProducts } from './products.harness.js';

const TICKET = graphql(`
  mutation CreateImageUpload {
    createImageUpload {
      uploadUrl
      method
      expiresAt
      maxBytes
      acceptedContentTypes
    }
  }
`);

/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 1)]);
const WEBP = Buffer.concat([
  Buffer.from('RIFF'),
  Buffer.from([40, 0, 0, 0]),
  Buffer.from('WEBPVP8 '),
  Buffer.alloc(32),
]);

let h: ProductsHarness;
beforeAll(async () => {
  h = await startProducts('images');
  await h.openStore('store-i', 'seller-i');
  await h.openStore('store-o', 'seller-o');
});
afterAll(async () => h.close());

async function ticket(userId = 'seller-i') {
  const res = await h.call(TICKET, {}, sellerCaller(userId));
  return dataOf(res).createImageUpload;
}

/** URLs are relative to the public origin; the test talks to the service directly. */
const at = (url: string) => new URL(url, h.origin).href;

const put = (url: string, body: Buffer, contentType = 'application/octet-stream') =>
  fetch(at(url), { method: 'PUT', body, headers: { 'content-type': contentType } });

describe('image upload', () => {
  it('stores an image once through a signed URL and serves it', async () => {
    const t = await ticket();
    expect(t.uploadUrl).toMatch(/^\/uploads\/[A-Za-z0-9_\-.]+$/);
    expect(t.maxBytes).toBe(5 * 1024 * 1024);
    expect(new Date(t.expiresAt).getTime()).toBeGreaterThan(Date.now());

    const res = await put(t.uploadUrl, PNG, 'image/png');
    expect(res.status).toBe(201);
    const body = (await res.json()) as {
      key: string;
      url: string;
      contentType: string;
      size: number;
    };
    expect(body).toMatchObject({ contentType: 'image/png', size: PNG.length });
    expect(body.key).toMatch(/^[a-f0-9]{32}\.png$/);
    expect(body.url).toBe(`/images/${body.key}`);

    const image = await fetch(at(body.url));
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await image.arrayBuffer()).equals(PNG)).toBe(true);

    const reused = await put(t.uploadUrl, PNG);
    expect(reused.status).toBe(409);

    // The key goes into a product; the product shows its URL.
    const created = await h.call(
      graphql(`
        mutation CreateProductWithImages($input: CreateProductInput!) {
          createProduct(input: $input) {
            __typename
            ... on Product {
              images {
                key
                url
              }
            }
          }
        }
      `),
      { input: productInput({ images: [body.key] }) },
      sellerCaller('seller-i'),
    );
    expect(expectUnion(created.data?.createProduct, 'Product').images).toEqual([
      { key: body.key, url: body.url },
    ]);
    // Another seller cannot attach someone else's upload.
    const stolen = await h.call(
      CREATE,
      { input: productInput({ images: [body.key] }) },
      sellerCaller('seller-o'),
    );
    expect(stolen.data?.createProduct).toMatchObject({ field: 'images', code: 'UNKNOWN_IMAGE' });
  });

  it('accepts JPEG and WebP, recognised by their bytes', async () => {
    for (const [bytes, type] of [
      [JPEG, 'image/jpeg'],
      [WEBP, 'image/webp'],
    ] as const) {
      const res = await put((await ticket()).uploadUrl, bytes);
      expect(res.status).toBe(201);
      expect(((await res.json()) as { contentType: string }).contentType).toBe(type);
    }
  });

  it('refuses other content, mismatched types and images over 5 MB', async () => {
    const text = await put(
      (await ticket()).uploadUrl,
      Buffer.from('<html>not an image</html>'),
      'image/png',
    );
    expect(text.status).toBe(415);
    const mismatch = await put((await ticket()).uploadUrl, PNG, 'image/jpeg');
    expect(mismatch.status).toBe(415);
    const huge = Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]);
    const tooLarge = await put((await ticket()).uploadUrl, huge, 'image/png');
    expect(tooLarge.status).toBe(413);
    // A refused upload does not use up the URL.
    const t = await ticket();
    expect((await put(t.uploadUrl, Buffer.from('nope'))).status).toBe(415);
    expect((await put(t.uploadUrl, PNG)).status).toBe(201);
  });

  it('refuses forged and expired URLs', async () => {
    const t = await ticket();
    // Change a signature character that carries full bits (the last one has padding bits).
    const at = t.uploadUrl.lastIndexOf('.') + 5;
    const forged = `${t.uploadUrl.slice(0, at)}${t.uploadUrl[at] === 'A' ? 'B' : 'A'}${t.uploadUrl.slice(at + 1)}`;
    expect((await put(forged, PNG)).status).toBe(403);
    h.advance(11 * 60_000);
    try {
      expect((await put(t.uploadUrl, PNG)).status).toBe(410);
    } finally {
      h.advance(-11 * 60_000);
    }
  });

  it('needs a signed-in caller for a ticket, and answers preflight and unknown images', async () => {
    expect(errorCode(await h.call(TICKET))).toBe('UNAUTHENTICATED');
    const customer = await h.call(TICKET, {}, customerCaller('reviewer'));
    expect(customer.data?.createImageUpload.method).toBe('PUT');
    const preflight = await fetch(at((await ticket()).uploadUrl), { method: 'OPTIONS' });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('PUT');
    expect((await fetch(`${h.origin}/images/0123456789abcdef0123456789abcdef.png`)).status).toBe(
      404,
    );
    expect((await fetch(`${h.origin}/images/..%2Fetc%2Fpasswd`)).status).toBe(404);
    expect((await fetch(`${h.origin}/nothing-here`)).status).toBe(404);
  });
});
