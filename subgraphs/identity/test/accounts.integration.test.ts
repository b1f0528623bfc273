import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_ACCOUNT,
  customerCaller,
  dataOf,
  expectUnion,
  testEnv,
  waitFor,
} from '@bloom/testing';
import { graphql } from './generated/index.js';
import type { AddressInput, SellerSignUpInput } from './generated/graphql.js';
import { type IdentityHarness, LOG_IN, codeOf, startIdentity } from './identity.harness.js';

let h: IdentityHarness;
let adminId: string;
const admin = () => ({ userId: adminId, roles: ['ADMIN' as const] });

beforeAll(async () => {
  h = await startIdentity('accounts');
  const login = await h.call(LOG_IN, { input: ADMIN_ACCOUNT });
  const session = expectUnion(login.data?.logIn, 'AuthPayload');
  adminId = session.user.id;
  expect(session.user.roles).toEqual(['ADMIN']);
});
afterAll(async () => h.close());

async function customer(email: string) {
  const res = await h.call(
    graphql(`
      mutation CustomerSignUp($i: SignUpInput!) {
        signUp(input: $i) {
          __typename
          ...AuthPayloadFields
          ...UserErrorFields
        }
      }
    `),
    { i: { email, password: 'flowers123', name: '고객' } },
  );
  const session = expectUnion(res.data?.signUp, 'AuthPayload');
  const id = session.user.id;
  return {
    id,
    refreshToken: session.refreshToken,
    caller: customerCaller(id),
  };
}

