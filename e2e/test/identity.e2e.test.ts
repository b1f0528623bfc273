import { SignJWT, decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_JWT_SECRET, bearer, errorCode, gqlRequest } from '@bloom/testing';
import { ADMIN, type System, startSystem } from '../src/system.harness.js';

let sys: System;
beforeAll(async () => {
  sys = await startSystem(['identity']);
});
afterAll(async () => sys.close());

const AUTH = `__typename ... on AuthPayload { accessToken refreshToken user { id roles } } ... on UserError { code message }`;

async function signUp(email: string) {
  const res = await sys.call(`mutation($i: SignUpInput!) { signUp(input: $i) { ${AUTH} } }`, {
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
    expect(created.__typename).toBe('AuthPayload');
    const token = await sys.logIn('journey@bloom.test', 'flowers123');
    const me = await sys.call(`{ me { id email name roles seller { status } } }`, {}, token);
    expect(me.data?.me).toEqual({
      id: created.user.id,
      email: 'journey@bloom.test',
      name: '이수진',
      roles: ['CUSTOMER'],
      seller: null,
    });

    const applied = await sys.call(
      `mutation { applyForSeller(input: { businessName: "봄날 꽃집", businessRegistrationNumber: "220-81-62517" }) { __typename ... on User { seller { status } } } }`,
      {},
      token,
    );
    expect(applied.data?.applyForSeller.seller.status).toBe('PENDING');
    expect(decodeJwt(await sys.logIn('journey@bloom.test', 'flowers123')).roles).toEqual([
      'CUSTOMER',
    ]);

    const adminToken = await sys.logIn(ADMIN.email, ADMIN.password);
    const queue = await sys.call(
      `{ sellerApplications { nodes { id email seller { businessName } } } }`,
      {},
      adminToken,
    );
    expect(queue.data?.sellerApplications.nodes).toContainEqual({
      id: created.user.id,
      email: 'journey@bloom.test',
      seller: { businessName: '봄날 꽃집' },
    });
    const approved = await sys.call(
      `mutation($id: ID!) { approveSeller(userId: $id) { __typename } }`,
      { id: created.user.id },
      adminToken,
    );
    expect(approved.data?.approveSeller.__typename).toBe('User');

    const sellerToken = await sys.logIn('journey@bloom.test', 'flowers123');
    expect(decodeJwt(sellerToken).roles).toEqual(['CUSTOMER', 'SELLER']);
    const meAgain = await sys.call(`{ me { roles seller { status } } }`, {}, sellerToken);
    expect(meAgain.data?.me).toEqual({
      roles: ['CUSTOMER', 'SELLER'],
      seller: { status: 'APPROVED' },
    });
  });

  it('keeps admin fields from customers', async () => {
    const token = await sys.logIn(
      (await signUp('nosy@bloom.test')) && 'nosy@bloom.test',
      'flowers123',
    );
    const res = await sys.call(`{ users { totalCount } }`, {}, token);
    expect(errorCode(res)).toBe('FORBIDDEN');
  });

  it('reports a duplicate e-mail and creates one account from 20 simultaneous sign-ups', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, () => signUp('twenty@bloom.test')),
    );
    expect(results.filter((r) => r.__typename === 'AuthPayload')).toHaveLength(1);
    expect(results.filter((r) => r.__typename === 'EmailTakenError')).toHaveLength(19);
  });

  it('detects refresh-token reuse', async () => {
    const created = await signUp('reuse@bloom.test');
    const REFRESH = `mutation($t: String!) { refreshTokens(refreshToken: $t) { ${AUTH} } }`;
    const next = await sys.call(REFRESH, { t: created.refreshToken });
    expect(next.data?.refreshTokens.__typename).toBe('AuthPayload');
    const reused = await sys.call(REFRESH, { t: created.refreshToken });
    expect(reused.data?.refreshTokens.code).toBe('REFRESH_TOKEN_REUSED');
    const victim = await sys.call(REFRESH, { t: next.data?.refreshTokens.refreshToken });
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
      const res = await sys.call(`{ me { id } }`, {}, token);
      expect({ name, status: res.status, code: errorCode(res) }).toEqual({
        name,
        status: 401,
        code: 'UNAUTHENTICATED',
      });
    }
  });

  it('refuses a request sent straight to the subgraph without the gateway signature', async () => {
    const token = await sys.logIn(ADMIN.email, ADMIN.password);
    const res = await gqlRequest(
      sys.subgraphUrls.identity as string,
      `{ users { totalCount } }`,
      {},
      bearer(token),
    );
    expect(res.status).toBe(401);
    expect(errorCode(res)).toBe('UNAUTHENTICATED');
  });

  it('hides the gateway-only apiKeyPrincipal field from clients', async () => {
    const res = await sys.call(`{ apiKeyPrincipal(key: "bb_x") { apiKeyId } }`);
    expect(errorCode(res)).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('lets an integrator call with an API key', async () => {
    await signUp('api@bloom.test');
    const token = await sys.logIn('api@bloom.test', 'flowers123');
    const created = await sys.call(
      `mutation { createApiKey(input: { name: "POS", scopes: [CATALOG_READ] }) { ... on ApiKeyCreated { secret } } }`,
      {},
      token,
    );
    const secret = created.data?.createApiKey.secret as string;
    const res = await gqlRequest(sys.gatewayUrl, `{ me { email } }`, {}, { 'x-api-key': secret });
    expect(res.data?.me.email).toBe('api@bloom.test');
    const bad = await gqlRequest(
      sys.gatewayUrl,
      `{ me { email } }`,
      {},
      { 'x-api-key': 'bb_nope' },
    );
    expect(bad.status).toBe(401);
  });
});
