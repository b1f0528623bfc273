/**
 * IMAGE_STORAGE=s3 end to end inside products: the signed upload route stores the checked image
 * in the bucket (fake-s3, infra/s3), and the public image route streams it back from there.
 * Skipped with a warning when fake-s3 cannot be built, except in CI, where it fails.
 */
import { sellerCaller, dataOf } from '@bloom/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3ImageStorage } from '../src/images/s3-image.storage.js';
import {
  FAKE_S3_CREDENTIALS,
  type FakeS3,
  skipWithoutFakeS3,
  startFakeS3,
} from './fake-s3.harness.js';
import { CreateImageUploadDocument } from './generated/graphql.js';
import { type ProductsHarness, startProducts } from './products.harness.js';

/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const BUCKET = 'bloom-product-images';

describe.skipIf(skipWithoutFakeS3('products images on S3'))('products images on S3', () => {
  let s3: FakeS3;
  let h: ProductsHarness;

  beforeAll(async () => {
    s3 = await startFakeS3(BUCKET);
    h = await startProducts('images-s3', {
      env: {
        IMAGE_STORAGE: 's3',
        S3_ENDPOINT: s3.endpoint,
        S3_BUCKET: BUCKET,
        S3_ACCESS_KEY_ID: FAKE_S3_CREDENTIALS.accessKeyId,
        S3_SECRET_ACCESS_KEY: FAKE_S3_CREDENTIALS.secretAccessKey,
        S3_FORCE_PATH_STYLE: 'true',
      },
    });
  });
  afterAll(async () => {
    await h?.close();
    await s3?.stop();
  });

  const at = (url: string) => new URL(url, h.origin).href;

  it('stores a checked upload in the bucket and serves it from there on the public route', async () => {
    expect(h.server.deps.imageStorage).toBeInstanceOf(S3ImageStorage);
    const ticket = dataOf(
      await h.call(CreateImageUploadDocument, {}, sellerCaller('seller-s3')),
    ).createImageUpload;

    const upload = await fetch(at(ticket.uploadUrl), {
      method: 'PUT',
      body: PNG,
      headers: { 'content-type': 'image/png' },
    });
    expect(upload.status).toBe(201);
    const { key, url } = (await upload.json()) as { key: string; url: string };
    expect(url).toBe(`/images/${key}`);

    // In the bucket, under its key, with its sniffed type.
    expect(await s3.object(key)).toEqual({
      bytes: PNG,
      contentType: 'image/png',
      size: PNG.length,
    });

    const image = await fetch(at(url));
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(image.headers.get('content-length')).toBe(String(PNG.length));
    expect(image.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(Buffer.from(await image.arrayBuffer()).equals(PNG)).toBe(true);

    const head = await fetch(at(url), { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(PNG.length));

    // The URL is single-use, whatever the storage.
    const again = await fetch(at(ticket.uploadUrl), { method: 'PUT', body: PNG });
    expect(again.status).toBe(409);
  });

  it('lets a reader leave mid-image and keeps serving others', async () => {
    const ticket = dataOf(
      await h.call(CreateImageUploadDocument, {}, sellerCaller('seller-s3')),
    ).createImageUpload;
    const large = Buffer.concat([PNG, Buffer.alloc(4 * 1024 * 1024, 7)]);
    const upload = await fetch(at(ticket.uploadUrl), { method: 'PUT', body: large });
    expect(upload.status).toBe(201);
    const { url } = (await upload.json()) as { url: string };

    // More readers that hang up after the headers than the SDK pools connections (50): with
    // pipe() instead of pipeline() each would hold one until its timeout and the rest fail.
    for (let i = 0; i < 60; i++) {
      const controller = new AbortController();
      const res = await fetch(at(url), { signal: controller.signal });
      expect(res.status).toBe(200);
      controller.abort();
    }
    const whole = await fetch(at(url));
    expect(Buffer.from(await whole.arrayBuffer()).equals(large)).toBe(true);
  });

  it('keeps refused uploads out of the bucket and answers 404 for images it does not have', async () => {
    const ticket = dataOf(
      await h.call(CreateImageUploadDocument, {}, sellerCaller('seller-s3')),
    ).createImageUpload;
    const refused = await fetch(at(ticket.uploadUrl), {
      method: 'PUT',
      body: Buffer.from('<html>not an image</html>'),
      headers: { 'content-type': 'image/png' },
    });
    expect(refused.status).toBe(415);
    const token = ticket.uploadUrl.split('/').pop() ?? '';
    const id = (
      JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString()) as {
        id: string;
      }
    ).id;
    for (const ext of ['png', 'jpg', 'webp']) expect(await s3.object(`${id}.${ext}`)).toBeNull();

    const missing = await fetch(at('/images/0123456789abcdef0123456789abcdef.png'));
    expect(missing.status).toBe(404);
  });
});
