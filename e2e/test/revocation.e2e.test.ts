import { ADMIN_ACCOUNT, bearer, expectUnion, gqlRequest } from '@bloom/testing';
import { type Client, createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { customerToken } from '../src/actors.js';
import { graphql } from '../src/generated/index.js';
import { type System, startSystem } from '../src/system.harness.js';

/**
 * Sessions, keys and accounts end at once, on every gateway replica and on open sockets; and an
 * operation on a socket counts against the same rate limit as an HTTP request.
 */

const KEY_LIMIT_PER_MINUTE = 5;
let sys: System;
let replicaUrl: string;

beforeAll(async () => {
  sys = await startSystem(['identity', 'notifications'], {
    API_KEY_RATE_LIMIT_PER_MINUTE: String(KEY_LIMIT_PER_MINUTE),
  });
  replicaUrl = (await sys.startGateway()).url;
}, 60_000);
afterAll(async () => sys?.close());

const SIGN_IN = graphql(`
  mutation RevocationLogIn($i: LogInInput!) {
    logIn(input: $i) {
      __typename
      ... on AuthPayload {
        accessToken
        refreshToken
        user {
          id
        }
      }
    }
  }
`);
const LOG_OUT = graphql(`
  mutation RevocationLogOut($t: String!) {
    logOut(refreshToken: $t)
  }
`);
const CREATE_KEY = graphql(`
  mutation RevocationCreateKey($i: CreateApiKeyInput!) {
    createApiKey(input: $i) {
      __typename
      ... on ApiKeyCreated {
        secret
        apiKey {
          id
        }
      }
    }
  }
`);
const REVOKE_KEY = graphql(`
  mutation RevocationRevokeKey($id: ID!) {
    revokeApiKey(id: $id) {
      id
      revokedAt
    }
  }
`);
const SUSPEND = graphql(`
  mutation RevocationSuspend($id: ID!) {
    suspendUser(userId: $id, reason: "결제 사기 의심") {
      __typename
    }
  }
`);
const CHANGE_PASSWORD = graphql(`
  mutation RevocationChangePassword($i: ChangePasswordInput!) {
    changePassword(input: $i) {
      __typename
      ... on AuthPayload {
        accessToken
      }
    }
  }
`);
const UNREAD = graphql(`
  query RevocationUnread {
    unreadNoticeCount
  }
`);
const RESTOCKS = 'subscription { productRestocked(productId: "aaaaaaaaaaaaaaaaaaaaaaaa") { id } }';
const NOTICES = 'subscription { notificationAdded { id } }';

async function signIn(email: string) {
  await customerToken(sys, email);
  const res = await sys.call(SIGN_IN, { i: { email, password: 'flowers123' } });
  return expectUnion(res.data?.logIn, 'AuthPayload');
}

async function newKey(token: string, scopes: ('CATALOG_READ' | 'ORDERS_WRITE' | 'EVENTS_READ')[]) {
  const res = await sys.call(CREATE_KEY, { i: { name: 'POS', scopes } }, token);
  const created = expectUnion(res.data?.createApiKey, 'ApiKeyCreated');
  return { secret: created.secret, id: created.apiKey.id };
}

/** A graphql-ws client with a subscription open, and how and when its socket closed. */
function openSocket(url: string, params: Record<string, string>, query: string) {
  const errors: unknown[] = [];
  let closedAt = 0;
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    const client: Client = createClient({
      url: url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      lazy: false,
      onNonLazyError: () => undefined,
      connectionParams: params,
      on: {
        closed: (event) => {
          closedAt = Date.now();
          const { code, reason } = event as { code: number; reason: string };
          resolve({ code, reason: String(reason) });
        },
      },
    });
    client.subscribe(
      { query },
      {
        next: () => undefined,
        error: (error) => void errors.push(error),
        complete: () => undefined,
      },
    );
    sockets.push(client);
  });
  return { closed, errors, closedAt: () => closedAt };
}
const sockets: Client[] = [];
afterAll(async () => {
  for (const socket of sockets) await socket.dispose();
});

