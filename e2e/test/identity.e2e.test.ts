import { SignJWT, decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_ACCOUNT,
  TEST_JWT_SECRET,
  bearer,
  errorCode,
  expectUnion,
  gqlRequest,
} from '@bloom/testing';
import { APPROVE_SELLER } from '../src/actors.js';
import { graphql } from '../src/generated/index.js';
import { type System, startSystem } from '../src/system.harness.js';

let sys: System;
beforeAll(async () => {
  sys = await startSystem(['identity']);
});
afterAll(async () => sys.close());

graphql(`
  fragment IdentityAuthPayload on AuthPayload {
    accessToken
    refreshToken
    user {
      id
      roles
    }
  }
`);
const SIGN_UP = graphql(`
  mutation IdentitySignUp($i: SignUpInput!) {
    signUp(input: $i) {
      __typename
      ...IdentityAuthPayload
      ... on UserError {
        code
        message
      }
    }
  }
`);
const REFRESH = graphql(`
  mutation IdentityRefreshTokens($t: String!) {
    refreshTokens(refreshToken: $t) {
      __typename
      ...IdentityAuthPayload
      ... on UserError {
        code
        message
      }
    }
  }
`);
const ME = graphql(`
  query IdentityMe {
    me {
      id
      email
      name
      roles
      seller {
        status
      }
    }
  }
`);
const ME_ROLES = graphql(`
  query IdentityMeRoles {
    me {
      roles
      seller {
        status
      }
    }
  }
`);
const ME_ID = graphql(`
  query IdentityMeId {
    me {
      id
    }
  }
`);
const ME_EMAIL = graphql(`
  query IdentityMeEmail {
    me {
      email
    }
  }
`);
const USERS = graphql(`
  query IdentityUsers {
    users {
      totalCount
    }
  }
`);

async function signUp(email: string) {
  const res = await sys.call(SIGN_UP, {
    i: { email, password: 'flowers123', name: '이수진' },
  });
  return res.data?.signUp;
}

const sign = (
  claims: Record<string, unknown>,
  { secret = TEST_JWT_SECRET, audience = 'blooming-blooms-api', expiresIn = '15m' } = {},
) =>
  new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('507f1f77bcf86cd799439011')
    .setIssuer('blooming-blooms')
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(secret));

