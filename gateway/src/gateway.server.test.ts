import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALLER_HEADER, signCaller } from '@bloom/kernel';
import { type GraphQLResponse, errorCode, freePort, gqlRequest, waitFor } from '@bloom/testing';
import {
  type Federation,
  type TestGateway,
  startFederation,
  startTestGateway,
} from '../test/federation.fixture.js';

let federation: Federation;
let gw: TestGateway;

beforeAll(async () => {
  federation = await startFederation();
  gw = await startTestGateway(federation, { MAX_QUERY_DEPTH: '4', MAX_QUERY_COST: '200' });
});

afterAll(async () => {
  await gw?.close();
  await federation?.close();
});

describe('gateway: federation and the signed caller', () => {
  it('answers an anonymous query across both subgraphs, each seeing an anonymous caller', async () => {
    const response = await gqlRequest(
      gw.url,
      '{ whoami { kind userId } user(id: "u7") { name store { name } seenByStores { kind } } }',
    );
    expect(response.status).toBe(200);
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({
      whoami: { kind: 'anonymous', userId: null },
      user: {
        name: 'User u7',
        store: { name: 'Blooms of u7' },
        seenByStores: { kind: 'anonymous' },
      },
    });
  });

  it('refuses a subgraph called directly, without or with a forged caller header', async () => {
    const bare = await gqlRequest(federation.identity.url, '{ whoami { kind } }');
    expect(bare.status).toBe(401);
    expect(errorCode(bare)).toBe('UNAUTHENTICATED');

    const forged = signCaller(
      { kind: 'user', userId: 'admin', roles: ['ADMIN'], scopes: [], traceId: 'forged-trace' },
      'not-the-shared-secret-0123456789abcdef',
    );
    const withForged = await gqlRequest(
      federation.identity.url,
      '{ whoami { kind } }',
      {},
      {
        [CALLER_HEADER]: forged,
      },
    );
    expect(withForged.status).toBe(401);
    expect(errorCode(withForged)).toBe('UNAUTHENTICATED');
  });

  it('keeps @inaccessible fields out of the public schema', async () => {
    const response = await gqlRequest(
      gw.url,
      '{ apiKeyPrincipal(key: "bk_live_valid") { apiKeyId } }',
    );
    expect(response.status).toBe(400);
    expect(errorCode(response)).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('gateway: trace ids and request logs', () => {
  it('keeps a well-formed x-trace-id, returns it and forwards it to every subgraph', async () => {
    const traceId = 'trace-0123456789abcdef';
    const response = await fetch(gw.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-trace-id': traceId },
      body: JSON.stringify({
        query: 'query Traced { user(id: "u1") { seenByStores { traceId } } }',
      }),
    });
    expect(response.headers.get('x-trace-id')).toBe(traceId);
    const body = (await response.json()) as {
      data: { user: { seenByStores: { traceId: string } } };
    };
    expect(body.data.user.seenByStores.traceId).toBe(traceId);
    expect(federation.identity.traceIds).toContain(traceId);
    expect(federation.stores.traceIds).toContain(traceId);

    const line = await waitFor(() =>
      gw.logs.find((entry) => entry.msg === 'request' && entry.traceId === traceId),
    );
    expect(line).toMatchObject({
      level: 'info',
      method: 'POST',
      path: '/graphql',
      status: 200,
      callerKind: 'anonymous',
      operationName: 'Traced',
      errorCodes: [],
    });
    expect(typeof line?.durationMs).toBe('number');
  });

  it('replaces a malformed trace id with a generated one', async () => {
    const response = await fetch(gw.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-trace-id': 'bad id\twith spaces' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    const traceId = response.headers.get('x-trace-id');
    expect(traceId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('logs the error codes of a failed request', async () => {
    const response = await fetch(gw.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer nope' },
      body: JSON.stringify({ query: '{ whoami { kind } }' }),
    });
    const traceId = response.headers.get('x-trace-id');
    await response.arrayBuffer();
    // The line is written when the server side of the response closes.
    const line = await waitFor(() =>
      gw.logs.find((entry) => entry.msg === 'request' && entry.traceId === traceId),
    );
    expect(line).toMatchObject({ status: 401, errorCodes: ['UNAUTHENTICATED'] });
  });
});

describe('gateway: errors', () => {
  it('masks an internal subgraph error: no message, stack or service name leaks', async () => {
    const response = await gqlRequest(gw.url, '{ failInternally }');
    expect(response.status).toBe(200);
    expect(response.errors).toHaveLength(1);
    const [error] = response.errors ?? [];
    expect(error?.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(error?.message).not.toMatch(/hunter2|mongodb|connection/);
    expect(JSON.stringify(response)).not.toMatch(/hunter2|stacktrace|serviceName|identity/);
    expect(
      gw.logs.some((entry) => entry.msg === 'unexpected error' && entry.subgraph === 'identity'),
    ).toBe(true);
  });

  it('passes a coded subgraph error through without internal details', async () => {
    const response = await gqlRequest(gw.url, '{ failForbidden }');
    expect(response.errors?.[0]).toMatchObject({
      message: 'Only sellers can do this.',
      path: ['failForbidden'],
      extensions: { code: 'FORBIDDEN' },
    });
    expect(Object.keys(response.errors?.[0]?.extensions ?? {})).toEqual(['code']);
  });

  it('keeps Apollo request errors as they are', async () => {
    const response = await gqlRequest(gw.url, '{ whoami { nope } }');
    expect(response.status).toBe(400);
    expect(errorCode(response)).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('answers the rest when a subgraph is down, saying it can be retried, without internals', async () => {
    const port = await freePort();
    const broken = await startTestGateway(federation, {
      SUBGRAPH_STORES_URL: `http://127.0.0.1:${port}/graphql`,
    });
    try {
      const response = await gqlRequest(broken.url, '{ user(id: "u1") { name store { name } } }');
      expect(response.data).toEqual({ user: { name: 'User u1', store: null } });
      // Partial data stays a 200; the missing part is retryable, not our bug.
      expect(response.status).toBe(200);
      expect(errorCode(response)).toBe('SERVICE_UNAVAILABLE');
      expect(JSON.stringify(response.errors)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|stores/);
    } finally {
      await broken.close();
    }
  });
});

describe('gateway: depth and cost limits', () => {
  it('accepts an operation within both limits', async () => {
    const response = await gqlRequest(
      gw.url,
      '{ users(first: 5) { id friends(first: 2) { id } } }',
    );
    expect(response.errors).toBeUndefined();
  });

  it('refuses an operation deeper than MAX_QUERY_DEPTH with HTTP 400, calling no subgraph', async () => {
    const callsBefore = federation.identity.callers.length;
    const response = await gqlRequest(
      gw.url,
      `query Deep { user(id: "u1") { ...F } }
       fragment F on User { friends { friends { friends { friends { id } } } } }`,
    );
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.extensions).toEqual({
      code: 'QUERY_TOO_COMPLEX',
      limit: 'depth',
      measured: 6,
      maximum: 4,
    });
    expect(response.errors?.[0]?.message).toMatch(/depth is 6, over the limit of 4/);
    expect(federation.identity.callers.length).toBe(callsBefore);
  });

  it('refuses an operation costlier than MAX_QUERY_COST, reading page sizes from variables', async () => {
    const response = await gqlRequest(
      gw.url,
      'query Wide($n: Int) { users(first: $n) { id name friends(first: 10) { id } } }',
      { n: 50 },
    );
    expect(response.status).toBe(400);
    // users (1 + 10 for its read) + 50 × (id 1 + name 1 + friends (1 + 10 × id 1)) = 661
    expect(response.errors?.[0]?.extensions).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      limit: 'cost',
      measured: 661,
      maximum: 200,
    });
  });
});

describe('gateway: automatic persisted queries', () => {
  it('asks for an unknown hash once, then answers from the hash alone', async () => {
    const query = '{ user(id: "apq") { name } }';
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const extensions = { persistedQuery: { version: 1, sha256Hash } };
    const post = async (body: object): Promise<GraphQLResponse> => {
      const response = await fetch(gw.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: response.status, ...((await response.json()) as object) };
    };

    expect(errorCode(await post({ extensions }))).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect((await post({ query, extensions })).data).toEqual({ user: { name: 'User apq' } });
    expect((await post({ extensions })).data).toEqual({ user: { name: 'User apq' } });
  });
});

describe('gateway: health and readiness', () => {
  it('answers /health while up', async () => {
    const response = await fetch(`${gw.base}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', service: 'gateway' });
  });

  it('is ready when every subgraph answers its /health', async () => {
    const response = await fetch(`${gw.base}/ready`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: 'ready',
      subgraphs: { identity: 'ok', stores: 'ok' },
      failed: [],
    });
  });

  it('is not ready, naming the subgraph, when one is down', async () => {
    const port = await freePort();
    const degraded = await startTestGateway(federation, {
      SUBGRAPH_STORES_URL: `http://127.0.0.1:${port}/graphql`,
    });
    try {
      const response = await fetch(`${degraded.base}/ready`);
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({
        status: 'unavailable',
        subgraphs: { identity: 'ok', stores: 'unreachable' },
        failed: ['stores'],
      });
    } finally {
      await degraded.close();
    }
  });

  it('answers 404 for unknown paths, and for the explorer when it is off', async () => {
    expect((await fetch(`${gw.base}/nope`)).status).toBe(404);
    expect((await fetch(`${gw.base}/explorer`)).status).toBe(404);
    expect((await fetch(`${gw.base}/explorer/assets/graphiql.min.js`)).status).toBe(404);
  });
});

describe('gateway: CORS', () => {
  it('answers a preflight from an allowed origin', async () => {
    const cors = await startTestGateway(federation, { CORS_ORIGINS: 'https://shop.example' });
    try {
      const preflight = await fetch(cors.url, {
        method: 'OPTIONS',
        headers: {
          origin: 'https://shop.example',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization, content-type',
        },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe('https://shop.example');
      expect(preflight.headers.get('access-control-allow-headers')).toMatch(
        /authorization.*content-type.*x-api-key.*apollo-require-preflight/,
      );

      const other = await fetch(cors.url, {
        method: 'OPTIONS',
        headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
      });
      expect(other.headers.get('access-control-allow-origin')).toBeNull();

      const actual = await fetch(cors.url, {
        method: 'POST',
        headers: { origin: 'https://shop.example', 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(actual.headers.get('access-control-allow-origin')).toBe('https://shop.example');
      expect(actual.headers.get('access-control-expose-headers')).toMatch(/x-trace-id/);
    } finally {
      await cors.close();
    }
  });
});

describe('gateway: explorer', () => {
  let explorer: TestGateway;
  beforeAll(async () => {
    explorer = await startTestGateway(federation, { EXPLORER: 'true' });
  });
  afterAll(async () => {
    await explorer?.close();
  });

  it('serves a page that loads its assets from the gateway itself', async () => {
    const page = await fetch(`${explorer.base}/explorer`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    const sources = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]);
    expect(sources).toEqual([
      '/explorer/assets/graphiql.min.css',
      '/explorer/assets/react.production.min.js',
      '/explorer/assets/react-dom.production.min.js',
      '/explorer/assets/graphiql.min.js',
    ]);
    expect(html).toContain("new URL('/graphql', location.href)");

    for (const source of sources) {
      const asset = await fetch(`${explorer.base}${source}`);
      expect(asset.status, source).toBe(200);
      const type = asset.headers.get('content-type');
      expect(type, source).toMatch(source?.endsWith('.css') ? /^text\/css/ : /^text\/javascript/);
      expect((await asset.arrayBuffer()).byteLength, source).toBeGreaterThan(1000);
    }
    expect((await fetch(`${explorer.base}/explorer/assets/../../package.json`)).status).toBe(404);
    expect((await fetch(`${explorer.base}/explorer/assets/toString`)).status).toBe(404);
  });

  it('allows introspection only when the explorer is on', async () => {
    const query = '{ __schema { queryType { name } } }';
    expect((await gqlRequest(explorer.url, query)).data).toEqual({
      __schema: { queryType: { name: 'Query' } },
    });
    expect(errorCode(await gqlRequest(gw.url, query))).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('gateway: lifecycle', () => {
  it('closes once, however often close() is called, and stops accepting connections', async () => {
    const extra = await startTestGateway(federation);
    expect((await fetch(`${extra.base}/health`)).status).toBe(200);
    await Promise.all([extra.close(), extra.close()]);
    await expect(fetch(`${extra.base}/health`)).rejects.toThrow();
  });
});
