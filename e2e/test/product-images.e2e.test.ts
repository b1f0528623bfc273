import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProductAs, skyGardenSeller } from '../src/actors.js';
import { graphql } from '../src/generated/index.js';
import { type System, startSystem } from '../src/system.harness.js';

/*
 * Product photos travel over the public origin: the upload ticket and the image URLs are
 * relative, and the gateway serves /uploads and /images by relaying to the products service,
 * so they work from any device that reaches the gateway (or a client proxying to it).
 */

const TICKET = graphql(`
  mutation ProductImagesTicket {
    createImageUpload {
      uploadUrl
      method
    }
  }
`);
const PRODUCT_IMAGES = graphql(`
  query ProductImagesOf($id: ID!) {
    product(id: $id) {
      images {
        key
        url
      }
    }
  }
`);

/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

let sys: System;
let owner: Awaited<ReturnType<typeof skyGardenSeller>>;
beforeAll(async () => {
  sys = await startSystem(['identity', 'stores', 'products']);
  owner = await skyGardenSeller(sys);
}, 120_000);
afterAll(async () => sys?.close());

/** Relative URLs resolve against the gateway's origin, as a browser resolves them. */
const viaGateway = (url: string) => new URL(url, sys.gatewayUrl).href;

describe('product images through the gateway', () => {
  it('uploads and serves a photo with relative URLs only', async () => {
    const ticket = (await sys.call(TICKET, {}, owner.token)).data?.createImageUpload;
    expect(ticket?.uploadUrl).toMatch(/^\/uploads\/[A-Za-z0-9_\-.]+$/);
    const uploaded = await fetch(viaGateway(ticket?.uploadUrl ?? ''), {
      method: ticket?.method ?? 'PUT',
      body: PNG,
      headers: { 'content-type': 'image/png' },
    });
    expect(uploaded.status).toBe(201);
    const body = (await uploaded.json()) as { key: string; url: string };
    expect(body.url).toBe(`/images/${body.key}`);

    const productId = await createProductAs(sys, owner.token, {
      name: '사진 있는 장미 다발',
      summary: '빨간 장미',
      description: '빨간 장미 열 송이',
      price: 45000,
      category: 'BOUQUET',
      images: [body.key],
      recipe: [{ flowerId: 1, count: 10, representative: true }],
    });
    const images = (await sys.call(PRODUCT_IMAGES, { id: productId })).data?.product?.images;
    expect(images).toEqual([{ key: body.key, url: `/images/${body.key}` }]);

    const image = await fetch(viaGateway(images?.[0]?.url ?? ''));
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(image.headers.get('cache-control')).toContain('immutable');
    expect(Buffer.from(await image.arrayBuffer()).equals(PNG)).toBe(true);

    // The ticket is single-use through the gateway too; unknown images are 404.
    const reused = await fetch(viaGateway(ticket?.uploadUrl ?? ''), { method: 'PUT', body: PNG });
    expect(reused.status).toBe(409);
    const missing = await fetch(viaGateway('/images/0123456789abcdef0123456789abcdef.png'));
    expect(missing.status).toBe(404);
  });

  it('answers a too-large photo with 413 through the gateway, every time', async () => {
    // The products service reads and drops the excess so its refusal is not lost to a reset.
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const ticket = (await sys.call(TICKET, {}, owner.token)).data?.createImageUpload;
      const tooLarge = await fetch(viaGateway(ticket?.uploadUrl ?? ''), {
        method: 'PUT',
        body: Buffer.alloc(6 * 1024 * 1024, 1),
        headers: { 'content-type': 'image/png' },
      });
      expect(tooLarge.status).toBe(413);
      expect(await tooLarge.json()).toMatchObject({ error: { code: 'IMAGE_TOO_LARGE' } });
    }
  });

  it('refuses an upload without a valid ticket at the gateway', async () => {
    const forged = await fetch(viaGateway('/uploads/not-a-ticket'), { method: 'PUT', body: PNG });
    expect(forged.status).toBe(403);
  });
});
