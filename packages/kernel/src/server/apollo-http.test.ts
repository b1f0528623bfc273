import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApolloServer } from '@apollo/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleGraphQLRequest } from './apollo-http.js';

let server: Server;
let url = '';
let executed = 0;
const json = { 'content-type': 'application/json' };

beforeAll(async () => {
  // Only the body handling runs: a request that gets past it counts as executed.
  const apollo = {
    executeHTTPGraphQLRequest: () => {
      executed += 1;
      return Promise.resolve({
        status: 200,
        headers: new Map(),
        body: { kind: 'complete', string: '{"data":{}}' },
      });
    },
  } as unknown as ApolloServer;
  server = createServer((req, res) => {
    void handleGraphQLRequest(apollo, req, res, () => Promise.resolve({}), {
      // Answers instead of Apollo for one operation name, seeing the parsed body.
      screen: ({ body }) =>
        (body as { operationName?: string } | undefined)?.operationName === 'Screened'
          ? { status: 400, body: { errors: [{ message: 'screened' }] } }
          : undefined,
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('handleGraphQLRequest', () => {
  it('answers a body over the limit with a 413, and the client can go on calling', async () => {
    const before = executed;
    for (const size of [1_000_001, 3_000_000]) {
      const response = await fetch(url, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ query: '{ a }', variables: { x: 'a'.repeat(size) } }),
      });
      expect(response.status).toBe(413);
      expect(await response.json()).toEqual({
        errors: [{ message: 'Request body too large.', extensions: { code: 'BAD_USER_INPUT' } }],
      });
      // Its connection was destroyed mid-body yet kept for reuse: a later call got ECONNRESET.
      for (let call = 0; call < 3; call += 1) {
        const next = await fetch(url, { method: 'POST', headers: json, body: '{"query":"{ a }"}' });
        expect(next.status).toBe(200);
      }
    }
    expect(executed).toBe(before + 6);
  });

  it('lets a screen answer a request before Apollo sees it', async () => {
    const before = executed;
    const screened = await fetch(url, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ query: '{ a }', operationName: 'Screened' }),
    });
    expect(screened.status).toBe(400);
    expect(await screened.json()).toEqual({ errors: [{ message: 'screened' }] });
    const passed = await fetch(url, { method: 'POST', headers: json, body: '{"query":"{ a }"}' });
    expect(passed.status).toBe(200);
    expect(executed).toBe(before + 1);
  });

  it('answers a body that is not JSON with a 400', async () => {
    const bad = await fetch(url, { method: 'POST', headers: json, body: '{"query": ' });
    expect(bad.status).toBe(400);
  });
});
