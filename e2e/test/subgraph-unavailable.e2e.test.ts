import { type Server, createServer } from 'node:http';
import { freePort } from '@bloom/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerToken } from '../src/actors.js';
import { type System, startSystem } from '../src/system.harness.js';

/*
 * A subgraph that is restarting — its port closed, or a proxy in front of it answering 503 —
 * is the client's cue to retry, not our bug: the gateway answers HTTP 503 with Retry-After and
 * SERVICE_UNAVAILABLE (a checkout retried with the same idempotency key is safe), never a
 * masked INTERNAL_SERVER_ERROR.
 */

let sys: System;
let busy: Server;
let token = '';

beforeAll(async () => {
  busy = createServer((_req, res) => {
    res.writeHead(503, { 'content-type': 'text/plain' });
    res.end('restarting');
  });
  const busyPort = await freePort();
  await new Promise<void>((resolve) => busy.listen(busyPort, '127.0.0.1', resolve));
  // Nothing listens on a free port: connections to it are refused.
  const closedPort = await freePort();
  sys = await startSystem(['identity'], {
    SUBGRAPH_SUBSCRIPTIONS_URL: `http://127.0.0.1:${busyPort}/graphql`,
    SUBGRAPH_NOTIFICATIONS_URL: `http://127.0.0.1:${closedPort}/graphql`,
  });
  token = await customerToken(sys, 'restart-customer@bloom.test');
}, 120_000);

afterAll(async () => {
  await sys?.close();
  await new Promise((resolve) => busy?.close(resolve));
});

/** A raw POST, to read the status line and headers the shared client does not keep. */
async function post(query: string) {
  const res = await fetch(`${sys.gatewayUrl}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  const body = (await res.json()) as { errors?: { extensions?: Record<string, unknown> }[] };
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body };
}

describe('a subgraph that cannot serve right now', () => {
  it.each([
    ['refuses connections', '{ notices(first: 1) { totalCount } }'],
    ['answers 503 through its proxy', '{ mySubscriptions { id } }'],
  ])('%s: HTTP 503, Retry-After, SERVICE_UNAVAILABLE', async (_, query) => {
    const answer = await post(query);
    expect(answer.status).toBe(503);
    expect(answer.retryAfter).toBe('2');
    expect(answer.body.errors?.map((e) => e.extensions?.code)).toEqual(['SERVICE_UNAVAILABLE']);
    expect(answer.body.errors?.[0]?.extensions).toEqual({
      code: 'SERVICE_UNAVAILABLE',
      retryAfterSeconds: 2,
    });
  });

  it('leaves the rest of the graph answering as usual', async () => {
    const answer = await post('{ me { id } }');
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
  });
});