/** Resolves once `check` holds, polling; fails after `ms`. */
async function within(ms: number, check: () => Promise<boolean>): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < ms) {
    if (await check()) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`not within ${ms} ms`);
}

const refused = async (url: string, headers: Record<string, string>) =>
  (await gqlRequest(url, UNREAD, {}, headers)).status === 401;

describe('revocation', () => {
  it('refuses a logged-out session on every replica within 2 s, and closes its socket', async () => {
    const session = await signIn('logout@bloom.test');
    const headers = bearer(session.accessToken);
    expect((await gqlRequest(sys.gatewayUrl, UNREAD, {}, headers)).status).toBe(200);
    expect((await gqlRequest(replicaUrl, UNREAD, {}, headers)).status).toBe(200);
    const socket = openSocket(
      replicaUrl,
      { authorization: `Bearer ${session.accessToken}` },
      NOTICES,
    );
    await new Promise((resolve) => setTimeout(resolve, 200));

    const loggedOutAt = Date.now();
    await sys.call(LOG_OUT, { t: session.refreshToken });
    const first = await within(2_000, () => refused(sys.gatewayUrl, headers));
    const second = await within(2_000, () => refused(replicaUrl, headers));
    const { code } = await socket.closed;
    console.log(
      `[revocation] logout: refused after ${first} ms (gateway), ${second} ms (replica); ` +
        `socket closed ${code} after ${socket.closedAt() - loggedOutAt} ms`,
    );
    expect(code).toBe(4401);
    expect(socket.closedAt() - loggedOutAt).toBeLessThan(2_000);
    const answer = await gqlRequest(sys.gatewayUrl, UNREAD, {}, headers);
    expect(answer.errors?.[0]).toMatchObject({ message: 'This session has ended. Sign in again.' });
    // Another session of the same person is untouched.
    const other = await sys.call(SIGN_IN, {
      i: { email: 'logout@bloom.test', password: 'flowers123' },
    });
    const token = expectUnion(other.data?.logIn, 'AuthPayload').accessToken;
    expect((await gqlRequest(sys.gatewayUrl, UNREAD, {}, bearer(token))).status).toBe(200);
  });

  it("ends every other session's access at once when the password changes", async () => {
    const email = 'password-change@bloom.test';
    const here = await signIn(email);
    const elsewhere = await sys.call(SIGN_IN, { i: { email, password: 'flowers123' } });
    const other = bearer(expectUnion(elsewhere.data?.logIn, 'AuthPayload').accessToken);
    expect((await gqlRequest(replicaUrl, UNREAD, {}, other)).status).toBe(200);

    const res = await sys.call(
      CHANGE_PASSWORD,
      { i: { currentPassword: 'flowers123', newPassword: 'new-flowers-456' } },
      here.accessToken,
    );
    const fresh = expectUnion(res.data?.changePassword, 'AuthPayload').accessToken;
    // Not at the access token's expiry (15 min): within moments, on every replica.
    await within(2_000, () => refused(sys.gatewayUrl, other));
    await within(2_000, () => refused(replicaUrl, other));
    expect((await gqlRequest(sys.gatewayUrl, UNREAD, {}, bearer(fresh))).status).toBe(200);
  });

  it('stops a revoked key on every replica and closes its open socket within 2 s', async () => {
    const owner = await signIn('revoke@bloom.test');
    const key = await newKey(owner.accessToken, ['EVENTS_READ']);
    const headers = { 'x-api-key': key.secret };
    // Cached as valid on both replicas before the revocation.
    expect((await gqlRequest(sys.gatewayUrl, UNREAD, {}, headers)).status).toBe(200);
    expect((await gqlRequest(replicaUrl, UNREAD, {}, headers)).status).toBe(200);
    const socket = openSocket(sys.gatewayUrl, { 'x-api-key': key.secret }, RESTOCKS);
    await new Promise((resolve) => setTimeout(resolve, 200));

    const revokedAt = Date.now();
    await sys.call(REVOKE_KEY, { id: key.id }, owner.accessToken);
    await within(2_000, () => refused(sys.gatewayUrl, headers));
    await within(2_000, () => refused(replicaUrl, headers));
    expect((await socket.closed).code).toBe(4401);
    expect(socket.closedAt() - revokedAt).toBeLessThan(2_000);
  });

  it("ends a suspended user's tokens, keys and sockets at once", async () => {
    const person = await signIn('suspend@bloom.test');
    const key = await newKey(person.accessToken, ['EVENTS_READ']);
    const tokenSocket = openSocket(
      replicaUrl,
      { authorization: `Bearer ${person.accessToken}` },
      NOTICES,
    );
    const keySocket = openSocket(sys.gatewayUrl, { 'x-api-key': key.secret }, RESTOCKS);
    expect((await gqlRequest(replicaUrl, UNREAD, {}, { 'x-api-key': key.secret })).status).toBe(
      200,
    );
    await new Promise((resolve) => setTimeout(resolve, 200));

    const admin = await sys.logIn(ADMIN_ACCOUNT.email, ADMIN_ACCOUNT.password);
    const suspendedAt = Date.now();
    const suspended = await sys.call(SUSPEND, { id: person.user.id }, admin);
    expect(suspended.data?.suspendUser.__typename).toBe('User');
    for (const url of [sys.gatewayUrl, replicaUrl]) {
      await within(2_000, () => refused(url, bearer(person.accessToken)));
      await within(2_000, () => refused(url, { 'x-api-key': key.secret }));
    }
    expect((await tokenSocket.closed).code).toBe(4403);
    expect((await keySocket.closed).code).toBe(4403);
    expect(Math.max(tokenSocket.closedAt(), keySocket.closedAt()) - suspendedAt).toBeLessThan(
      2_000,
    );
  });

  it('remembers revocations in a replica started afterwards', async () => {
    const session = await signIn('late@bloom.test');
    await sys.call(LOG_OUT, { t: session.refreshToken });
    await within(2_000, () => refused(sys.gatewayUrl, bearer(session.accessToken)));
    const late = await sys.startGateway();
    expect(await refused(late.url, bearer(session.accessToken))).toBe(true);
  });
});

