import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CALLER_HEADER, readBody, sendJson, verifyCaller } from '@bloom/kernel';
import { TEST_CALLER_SECRET, freePort } from '@bloom/testing';
import { ApiKeyLookupError, ApiKeyResolver } from './api-key.resolver.js';

/** A stand-in identity endpoint: counts lookups and can be told to fail. */
let lookups = 0;
let mode: 'ok' | 'error' | 'slow' = 'ok';
let url = '';
const server = createServer((req, res) => {
  void (async () => {
    verifyCaller(req.headers[CALLER_HEADER] as string, TEST_CALLER_SECRET);
    const { variables } = JSON.parse(await readBody(req)) as { variables: { key: string } };
    lookups += 1;
    if (mode === 'error') {
      return sendJson(res, 200, {
        data: { apiKeyPrincipal: null },
        errors: [{ message: 'db down' }],
      });
    }
    if (mode === 'slow') await new Promise((resolve) => setTimeout(resolve, 50));
    const principal =
      variables.key === 'good' ? { apiKeyId: 'k1', ownerUserId: 'u1', scopes: ['a'] } : null;
    sendJson(res, 200, { data: { apiKeyPrincipal: principal } });
  })();
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  lookups = 0;
  mode = 'ok';
});

describe('ApiKeyResolver', () => {
  let clock = 0;
  const resolver = () =>
    new ApiKeyResolver({ identityUrl: url, callerSecret: TEST_CALLER_SECRET, now: () => clock });

  it('caches a known key for 30 s and an unknown one for 5 s', async () => {
    clock = 1_000_000;
    const keys = resolver();
    expect(await keys.resolve('good', 't-1')).toEqual({
      apiKeyId: 'k1',
      ownerUserId: 'u1',
      scopes: ['a'],
    });
    expect(await keys.resolve('bad', 't-2')).toBeNull();
    expect(lookups).toBe(2);

    clock += 4_999;
    await keys.resolve('good', 't-3');
    await keys.resolve('bad', 't-4');
    expect(lookups).toBe(2);

    clock += 1;
    await keys.resolve('bad', 't-5');
    expect(lookups).toBe(3);

    clock += 25_000;
    await keys.resolve('good', 't-6');
    expect(lookups).toBe(4);
  });

  it('shares one lookup between concurrent requests for the same key', async () => {
    mode = 'slow';
    const keys = resolver();
    const results = await Promise.all(Array.from({ length: 5 }, () => keys.resolve('good', 't')));
    expect(results.every((principal) => principal?.apiKeyId === 'k1')).toBe(true);
    expect(lookups).toBe(1);
  });

  it('does not cache a failed lookup', async () => {
    mode = 'error';
    const keys = resolver();
    await expect(keys.resolve('good', 't')).rejects.toBeInstanceOf(ApiKeyLookupError);
    mode = 'ok';
    expect(await keys.resolve('good', 't')).not.toBeNull();
    expect(lookups).toBe(2);
  });

  it('reports an unreachable identity subgraph as a lookup error', async () => {
    const keys = new ApiKeyResolver({
      identityUrl: `http://127.0.0.1:${await freePort()}/graphql`,
      callerSecret: TEST_CALLER_SECRET,
    });
    await expect(keys.resolve('good', 't')).rejects.toBeInstanceOf(ApiKeyLookupError);
  });
});
