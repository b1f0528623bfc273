import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerCaller, expectUnion, testEnv } from '@bloom/testing';
import { graphql } from './generated/index.js';
import { type IdentityHarness, LOG_IN, codeOf, startIdentity } from './identity.harness.js';

const SIGN_UP = graphql(`
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) {
      __typename
      ...AuthPayloadFields
      ...UserErrorFields
      ... on InvalidInputError {
        field
      }
    }
  }
`);
const REFRESH = graphql(`
  mutation RefreshTokens($t: String!) {
    refreshTokens(refreshToken: $t) {
      __typename
      ...AuthPayloadFields
      ...UserErrorFields
    }
  }
`);

let h: IdentityHarness;
beforeAll(async () => {
  h = await startIdentity('auth');
});
afterAll(async () => h.close());

const signUp = (email: string, password = 'flowers123', name = '김민지') =>
  h.call(SIGN_UP, { input: { email, password, name } });

describe('sign-up and log-in', () => {
  it('signs up, publishes registration and verification events, and logs in', async () => {
    const res = await signUp('Minji@Example.com');
    expect(res.data?.signUp.__typename).toBe('AuthPayload');
    const { user } = expectUnion(res.data?.signUp, 'AuthPayload');
    expect(user.roles).toEqual(['CUSTOMER']);
    // The payload is the new account holder's own: it shows their e-mail.
    expect(user.email).toBe('minji@example.com');
    const [registered] = await h.events.waitForType('identity.user.registered');
    expect(registered?.payload).toMatchObject({
      userId: user.id,
      email: 'minji@example.com',
      asSeller: false,
    });
    await h.events.waitForType('identity.emailVerification.requested');

    const login = await h.call(LOG_IN, {
      input: { email: 'minji@example.com', password: 'flowers123' },
    });
    expect(login.data?.logIn).toMatchObject({
      __typename: 'AuthPayload',
      user: { email: 'minji@example.com' },
    });
    const wrong = await h.call(LOG_IN, {
      input: { email: 'minji@example.com', password: 'wrong12345' },
    });
    expect(wrong.data?.logIn).toMatchObject({
      __typename: 'InvalidCredentialsError',
      code: 'INVALID_CREDENTIALS',
    });
    const unknown = await h.call(LOG_IN, {
      input: { email: 'nobody@example.com', password: 'wrong12345' },
    });
    expect(unknown.data?.logIn).toMatchObject({ code: 'INVALID_CREDENTIALS' });
  });

  it('refuses weak passwords and bad e-mails with a typed error naming the field', async () => {
    const weak = await signUp('weak@example.com', 'short');
    expect(weak.data?.signUp).toMatchObject({
      __typename: 'InvalidInputError',
      field: 'password',
      code: 'WEAK_PASSWORD',
    });
    const digitsOnly = await signUp('weak@example.com', '12345678');
    expect(digitsOnly.data?.signUp).toMatchObject({ field: 'password' });
    const email = await signUp('not-an-email');
    expect(email.data?.signUp).toMatchObject({ field: 'email', code: 'INVALID_EMAIL' });
  });

  it('reports a duplicate e-mail as EmailTaken', async () => {
    await signUp('dup@example.com');
    const again = await signUp('DUP@example.com ');
    expect(again.data?.signUp).toMatchObject({
      __typename: 'EmailTakenError',
      code: 'EMAIL_TAKEN',
    });
  });

  it('creates exactly one account from 20 simultaneous sign-ups with the same e-mail', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => signUp('race@example.com')));
    const kinds = results.map((r) => r.data?.signUp.__typename);
    expect(kinds.filter((k) => k === 'AuthPayload')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'EmailTakenError')).toHaveLength(19);
    const client = await MongoClient.connect(testEnv.MONGO_URL);
    try {
      const db = client.db(h.server.deps.config.IDENTITY_DB);
      expect(await db.collection('users').countDocuments({ email: 'race@example.com' })).toBe(1);
    } finally {
      await client.close();
    }
  });
});

describe('log-in throttling', () => {
  it('caps password guesses per e-mail at ten per window, even when they arrive together', async () => {
    await signUp('guessed@example.com');
    const guesses = await Promise.all(
      Array.from({ length: 14 }, () =>
        h.call(LOG_IN, { input: { email: 'guessed@example.com', password: 'guess12345' } }),
      ),
    );
    const codes = guesses.map((r) => codeOf(r.data?.logIn));
    expect(codes.filter((c) => c === 'INVALID_CREDENTIALS')).toHaveLength(10);
    expect(codes.filter((c) => c === 'LOGIN_THROTTLED')).toHaveLength(4);
    const right = await h.call(LOG_IN, {
      input: { email: 'guessed@example.com', password: 'flowers123' },
    });
    expect(right.data?.logIn).toMatchObject({ code: 'LOGIN_THROTTLED' });
    h.advance(15 * 60_000);
    const later = await h.call(LOG_IN, {
      input: { email: 'guessed@example.com', password: 'flowers123' },
    });
    h.advance(-15 * 60_000);
    expect(later.data?.logIn.__typename).toBe('AuthPayload');
  });
});

