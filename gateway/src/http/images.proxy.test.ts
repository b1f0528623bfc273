import { type IncomingMessage, type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Logger, createLogger } from '@bloom/kernel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createImagesProxy } from './images.proxy.js';

const silent: Logger = createLogger({ service: 'images-proxy-test', level: 'silent' });
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(300_000, 7),
]);
const KEY = '0123456789abcdef0123456789abcdef.png';
const LIMIT = 1_000_000;

const listen = async (server: Server) => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

async function readAll(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Stands in for the products service's image routes; records what reached it. */
const seen: { method?: string; path?: string; headers: IncomingMessage['headers'] }[] = [];
const products = createServer((req, res) => {
  seen.push({ method: req.method, path: req.url, headers: req.headers });
  if (req.url === `/images/${KEY}`) {
    res.writeHead(200, {
      'content-type': 'image/png',
      'content-length': PNG.length,
      'cache-control': 'public, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
      'x-internal': 'secret',
    });
    res.end(req.method === 'HEAD' ? undefined : PNG);
    return;
  }
  if (req.url === '/uploads/good-token' && req.method === 'PUT') {
    if (Number(req.headers['content-length'] ?? 0) > LIMIT) {
      // As the products service does: the body is read and dropped, then refused.
      req.resume();
      req.once('end', () => {
        res.writeHead(413, { 'content-type': 'application/json', connection: 'close' });
        res.end('{"error":{"code":"IMAGE_TOO_LARGE"}}');
      });
      return;
    }
    void readAll(req).then((body) => {
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          key: KEY,
          url: `/images/${KEY}`,
          size: body.length,
          same: body.equals(PNG),
          contentType: req.headers['content-type'],
        }),
      );
    });
    return;
  }
  res.writeHead(404, { 'content-type': 'application/json' });
  res.end('{"error":{"code":"NOT_FOUND"}}');
});

let gateway: Server;
let origin: string;
beforeAll(async () => {
  const productsOrigin = await listen(products);
  const proxy = createImagesProxy({ productsUrl: `${productsOrigin}/graphql`, logger: silent });
  gateway = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://gateway').pathname;
    void proxy(req, res, path).then((handled) => {
      if (!handled) {
        res.writeHead(404, { 'x-not-proxied': '1' });
        res.end();
      }
    });
  });
  origin = await listen(gateway);
});
afterAll(async () => {
  await new Promise((resolve) => gateway.close(resolve));
  await new Promise((resolve) => products.close(resolve));
});

describe('images proxy', () => {
  it('streams an image with its type and cache headers, and HEAD without a body', async () => {
    const res = await fetch(`${origin}/images/${KEY}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-internal')).toBeNull();
    expect(Buffer.from(await res.arrayBuffer()).equals(PNG)).toBe(true);

    const head = await fetch(`${origin}/images/${KEY}`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(PNG.length));
  });

  it('passes unknown images through as 404 and refuses other methods', async () => {
    const missing = await fetch(`${origin}/images/ffffffffffffffffffffffffffffffff.png`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: { code: 'NOT_FOUND' } });
    const post = await fetch(`${origin}/images/${KEY}`, { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });

  it('relays an upload body and answer, without the caller’s credentials', async () => {
    const before = seen.length;
    const res = await fetch(`${origin}/uploads/good-token`, {
      method: 'PUT',
      body: PNG,
      headers: { 'content-type': 'image/png', authorization: 'Bearer someone', cookie: 'a=b' },
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({
      key: KEY,
      url: `/images/${KEY}`,
      size: PNG.length,
      same: true,
      contentType: 'image/png',
    });
    const reached = seen.slice(before).find((request) => request.method === 'PUT');
    expect(reached?.headers.authorization).toBeUndefined();
    expect(reached?.headers.cookie).toBeUndefined();
  });

  it('keeps the products service’s size limit', async () => {
    const res = await fetch(`${origin}/uploads/good-token`, {
      method: 'PUT',
      body: Buffer.alloc(LIMIT + 1),
      headers: { 'content-type': 'image/png' },
    });
    expect(res.status).toBe(413);
  });

  it('forwards only image and upload paths', async () => {
    const before = seen.length;
    for (const path of ['/graphql', '/images/a/b.png', '/uploads/', '/images/%2e%2e%2fgraphql']) {
      const res = await fetch(`${origin}${path}`);
      expect(res.headers.get('x-not-proxied')).toBe('1');
    }
    expect(seen.length).toBe(before);
  });

  it('answers 502 when the products service is down', async () => {
    const down = createServer();
    const downOrigin = await listen(down);
    await new Promise((resolve) => down.close(resolve));
    const proxy = createImagesProxy({ productsUrl: `${downOrigin}/graphql`, logger: silent });
    const front = createServer((req, res) => void proxy(req, res, `/images/${KEY}`));
    const frontOrigin = await listen(front);
    try {
      const res = await fetch(`${frontOrigin}/images/${KEY}`);
      expect(res.status).toBe(502);
    } finally {
      await new Promise((resolve) => front.close(resolve));
    }
  });
});