describe('limits on a socket', () => {
  it('counts every operation on a socket against the key, like HTTP', async () => {
    const owner = await signIn('socket-limit@bloom.test');
    const key = await newKey(owner.accessToken, ['EVENTS_READ']);
    const client = createClient({
      url: sys.gatewayUrl.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: { 'x-api-key': key.secret },
    });
    sockets.push(client);
    const once = () =>
      new Promise<string>((resolve) => {
        client.subscribe(
          { query: '{ unreadNoticeCount }' },
          {
            next: (value) => {
              const code = value.errors?.[0]?.extensions?.code;
              resolve(typeof code === 'string' ? code : value.data ? 'OK' : 'EMPTY');
            },
            error: (error) => {
              const first = Array.isArray(error)
                ? (error[0] as { extensions?: { code?: string } } | undefined)
                : undefined;
              resolve(first?.extensions?.code ?? 'ERROR');
            },
            complete: () => undefined,
          },
        );
      });
    const outcomes: string[] = [];
    for (let i = 0; i < KEY_LIMIT_PER_MINUTE + 5; i += 1) outcomes.push(await once());
    // Connecting took one request of the budget; the rest go to the first operations.
    expect(outcomes.slice(0, KEY_LIMIT_PER_MINUTE - 1)).not.toContain('RATE_LIMITED');
    expect(outcomes.slice(-5)).toEqual(Array(5).fill('RATE_LIMITED'));
    // The same key over HTTP is out of budget too.
    const http = await gqlRequest(sys.gatewayUrl, UNREAD, {}, { 'x-api-key': key.secret });
    expect(http.status).toBe(429);
  });

  it('lets a key subscribe only with EVENTS_READ', async () => {
    const owner = await signIn('scopes@bloom.test');
    const catalog = await newKey(owner.accessToken, ['CATALOG_READ']);
    const socket = openSocket(sys.gatewayUrl, { 'x-api-key': catalog.secret }, NOTICES);
    await within(2_000, () => Promise.resolve(socket.errors.length > 0));
    expect(JSON.stringify(socket.errors)).toContain('EVENTS_READ');
  });
});