describe('identity through the gateway', () => {
  it('sign up → log in → me → apply as seller → admin approves → token carries SELLER', async () => {
    const created = await signUp('journey@bloom.test');
    expect(created?.__typename).toBe('AuthPayload');
    const { user } = expectUnion(created, 'AuthPayload');
    const token = await sys.logIn('journey@bloom.test', 'flowers123');
    const me = await sys.call(ME, {}, token);
    expect(me.data?.me).toEqual({
      id: user.id,
      email: 'journey@bloom.test',
      name: '이수진',
      roles: ['CUSTOMER'],
      seller: null,
    });

    const applied = await sys.call(
      graphql(`
        mutation IdentityApplyForSeller {
          applyForSeller(
            input: { businessName: "봄날 꽃집", businessRegistrationNumber: "220-81-62517" }
          ) {
            __typename
            ... on User {
              seller {
                status
              }
            }
          }
        }
      `),
      {},
      token,
    );
    expect(expectUnion(applied.data?.applyForSeller, 'User').seller?.status).toBe('PENDING');
    expect(decodeJwt(await sys.logIn('journey@bloom.test', 'flowers123')).roles).toEqual([
      'CUSTOMER',
    ]);

    const adminToken = await sys.logIn(ADMIN_ACCOUNT.email, ADMIN_ACCOUNT.password);
    const queue = await sys.call(
      graphql(`
        query IdentitySellerApplications {
          sellerApplications {
            nodes {
              id
              email
              seller {
                businessName
              }
            }
          }
        }
      `),
      {},
      adminToken,
    );
    expect(queue.data?.sellerApplications.nodes).toContainEqual({
      id: user.id,
      email: 'journey@bloom.test',
      seller: { businessName: '봄날 꽃집' },
    });
    const approved = await sys.call(APPROVE_SELLER, { id: user.id }, adminToken);
    expect(approved.data?.approveSeller.__typename).toBe('User');

    const sellerToken = await sys.logIn('journey@bloom.test', 'flowers123');
    expect(decodeJwt(sellerToken).roles).toEqual(['CUSTOMER', 'SELLER']);
    const meAgain = await sys.call(ME_ROLES, {}, sellerToken);
    expect(meAgain.data?.me).toEqual({
      roles: ['CUSTOMER', 'SELLER'],
      seller: { status: 'APPROVED' },
    });
  });

  it('keeps admin fields from customers', async () => {
    await signUp('nosy@bloom.test');
    const token = await sys.logIn('nosy@bloom.test', 'flowers123');
    const res = await sys.call(USERS, {}, token);
    expect(errorCode(res)).toBe('FORBIDDEN');
  });

  it('reports a duplicate e-mail and creates one account from 20 simultaneous sign-ups', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, () => signUp('twenty@bloom.test')),
    );
    expect(results.filter((r) => r?.__typename === 'AuthPayload')).toHaveLength(1);
    expect(results.filter((r) => r?.__typename === 'EmailTakenError')).toHaveLength(19);
  });

  it('detects refresh-token reuse', async () => {
    const created = expectUnion(await signUp('reuse@bloom.test'), 'AuthPayload');
    const next = await sys.call(REFRESH, { t: created.refreshToken });
    expect(next.data?.refreshTokens.__typename).toBe('AuthPayload');
    const reused = await sys.call(REFRESH, { t: created.refreshToken });
    expect(reused.data?.refreshTokens).toMatchObject({ code: 'REFRESH_TOKEN_REUSED' });
    const victim = await sys.call(REFRESH, {
      t: expectUnion(next.data?.refreshTokens, 'AuthPayload').refreshToken,
    });
    expect(victim.data?.refreshTokens.__typename).toBe('InvalidRefreshTokenError');
  });

  it('refuses forged, expired, wrong-audience and refresh-typed tokens at the edge', async () => {
    const cases = {
      forged: await sign({ roles: ['ADMIN'], typ: 'access' }, { secret: 'x'.repeat(48) }),
      expired: await sign({ roles: ['CUSTOMER'], typ: 'access' }, { expiresIn: '-1m' }),
      audience: await sign({ roles: ['CUSTOMER'], typ: 'access' }, { audience: 'someone-else' }),
      refreshTyped: await sign({ roles: ['CUSTOMER'], typ: 'refresh' }),
      garbage: 'not.a.jwt',
    };
    for (const [name, token] of Object.entries(cases)) {
      const res = await sys.call(ME_ID, {}, token);
      expect({ name, status: res.status, code: errorCode(res) }).toEqual({
        name,
        status: 401,
        code: 'UNAUTHENTICATED',
      });
    }
  });

  it('refuses a request sent straight to the subgraph without the gateway signature', async () => {
    const token = await sys.logIn(ADMIN_ACCOUNT.email, ADMIN_ACCOUNT.password);
    const res = await gqlRequest(sys.subgraphUrls.identity as string, USERS, {}, bearer(token));
    expect(res.status).toBe(401);
    expect(errorCode(res)).toBe('UNAUTHENTICATED');
  });

  it('hides the gateway-only apiKeyPrincipal field from clients', async () => {
    // Plain text: the field is not in the API schema, so no typed document can name it.
    const res = await sys.call(`{ apiKeyPrincipal(key: "bb_x") { apiKeyId } }`);
    expect(errorCode(res)).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it("authenticates an integrator's API key but keeps it out of the owner's account", async () => {
    await signUp('api@bloom.test');
    const token = await sys.logIn('api@bloom.test', 'flowers123');
    const created = await sys.call(
      graphql(`
        mutation IdentityCreateApiKey {
          createApiKey(input: { name: "POS", scopes: [CATALOG_READ] }) {
            __typename
            ... on ApiKeyCreated {
              secret
            }
          }
        }
      `),
      {},
      token,
    );
    const secret = expectUnion(created.data?.createApiKey, 'ApiKeyCreated').secret;
    const res = await gqlRequest(sys.gatewayUrl, ME_EMAIL, {}, { 'x-api-key': secret });
    expect(res.status).toBe(200);
    expect(res.data?.me).toBeNull();
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', requires: 'PERSON' });
    // Nor can a key mint a wider key for itself.
    const escalated = await gqlRequest(
      sys.gatewayUrl,
      `mutation { createApiKey(input: { name: "more", scopes: [ORDERS_WRITE, EVENTS_READ] }) { __typename } }`,
      {},
      { 'x-api-key': secret },
    );
    expect(escalated.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      requires: 'PERSON',
    });
    const bad = await gqlRequest(sys.gatewayUrl, ME_EMAIL, {}, { 'x-api-key': 'bb_nope' });
    expect(bad.status).toBe(401);
  });
});
