import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, errorCode, gqlRequest, typedDocument } from '@bloom/testing';
import {
  type Federation,
  type TestGateway,
  signToken,
  startFederation,
  startTestGateway,
} from '../../test/federation.fixture.js';

interface WhoAmI {
  whoami: {
    kind: string;
    userId: string | null;
    roles: string[];
    scopes: string[];
    apiKeyId: string | null;
  };
  user: { seenByStores: { kind: string; userId: string | null; roles: string[] } };
}
const WHOAMI = typedDocument<WhoAmI>(
  '{ whoami { kind userId roles scopes apiKeyId } user(id: "u1") { seenByStores { kind userId roles } } }',
);

let federation: Federation;
let gw: TestGateway;

beforeAll(async () => {
  federation = await startFederation();
  gw = await startTestGateway(federation, { API_KEY_RATE_LIMIT_PER_MINUTE: '3' });
});

afterAll(async () => {
  await gw?.close();
  await federation?.close();
});

describe('edge authentication: access tokens', () => {
  it('forwards a valid token to every subgraph as that user with those roles', async () => {
    const token = await signToken({ sub: 'user-42', roles: ['CUSTOMER', 'SELLER'] });
    const response = await gqlRequest(gw.url, WHOAMI, {}, bearer(token));
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({
      whoami: {
        kind: 'user',
        userId: 'user-42',
        roles: ['CUSTOMER', 'SELLER'],
        scopes: [],
        apiKeyId: null,
      },
      user: { seenByStores: { kind: 'user', userId: 'user-42', roles: ['CUSTOMER', 'SELLER'] } },
    });
  });

  it('treats a request without credentials as anonymous', async () => {
    const response = await gqlRequest(gw.url, WHOAMI);
    expect(response.data?.whoami).toMatchObject({ kind: 'anonymous', userId: null, roles: [] });
  });

  const refused: [string, () => Promise<string>, RegExp][] = [
    ['an expired token', () => signToken({ expiresIn: -60 }), /expired/],
    ['a token signed with another secret', () => signToken({ secret: 'x'.repeat(48) }), /invalid/],
    ['a token for another audience', () => signToken({ audience: 'another-api' }), /invalid/],
    ['a token from another issuer', () => signToken({ issuer: 'someone-else' }), /invalid/],
    ['a refresh token', () => signToken({ typ: 'refresh' }), /invalid/],
    ['a token with an unknown role', () => signToken({ roles: ['ROOT'] }), /invalid/],
    ['garbage', () => Promise.resolve('not.a.jwt'), /invalid/],
  ];
  it.each(refused)('refuses %s with HTTP 401 UNAUTHENTICATED', async (_, token, message) => {
    const callsBefore = federation.identity.callers.length;
    const response = await gqlRequest(gw.url, WHOAMI, {}, bearer(await token()));
    expect(response.status).toBe(401);
    expect(errorCode(response)).toBe('UNAUTHENTICATED');
    expect(response.errors?.[0]?.message).toMatch(message);
    expect(response.data).toBeUndefined();
    expect(federation.identity.callers.length).toBe(callsBefore);
  });

  it('refuses an Authorization header that is not a bearer token', async () => {
    const response = await gqlRequest(gw.url, WHOAMI, {}, { authorization: 'Basic dXNlcjpwdw==' });
    expect(response.status).toBe(401);
    expect(errorCode(response)).toBe('UNAUTHENTICATED');
  });

  it('refuses a token signed with the none algorithm', async () => {
    const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    const unsigned = `${encode({ alg: 'none' })}.${encode({
      sub: 'admin',
      roles: ['ADMIN'],
      typ: 'access',
      iss: 'blooming-blooms',
      aud: 'blooming-blooms-api',
      exp: now + 600,
    })}.`;
    const response = await gqlRequest(gw.url, WHOAMI, {}, bearer(unsigned));
    expect(response.status).toBe(401);
    expect(errorCode(response)).toBe('UNAUTHENTICATED');
  });
});

describe('edge authentication: API keys', () => {
  const lookups = () =>
    federation.identity.callers.filter((caller) => caller.traceId.startsWith('apikey-')).length;

  it('resolves a valid key through the identity subgraph to an integrator caller', async () => {
    const response = await gqlRequest(
      gw.url,
      WHOAMI,
      {},
      {
        'x-api-key': 'bk_live_valid',
        'x-trace-id': 'apikey-trace-0001',
      },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({
      whoami: {
        kind: 'integrator',
        userId: 'owner-1',
        roles: [],
        scopes: ['orders:read'],
        apiKeyId: 'key-1',
      },
      user: { seenByStores: { kind: 'integrator', userId: 'owner-1', roles: [] } },
    });
    // The lookup itself went to identity as the anonymous gateway, not as the integrator.
    const lookup = federation.identity.callers.find(
      (caller) => caller.traceId === 'apikey-trace-0001',
    );
    expect(lookup).toMatchObject({ kind: 'anonymous' });
  });

  it('caches a resolved key instead of asking identity on every request', async () => {
    const before = lookups();
    await gqlRequest(
      gw.url,
      '{ whoami { kind } }',
      {},
      {
        'x-api-key': 'bk_live_valid',
        'x-trace-id': 'apikey-trace-0002',
      },
    );
    // Only the operation's own call to identity, no principal lookup.
    expect(lookups() - before).toBe(1);
  });

  it('refuses an unknown key with HTTP 401 and caches that answer briefly', async () => {
    const before = lookups();
    for (const n of [1, 2]) {
      const response = await gqlRequest(
        gw.url,
        WHOAMI,
        {},
        {
          'x-api-key': 'bk_live_unknown',
          'x-trace-id': `apikey-trace-unknown-${n}`,
        },
      );
      expect(response.status).toBe(401);
      expect(errorCode(response)).toBe('UNAUTHENTICATED');
    }
    expect(lookups() - before).toBe(1);
  });

  it('refuses a request that sends both a token and a key', async () => {
    const token = await signToken();
    const response = await gqlRequest(
      gw.url,
      WHOAMI,
      {},
      {
        ...bearer(token),
        'x-api-key': 'bk_live_valid',
      },
    );
    expect(response.status).toBe(401);
    expect(errorCode(response)).toBe('UNAUTHENTICATED');
  });

  it('rate-limits each key on its own: HTTP 429 RATE_LIMITED with Retry-After', async () => {
    const call = (key: string) =>
      fetch(gw.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': key },
        body: JSON.stringify({ query: '{ whoami { kind } }' }),
      });
    // The limit is 3 per minute; this key has not been used yet.
    for (let i = 0; i < 3; i += 1) expect((await call('bk_live_other')).status).toBe(200);
    const limited = await call('bk_live_other');
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(20);
    const body = (await limited.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe('RATE_LIMITED');

    // Anonymous callers and other keys are not affected by this key's bucket.
    expect((await gqlRequest(gw.url, '{ whoami { kind } }')).status).toBe(200);
  });

  it('answers 503 when identity cannot be asked, without leaking where it is', async () => {
    const down = await startTestGateway(federation, {
      SUBGRAPH_IDENTITY_URL: 'http://127.0.0.1:9/graphql',
    });
    try {
      const response = await gqlRequest(down.url, WHOAMI, {}, { 'x-api-key': 'bk_live_valid' });
      expect(response.status).toBe(503);
      expect(errorCode(response)).toBe('INTERNAL_SERVER_ERROR');
      expect(JSON.stringify(response)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED/);
    } finally {
      await down.close();
    }
  });
});
