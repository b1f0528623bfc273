import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type FormattedExecutionResult, createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { bearer, errorCode, gqlRequest, waitFor } from '@bloom/testing';
import {
  type Federation,
  type TestGateway,
  signToken,
  startFederation,
  startTestGateway,
} from '../../test/federation.fixture.js';

let federation: Federation;
/** Accepts connections and never answers: a subgraph that hangs. */
let blackHole: Server;
let blackHoleUrl: string;
/** When the gateway gave up on each request the black hole holds (its connection closed). */
const abandonedAt: number[] = [];

beforeAll(async () => {
  federation = await startFederation();
  blackHole = createServer((_req, res) => {
    res.on('close', () => abandonedAt.push(performance.now()));
  });
  await new Promise<void>((resolve) => blackHole.listen(0, '127.0.0.1', resolve));
  blackHoleUrl = `http://127.0.0.1:${(blackHole.address() as AddressInfo).port}/graphql`;
});

afterAll(async () => {
  blackHole?.closeAllConnections();
  await new Promise((resolve) => blackHole?.close(resolve));
  await federation?.close();
});

const post = (url: string, query: string, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });

type SocketResult = FormattedExecutionResult<Record<string, unknown>, unknown>;

interface ErrorBody {
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

describe('edge limits: the time budget', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway(federation, {
      REQUEST_TIME_BUDGET_MS: '400',
      SUBGRAPH_STORES_URL: blackHoleUrl,
    });
  });
  afterAll(() => gw?.close());

  it('answers an operation that outlives the budget with HTTP 504 GATEWAY_TIMEOUT', async () => {
    const started = performance.now();
    const response = await post(gw.url, 'query Hanging { user(id: "u1") { name store { name } } }');
    const elapsed = performance.now() - started;
    expect(response.status).toBe(504);
    const body = (await response.json()) as ErrorBody;
    expect(body.errors).toHaveLength(1);
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'GATEWAY_TIMEOUT', budgetMs: 400 });
    expect(elapsed).toBeGreaterThanOrEqual(390);
    expect(elapsed).toBeLessThan(3_000);

    const traceId = response.headers.get('x-trace-id');
    const line = await waitFor(() =>
      gw.logs.find((entry) => entry.msg === 'request' && entry.traceId === traceId),
    );
    expect(line).toMatchObject({ status: 504, errorCodes: ['GATEWAY_TIMEOUT'] });
  });

  it('aborts the subgraph fetches of an operation past its budget', async () => {
    const before = abandonedAt.length;
    const started = performance.now();
    const response = await post(gw.url, 'query Abandoned { user(id: "u3") { store { name } } }');
    expect(response.status).toBe(504);
    // The hanging fetch is cancelled at the budget, not left open until the subgraph answers.
    const closed = await waitFor(() => abandonedAt[before]);
    expect(closed - started).toBeLessThan(1_500);
  });

  it('lets operations within the budget through on the same gateway', async () => {
    const response = await gqlRequest(gw.url, '{ whoami { kind } user(id: "u2") { name } }');
    expect(response.status).toBe(200);
    expect(response.data).toEqual({ whoami: { kind: 'anonymous' }, user: { name: 'User u2' } });
  });

  it('bounds an operation sent over the WebSocket too, and keeps the socket usable', async () => {
    const client = createClient({
      url: gw.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
    });
    const once = (query: string) =>
      new Promise<SocketResult>((resolve, reject) => {
        let result: SocketResult = {};
        client.subscribe(
          { query },
          {
            next: (value) => {
              result = value;
            },
            error: reject,
            complete: () => resolve(result),
          },
        );
      });
    try {
      const timedOut = await once('{ user(id: "u1") { store { name } } }');
      expect(timedOut.errors?.[0]?.extensions).toMatchObject({ code: 'GATEWAY_TIMEOUT' });
      // The socket outlived the budget and still serves operations.
      expect((await once('{ whoami { kind } }')).data).toEqual({ whoami: { kind: 'anonymous' } });
    } finally {
      await client.dispose();
    }
  });
});

describe('edge limits: anonymous callers', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway(federation, { ANONYMOUS_RATE_LIMIT_PER_MINUTE: '3' });
  });
  afterAll(() => gw?.close());

  it('limits requests without credentials per address: HTTP 429 RATE_LIMITED with Retry-After', async () => {
    for (let i = 0; i < 3; i += 1)
      expect((await post(gw.url, '{ whoami { kind } }')).status).toBe(200);
    const callsBefore = federation.identity.callers.length;
    const limited = await post(gw.url, '{ whoami { kind } }');
    expect(limited.status).toBe(429);
    // 3 per minute: the next token comes in 20 s.
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(15);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(20);
    const body = (await limited.json()) as ErrorBody;
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'RATE_LIMITED' });
    expect(federation.identity.callers.length).toBe(callsBefore);

    // A signed-in person from the same address is not an anonymous caller.
    const token = await signToken({ sub: 'user-7' });
    const signedIn = await gqlRequest(gw.url, '{ whoami { kind } }', {}, bearer(token));
    expect(signedIn.status).toBe(200);
  });
});

describe('edge limits: anonymous callers behind a trusted proxy', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    // The test's own requests come from 127.0.0.1, a trusted proxy by default.
    gw = await startTestGateway(federation, {
      ANONYMOUS_RATE_LIMIT_PER_MINUTE: '2',
      TRUSTED_PROXY_HEADER: 'X-Forwarded-For',
    });
  });
  afterAll(() => gw?.close());

  const from = (forwardedFor: string) =>
    gqlRequest(gw.url, '{ whoami { kind } }', {}, { 'x-forwarded-for': forwardedFor });

  it('keeps one bucket per client the proxy names, and ignores what the client forged', async () => {
    expect((await from('203.0.113.1')).status).toBe(200);
    expect((await from('203.0.113.1')).status).toBe(200);
    const limited = await from('203.0.113.1');
    expect(limited.status).toBe(429);
    expect(errorCode(limited)).toBe('RATE_LIMITED');
    // Another client behind the same proxy has its own bucket.
    expect((await from('203.0.113.2')).status).toBe(200);
    // A client that sends its own x-forwarded-for is still known by what the proxy appended.
    expect((await from('198.51.100.77, 203.0.113.1')).status).toBe(429);
  });
});