describe('refresh tokens', () => {
  it('rotates, and reusing a rotated token revokes the whole family', async () => {
    const first = expectUnion((await signUp('rotate@example.com')).data?.signUp, 'AuthPayload');
    const second = (await h.call(REFRESH, { t: first.refreshToken })).data?.refreshTokens;
    expect(second?.__typename).toBe('AuthPayload');
    const rotated = expectUnion(second, 'AuthPayload');
    expect(rotated.refreshToken).not.toBe(first.refreshToken);

    const reuse = (await h.call(REFRESH, { t: first.refreshToken })).data?.refreshTokens;
    expect(reuse).toMatchObject({
      __typename: 'InvalidRefreshTokenError',
      code: 'REFRESH_TOKEN_REUSED',
    });
    // The legitimate newer token is gone too: the family was revoked.
    const after = (await h.call(REFRESH, { t: rotated.refreshToken })).data?.refreshTokens;
    expect(after?.__typename).toBe('InvalidRefreshTokenError');
  });

  it('lets exactly one of ten concurrent refreshes of the same token win', async () => {
    const first = expectUnion(
      (await signUp('concurrent-refresh@example.com')).data?.signUp,
      'AuthPayload',
    );
    const results = await Promise.all(
      Array.from({ length: 10 }, () => h.call(REFRESH, { t: first.refreshToken })),
    );
    const winners = results.filter((r) => r.data?.refreshTokens.__typename === 'AuthPayload');
    expect(winners).toHaveLength(1);
  });

  it('logs out by revoking the family, and refuses garbage tokens', async () => {
    const session = expectUnion((await signUp('logout@example.com')).data?.signUp, 'AuthPayload');
    const out = await h.call(
      graphql(`
        mutation LogOut($t: String!) {
          logOut(refreshToken: $t)
        }
      `),
      { t: session.refreshToken },
    );
    expect(out.data?.logOut).toBe(true);
    const refreshed = await h.call(REFRESH, { t: session.refreshToken });
    expect(refreshed.data?.refreshTokens.__typename).toBe('InvalidRefreshTokenError');
    const garbage = await h.call(REFRESH, { t: 'not-a-token' });
    expect(garbage.data?.refreshTokens).toMatchObject({ code: 'INVALID_REFRESH_TOKEN' });
  });

  it('expires refresh tokens after their lifetime', async () => {
    const session = expectUnion((await signUp('expiry@example.com')).data?.signUp, 'AuthPayload');
    h.advance(15 * 86_400_000);
    const res = await h.call(REFRESH, { t: session.refreshToken });
    h.advance(-15 * 86_400_000);
    expect(res.data?.refreshTokens).toMatchObject({ code: 'REFRESH_TOKEN_EXPIRED' });
  });

  it('ends other sessions when the password changes', async () => {
    const session = expectUnion((await signUp('change@example.com')).data?.signUp, 'AuthPayload');
    const userId = session.user.id;
    const changed = await h.call(
      graphql(`
        mutation ChangePassword($input: ChangePasswordInput!) {
          changePassword(input: $input) {
            __typename
            ...AuthPayloadFields
            ...UserErrorFields
            ... on InvalidInputError {
              field
            }
          }
        }
      `),
      { input: { currentPassword: 'flowers123', newPassword: 'roses4567' } },
      customerCaller(userId),
    );
    expect(changed.data?.changePassword.__typename).toBe('AuthPayload');
    const old = await h.call(REFRESH, { t: session.refreshToken });
    expect(old.data?.refreshTokens.__typename).toBe('InvalidRefreshTokenError');
    const fresh = await h.call(REFRESH, {
      t: expectUnion(changed.data?.changePassword, 'AuthPayload').refreshToken,
    });
    expect(fresh.data?.refreshTokens.__typename).toBe('AuthPayload');
    const login = await h.call(LOG_IN, {
      input: { email: 'change@example.com', password: 'roses4567' },
    });
    expect(login.data?.logIn.__typename).toBe('AuthPayload');
  });
});

describe('the gateway signature', () => {
  it('refuses a request that does not come through the gateway', async () => {
    const res = await fetch(h.server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    expect(res.status).toBe(401);
    const body = (await res.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a forged signature', async () => {
    const res = await fetch(h.server.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-bloom-caller': 'eyJraW5kIjoidXNlciJ9.AAAA',
      },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    expect(res.status).toBe(401);
  });
});