describe('seller applications', () => {
  const SELLER_SIGN_UP = graphql(`
    mutation SellerSignUp($i: SellerSignUpInput!) {
      signUpSeller(input: $i) {
        __typename
        ...AuthPayloadFields
        ...UserErrorFields
        ... on InvalidInputError {
          field
        }
      }
    }
  `);
  graphql(`
    fragment SellerDecision on SellerDecisionResult {
      __typename
      ... on User {
        id
        roles
        seller {
          status
          rejectionReason
        }
      }
      ... on UserError {
        code
      }
    }
  `);
  const DECIDE = graphql(`
    mutation DecideSeller($id: ID!, $approve: Boolean!, $reason: String!) {
      a: approveSeller(userId: $id) @include(if: $approve) {
        ...SellerDecision
      }
      r: rejectSeller(userId: $id, reason: $reason) @skip(if: $approve) {
        ...SellerDecision
      }
    }
  `);
  const input = (email: string, brn = '220-81-62517'): SellerSignUpInput => ({
    email,
    password: 'bloom1234',
    name: '박플로',
    businessName: '플로라 꽃집',
    businessRegistrationNumber: brn,
  });

  it('refuses an invalid business registration number', async () => {
    const res = await h.call(SELLER_SIGN_UP, { i: input('badbrn@bloom.test', '220-81-62518') });
    expect(res.data?.signUpSeller).toMatchObject({
      __typename: 'InvalidBusinessNumberError',
      code: 'INVALID_BUSINESS_NUMBER',
    });
  });

  it('keeps a new seller PENDING without the SELLER role until an admin approves', async () => {
    const res = await h.call(SELLER_SIGN_UP, { i: input('seller@bloom.test') });
    const { user } = expectUnion(res.data?.signUpSeller, 'AuthPayload');
    expect(user.seller?.status).toBe('PENDING');
    expect(user.roles).toEqual(['CUSTOMER']);
    await h.events.waitForType('identity.seller.applied');

    const pending = await h.call(
      graphql(`
        query PendingSellerApplications {
          sellerApplications(status: PENDING) {
            totalCount
            nodes {
              id
              email
            }
          }
        }
      `),
      {},
      admin(),
    );
    expect(pending.data?.sellerApplications.nodes.map((n) => n.id)).toContain(user.id);

    const approved = await h.call(DECIDE, { id: user.id, approve: true, reason: '' }, admin());
    expect(approved.data?.a).toMatchObject({ __typename: 'User', roles: ['CUSTOMER', 'SELLER'] });
    const [event] = await h.events.waitForType('identity.seller.approved');
    expect(event?.payload).toMatchObject({
      userId: user.id,
      businessName: '플로라 꽃집',
      approvedBy: adminId,
    });

    const again = await h.call(DECIDE, { id: user.id, approve: true, reason: '' }, admin());
    expect(again.data?.a).toMatchObject({ __typename: 'NotPendingError', code: 'NOT_PENDING' });
  });

  it('lets only one of two simultaneous decisions win', async () => {
    const res = await h.call(SELLER_SIGN_UP, { i: input('race-seller@bloom.test') });
    const { id } = expectUnion(res.data?.signUpSeller, 'AuthPayload').user;
    const [a, r] = await Promise.all([
      h.call(DECIDE, { id, approve: true, reason: '' }, admin()),
      h.call(DECIDE, { id, approve: false, reason: 'duplicate' }, admin()),
    ]);
    const outcomes = [a.data?.a?.__typename, r.data?.r?.__typename].sort();
    expect(outcomes).toEqual(['NotPendingError', 'User']);
  });

  it('puts a rejected application back to PENDING when the applicant applies again', async () => {
    const c = await customer('reapply@bloom.test');
    const APPLY = graphql(`
      mutation ApplyForSeller($i: SellerApplicationInput!) {
        applyForSeller(input: $i) {
          __typename
          ... on User {
            seller {
              status
            }
          }
          ... on UserError {
            code
          }
        }
      }
    `);
    const applied = await h.call(
      APPLY,
      { i: { businessName: '들꽃', businessRegistrationNumber: '124-81-00998' } },
      c.caller,
    );
    expect(expectUnion(applied.data?.applyForSeller, 'User').seller?.status).toBe('PENDING');
    const twice = await h.call(
      APPLY,
      { i: { businessName: '들꽃', businessRegistrationNumber: '124-81-00998' } },
      c.caller,
    );
    expect(twice.data?.applyForSeller).toMatchObject({ code: 'ALREADY_APPLIED' });

    const rejected = await h.call(
      DECIDE,
      { id: c.id, approve: false, reason: '서류 불일치' },
      admin(),
    );
    expect(expectUnion(rejected.data?.r, 'User').seller).toEqual({
      status: 'REJECTED',
      rejectionReason: '서류 불일치',
    });
    const again = await h.call(
      APPLY,
      { i: { businessName: '들꽃', businessRegistrationNumber: '124-81-00998' } },
      c.caller,
    );
    expect(expectUnion(again.data?.applyForSeller, 'User').seller?.status).toBe('PENDING');
    const resubmitted = await waitFor(() =>
      h.events.ofType('identity.seller.applied').find((e) => {
        const payload = e.payload as { userId: string; resubmission: boolean };
        return payload.userId === c.id && payload.resubmission;
      }),
    );
    expect(resubmitted.payload).toMatchObject({ businessName: '들꽃' });
  });

  it('refuses admin operations to non-admins', async () => {
    const c = await customer('not-admin@bloom.test');
    const res = await h.call(
      graphql(`
        query SellerApplicationCount {
          sellerApplications {
            totalCount
          }
        }
      `),
      {},
      c.caller,
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await h.call(
      graphql(`
        query UserCount {
          users {
            totalCount
          }
        }
      `),
    );
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('e-mail verification', () => {
  const VERIFY = graphql(`
    mutation VerifyEmail($c: String!) {
      verifyEmail(code: $c) {
        __typename
        ... on User {
          emailVerified
        }
        ... on UserError {
          code
        }
      }
    }
  `);

  it('accepts only the latest code and limits guesses', async () => {
    const c = await customer('verify@bloom.test');
    const codeFor = async (n: number) => {
      const mine = await waitFor(() => {
        const found = h.events
          .ofType('identity.emailVerification.requested')
          .filter((e) => (e.payload as { userId: string }).userId === c.id);
        return found.length >= n ? found : null;
      });
      return (mine[n - 1]?.payload as { code: string }).code;
    };
    const first = await codeFor(1);
    await h.call(
      graphql(`
        mutation RequestEmailVerification {
          requestEmailVerification
        }
      `),
      {},
      c.caller,
    );
    const second = await codeFor(2);
    expect(second).not.toBe(first);

    const stale = await h.call(VERIFY, { c: first }, c.caller);
    expect(stale.data?.verifyEmail).toMatchObject({ code: 'INVALID_CODE' });
    const ok = await h.call(VERIFY, { c: second.toLowerCase() }, c.caller);
    expect(ok.data?.verifyEmail).toEqual({ __typename: 'User', emailVerified: true });
  });

  it('allows at most five attempts per code, even when they arrive together', async () => {
    const c = await customer('guess@bloom.test');
    const results = await Promise.all(
      Array.from({ length: 12 }, () => h.call(VERIFY, { c: 'ZZZZZZ' }, c.caller)),
    );
    const codes = results.map((r) => codeOf(r.data?.verifyEmail));
    expect(codes.every((code) => code === 'INVALID_CODE' || code === 'TOO_MANY_ATTEMPTS')).toBe(
      true,
    );
    // Each comparison needs a claimed attempt slot; exactly five were claimed.
    const client = await MongoClient.connect(testEnv.MONGO_URL);
    try {
      const attempts = client
        .db(h.server.deps.config.IDENTITY_DB)
        .collection('email_code_attempts');
      const byCode = await attempts.find({}).toArray();
      const counts = new Map<string, number>();
      for (const a of byCode)
        counts.set(a.codeId as string, (counts.get(a.codeId as string) ?? 0) + 1);
      expect(Math.max(...counts.values())).toBe(5);
    } finally {
      await client.close();
    }
    const after = await h.call(VERIFY, { c: 'ZZZZZZ' }, c.caller);
    expect(after.data?.verifyEmail).toMatchObject({ code: 'TOO_MANY_ATTEMPTS' });
  });

  it('expires codes', async () => {
    const c = await customer('expire-code@bloom.test');
    h.advance(11 * 60_000);
    const res = await h.call(VERIFY, { c: 'AAAAAA' }, c.caller);
    h.advance(-11 * 60_000);
    expect(res.data?.verifyEmail).toMatchObject({ code: 'CODE_EXPIRED' });
  });
});

describe('saved addresses', () => {
  const SAVE = graphql(`
    mutation SaveAddress($i: AddressInput!) {
      saveAddress(input: $i) {
        __typename
        ... on Address {
          id
          label
        }
        ... on InvalidInputError {
          field
          code
        }
      }
    }
  `);
  const address = (label: string): AddressInput => ({
    label,
    recipientName: '김민지',
    phone: '01012345678',
    zipCode: '06236',
    street: '서울 강남구 테헤란로 123',
    detail: '4층',
  });

  it('keeps at most ten, replacing the one used longest ago, ordered by last use', async () => {
    const c = await customer('addresses@bloom.test');
    const ids: string[] = [];
    for (let i = 0; i < 10; i += 1) {
      const res = await h.call(SAVE, { i: address(`주소${i}`) }, c.caller);
      ids.push(expectUnion(res.data?.saveAddress, 'Address').id);
      h.advance(1_000);
    }
    const [oldest] = ids;
    if (oldest === undefined) throw new Error('no address saved');
    await h.call(
      graphql(`
        mutation MarkAddressUsed($id: ID!) {
          markAddressUsed(id: $id) {
            __typename
          }
        }
      `),
      { id: oldest },
      c.caller,
    );
    h.advance(1_000);
    await h.call(SAVE, { i: address('새 주소') }, c.caller);
    const list = await h.call(
      graphql(`
        query MyAddressLabels {
          myAddresses {
            label
            phone
          }
        }
      `),
      {},
      c.caller,
    );
    const labels = dataOf(list).myAddresses.map((a) => a.label);
    expect(labels).toHaveLength(10);
    expect(labels[0]).toBe('새 주소');
    expect(labels[1]).toBe('주소0');
    expect(labels).not.toContain('주소1');
    expect(list.data?.myAddresses[0]?.phone).toBe('010-1234-5678');
  });

  it('refuses over-long texts with the field and TOO_LONG, saving nothing', async () => {
    const c = await customer('address-limits@bloom.test');
    const cases: [Partial<AddressInput>, string][] = [
      [{ street: '가'.repeat(600) }, 'street'],
      [{ detail: '나'.repeat(201) }, 'detail'],
      [{ label: '다'.repeat(21) }, 'label'],
      [{ districtCode: '1'.repeat(11) }, 'districtCode'],
    ];
    for (const [patch, field] of cases) {
      const res = await h.call(SAVE, { i: { ...address('집'), ...patch } }, c.caller);
      expect(res.data?.saveAddress).toEqual({
        __typename: 'InvalidInputError',
        field,
        code: 'TOO_LONG',
      });
    }
    const blank = await h.call(SAVE, { i: { ...address('집'), street: '  ' } }, c.caller);
    expect(blank.data?.saveAddress).toMatchObject({ field: 'street', code: 'REQUIRED' });
    const list = await h.call(
      graphql(`
        query MyAddressCount {
          myAddresses {
            id
          }
        }
      `),
      {},
      c.caller,
    );
    expect(list.data?.myAddresses).toHaveLength(0);
  });

  it('never exceeds ten under concurrent saves', async () => {
    const c = await customer('address-race@bloom.test');
    const results = await Promise.all(
      Array.from({ length: 15 }, (_, i) => h.call(SAVE, { i: address(`동시${i}`) }, c.caller)),
    );
    expect(results.every((r) => r.data?.saveAddress.__typename === 'Address')).toBe(true);
    const list = await h.call(
      graphql(`
        query MyAddressIds {
          myAddresses {
            id
          }
        }
      `),
      {},
      c.caller,
    );
    expect(list.data?.myAddresses).toHaveLength(10);
  });

  it('rejects a bad postal code with the field named', async () => {
    const c = await customer('address-bad@bloom.test');
    const res = await h.call(SAVE, { i: { ...address('x'), zipCode: '12' } }, c.caller);
    expect(res.data?.saveAddress).toEqual({
      __typename: 'InvalidInputError',
      field: 'zipCode',
      code: 'INVALID_ZIP',
    });
  });
});

describe('account deletion and suspension', () => {
  const LOG_IN_OUTCOME = graphql(`
    mutation LogInOutcome($i: LogInInput!) {
      logIn(input: $i) {
        __typename
        ... on UserError {
          code
        }
      }
    }
  `);
  const SIGN_UP = graphql(`
    mutation SignUpOutcome($i: SignUpInput!) {
      signUp(input: $i) {
        __typename
        ... on UserError {
          code
        }
      }
    }
  `);

  it('blocks re-sign-up with a deleted e-mail for 24 hours', async () => {
    const c = await customer('leaving@bloom.test');
    const wrong = await h.call(
      graphql(`
        mutation DeleteAccountWithWrongPassword {
          deleteAccount(password: "nope12345") {
            __typename
          }
        }
      `),
      {},
      c.caller,
    );
    expect(wrong.data?.deleteAccount.__typename).toBe('InvalidCredentialsError');
    const deleted = await h.call(
      graphql(`
        mutation DeleteAccount {
          deleteAccount(password: "flowers123") {
            __typename
            ... on AccountDeleted {
              signUpAgainAfter
            }
          }
        }
      `),
      {},
      c.caller,
    );
    expect(deleted.data?.deleteAccount.__typename).toBe('AccountDeleted');
    await h.events.waitForType('identity.user.deleted');

    const login = await h.call(LOG_IN_OUTCOME, {
      i: { email: 'leaving@bloom.test', password: 'flowers123' },
    });
    expect(login.data?.logIn).toMatchObject({ code: 'INVALID_CREDENTIALS' });
    const again = await h.call(SIGN_UP, {
      i: { email: 'leaving@bloom.test', password: 'flowers123', name: '다시' },
    });
    expect(again.data?.signUp).toMatchObject({ code: 'SIGNUP_BLOCKED' });
    const me = await h.call(
      graphql(`
        query MeId {
          me {
            id
          }
        }
      `),
      {},
      c.caller,
    );
    expect(me.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    h.advance(25 * 3_600_000);
    const later = await h.call(SIGN_UP, {
      i: { email: 'leaving@bloom.test', password: 'flowers123', name: '다시' },
    });
    h.advance(-25 * 3_600_000);
    expect(later.data?.signUp.__typename).toBe('AuthPayload');
  });

  it('suspends: log-in and refresh refused, reinstating restores log-in', async () => {
    const c = await customer('suspend@bloom.test');
    const res = await h.call(
      graphql(`
        mutation SuspendForSpam($id: ID!) {
          suspendUser(userId: $id, reason: "spam") {
            __typename
            ... on User {
              status
            }
          }
        }
      `),
      { id: c.id },
      admin(),
    );
    expect(expectUnion(res.data?.suspendUser, 'User').status).toBe('SUSPENDED');
    const login = await h.call(LOG_IN_OUTCOME, {
      i: { email: 'suspend@bloom.test', password: 'flowers123' },
    });
    expect(login.data?.logIn).toMatchObject({ code: 'ACCOUNT_SUSPENDED' });
    const refresh = await h.call(
      graphql(`
        mutation RefreshSuspended($t: String!) {
          refreshTokens(refreshToken: $t) {
            __typename
          }
        }
      `),
      { t: c.refreshToken },
    );
    expect(refresh.data?.refreshTokens.__typename).toBe('InvalidRefreshTokenError');
    const cannot = await h.call(
      graphql(`
        mutation SuspendAdmin($id: ID!) {
          suspendUser(userId: $id, reason: "x") {
            __typename
          }
        }
      `),
      { id: adminId },
      admin(),
    );
    expect(cannot.data?.suspendUser.__typename).toBe('CannotSuspendAdminError');

    await h.call(
      graphql(`
        mutation ReinstateUser($id: ID!) {
          reinstateUser(userId: $id) {
            __typename
          }
        }
      `),
      { id: c.id },
      admin(),
    );
    const back = await h.call(LOG_IN_OUTCOME, {
      i: { email: 'suspend@bloom.test', password: 'flowers123' },
    });
    expect(back.data?.logIn.__typename).toBe('AuthPayload');
  });
});

describe('API keys', () => {
  it('creates a scoped key, resolves it for the gateway, and revokes it', async () => {
    const c = await customer('integrator@bloom.test');
    const created = await h.call(
      graphql(`
        mutation CreateApiKey($i: CreateApiKeyInput!) {
          createApiKey(input: $i) {
            __typename
            ... on ApiKeyCreated {
              secret
              apiKey {
                id
                prefix
                scopes
              }
            }
          }
        }
      `),
      { i: { name: 'POS sync', scopes: ['CATALOG_READ', 'ORDERS_WRITE'] } },
      c.caller,
    );
    const { secret, apiKey } = expectUnion(dataOf(created).createApiKey, 'ApiKeyCreated');
    expect(secret).toMatch(/^bb_/);
    const PRINCIPAL = graphql(`
      query ApiKeyPrincipal($k: String!) {
        apiKeyPrincipal(key: $k) {
          apiKeyId
          ownerUserId
          scopes
        }
      }
    `);
    const principal = await h.call(PRINCIPAL, { k: secret });
    expect(principal.data?.apiKeyPrincipal).toEqual({
      apiKeyId: apiKey.id,
      ownerUserId: c.id,
      scopes: ['catalog:read', 'orders:write'],
    });
    const wrong = await h.call(PRINCIPAL, { k: `${secret.slice(0, -2)}xx` });
    expect(wrong.data?.apiKeyPrincipal).toBeNull();

    const list = await h.call(
      graphql(`
        query MyApiKeys {
          myApiKeys {
            id
            lastUsedAt
          }
        }
      `),
      {},
      c.caller,
    );
    const [listed] = dataOf(list).myApiKeys;
    expect(listed).toBeDefined();
    expect(listed?.lastUsedAt).not.toBeNull();

    const other = await customer('other-integrator@bloom.test');
    const stolen = await h.call(
      graphql(`
        mutation RevokeOthersApiKey($id: ID!) {
          revokeApiKey(id: $id) {
            id
          }
        }
      `),
      { id: apiKey.id },
      other.caller,
    );
    expect(stolen.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const revoked = await h.call(
      graphql(`
        mutation RevokeApiKey($id: ID!) {
          revokeApiKey(id: $id) {
            revokedAt
          }
        }
      `),
      { id: apiKey.id },
      c.caller,
    );
    expect(revoked.data?.revokeApiKey.revokedAt).not.toBeNull();
    expect((await h.call(PRINCIPAL, { k: secret })).data?.apiKeyPrincipal).toBeNull();
  });
});

describe('federation', () => {
  it('resolves 100 User references in one batch and hides contact details from others', async () => {
    const c = await customer('entity@bloom.test');
    const reps = Array.from({ length: 100 }, () => ({ __typename: 'User', id: c.id }));
    reps.push({ __typename: 'User', id: 'not-an-id' });
    const res = await h.call(
      graphql(`
        query UserEntities($r: [_Any!]!) {
          _entities(representations: $r) {
            ... on User {
              id
              name
              email
            }
          }
        }
      `),
      { r: reps },
      customerCaller('someone-else'),
    );
    expect(res.data?._entities).toHaveLength(101);
    expect(res.data?._entities[0]).toEqual({ id: c.id, name: '고객', email: null });
    expect(res.data?._entities[100]).toBeNull();
    const own = await h.call(
      graphql(`
        query MeEmail {
          me {
            email
          }
        }
      `),
      {},
      c.caller,
    );
    expect(own.data?.me?.email).toBe('entity@bloom.test');
  });
});
