import {
  ordersAdminActionRecorded,
  productsAdminActionRecorded,
  storesAdminActionRecorded,
} from '@bloom/schema';
import {
  ADMIN_ACCOUNT,
  adminCaller,
  customerCaller,
  dataOf,
  errorCode,
  expectUnion,
  newId,
  sellerCaller,
  waitFor,
} from '@bloom/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './generated/index.js';
import type { AuditLogFilter } from './generated/graphql.js';
import { type IdentityHarness, LOG_IN, startIdentity } from './identity.harness.js';

let h: IdentityHarness;
let adminId: string;
const admin = () => adminCaller(adminId);

beforeAll(async () => {
  h = await startIdentity('audit');
  const login = await h.call(LOG_IN, { input: ADMIN_ACCOUNT });
  adminId = expectUnion(login.data?.logIn, 'AuthPayload').user.id;
});
afterAll(async () => h.close());

const AUDIT_LOG = graphql(`
  query AuditLogPage($filter: AuditLogFilter, $first: Int, $after: String) {
    auditLog(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        at
        action
        targetKind
        targetId
        targetLabel
        reason
        source
        actor {
          id
          email
        }
      }
    }
  }
`);

const auditLog = async (filter: AuditLogFilter, first?: number, after?: string) =>
  dataOf(await h.call(AUDIT_LOG, { filter, first, after }, admin())).auditLog;

/** Waits until the log holds `count` entries that match the filter. */
const entriesFor = (filter: AuditLogFilter, count = 1) =>
  waitFor(
    async () => {
      const page = await auditLog(filter);
      return page.totalCount >= count ? page : undefined;
    },
    { what: `${count} audit entries for ${JSON.stringify(filter)}` },
  );

async function signUp(email: string) {
  const res = await h.call(
    graphql(`
      mutation AuditSignUp($i: SignUpInput!) {
        signUp(input: $i) {
          __typename
          ... on AuthPayload {
            user {
              id
            }
          }
        }
      }
    `),
    { i: { email, password: 'flowers123', name: '감사고객' } },
  );
  return expectUnion(res.data?.signUp, 'AuthPayload').user.id;
}

describe('the audit consumer', () => {
  it('records an event once, however often it is delivered', async () => {
    const storeId = newId();
    const event = h.envelope(storesAdminActionRecorded, {
      actorId: adminId,
      action: 'STORE_SUSPENDED',
      targetKind: 'STORE',
      targetId: storeId,
      targetLabel: '장미 공방',
      reason: '위생 점검',
    });
    // Delivered twice (a redelivery after a lost ack) and published as well.
    expect(await h.server.audit.handle(event)).toBe(true);
    expect(await h.server.audit.handle(event)).toBe(false);
    await h.bus.publish(event);
    const page = await entriesFor({ targetId: storeId });
    expect(page.totalCount).toBe(1);
    expect(await h.db.collection('audit_entries').countDocuments({ targetId: storeId })).toBe(1);
    expect(page.nodes[0]).toMatchObject({
      id: event.id,
      action: 'STORE_SUSPENDED',
      targetKind: 'STORE',
      targetLabel: '장미 공방',
      reason: '위생 점검',
      source: 'test',
      actor: { id: adminId, email: ADMIN_ACCOUNT.email },
    });
    // The stored entry is announced once, for the live fan-out.
    const announced = await h.eventFor('identity.auditEntry.recorded', { entryId: event.id });
    expect(announced.payload).toMatchObject({ action: 'STORE_SUSPENDED', targetId: storeId });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(
      h.events
        .ofType('identity.auditEntry.recorded')
        .filter((e) => (e.payload as { entryId: string }).entryId === event.id),
    ).toHaveLength(1);
  });

  it('reads every context’s stream', async () => {
    const targetId = newId();
    await h.publish(productsAdminActionRecorded, {
      actorId: adminId,
      action: 'PRODUCT_DELETED',
      targetKind: 'PRODUCT',
      targetId,
      targetLabel: '튤립 한 다발',
    });
    await h.publish(ordersAdminActionRecorded, {
      actorId: adminId,
      action: 'ORDER_ADVANCED',
      targetKind: 'ORDER',
      targetId,
      targetLabel: 'B-0001',
      reason: 'CONFIRMED → PREPARING',
    });
    const page = await entriesFor({ targetId }, 2);
    expect(page.nodes.map((n) => n.action).sort()).toEqual(['ORDER_ADVANCED', 'PRODUCT_DELETED']);
  });
});

describe('identity’s own admin actions', () => {
  it('audits seller decisions, suspensions and key revocations with actor, target and reason', async () => {
    const applicant = await signUp('audit-applicant@bloom.test');
    const apply = await h.call(
      graphql(`
        mutation AuditApply($i: SellerApplicationInput!) {
          applyForSeller(input: $i) {
            __typename
          }
        }
      `),
      { i: { businessName: '감사 꽃집', businessRegistrationNumber: '220-81-62517' } },
      customerCaller(applicant),
    );
    expect(apply.data?.applyForSeller.__typename).toBe('User');
    const reject = await h.call(
      graphql(`
        mutation AuditReject($id: ID!, $reason: String!) {
          rejectSeller(userId: $id, reason: $reason) {
            __typename
          }
        }
      `),
      { id: applicant, reason: '서류 미비' },
      admin(),
    );
    expect(reject.data?.rejectSeller.__typename).toBe('User');

    const SUSPEND = graphql(`
      mutation AuditSuspend($id: ID!) {
        suspendUser(userId: $id, reason: "약관 위반") {
          __typename
        }
        reinstateUser(userId: $id) {
          __typename
        }
      }
    `);
    const suspended = dataOf(await h.call(SUSPEND, { id: applicant }, admin()));
    expect(suspended.reinstateUser.__typename).toBe('User');

    const owner = await signUp('audit-integrator@bloom.test');
    const created = await h.call(
      graphql(`
        mutation AuditCreateKey($i: CreateApiKeyInput!) {
          createApiKey(input: $i) {
            __typename
            ... on ApiKeyCreated {
              apiKey {
                id
              }
            }
          }
        }
      `),
      { i: { name: 'POS', scopes: ['CATALOG_READ'] } },
      customerCaller(owner),
    );
    const keyId = expectUnion(created.data?.createApiKey, 'ApiKeyCreated').apiKey.id;
    const REVOKE = graphql(`
      mutation AuditRevokeKey($id: ID!, $reason: String) {
        revokeApiKey(id: $id, reason: $reason) {
          id
          status
          revokedAt
        }
      }
    `);
    const revoked = dataOf(await h.call(REVOKE, { id: keyId, reason: '유출 의심' }, admin()));
    expect(revoked.revokeApiKey.status).toBe('REVOKED');

    const forApplicant = await entriesFor({ targetId: applicant }, 3);
    expect(forApplicant.nodes.map((n) => [n.action, n.reason])).toEqual([
      ['USER_REINSTATED', null],
      ['USER_SUSPENDED', '약관 위반'],
      ['SELLER_REJECTED', '서류 미비'],
    ]);
    expect(forApplicant.nodes.every((n) => n.actor.id === adminId && n.source === 'identity')).toBe(
      true,
    );
    expect(forApplicant.nodes[2]?.targetLabel).toBe('감사 꽃집 (audit-applicant@bloom.test)');
    const forKey = await entriesFor({ targetKind: 'API_KEY', targetId: keyId });
    expect(forKey.nodes[0]).toMatchObject({ action: 'API_KEY_REVOKED', reason: '유출 의심' });
  });

  it('does not audit an owner revoking their own key', async () => {
    const owner = await signUp('audit-self@bloom.test');
    const created = await h.call(
      graphql(`
        mutation AuditCreateOwnKey($i: CreateApiKeyInput!) {
          createApiKey(input: $i) {
            ... on ApiKeyCreated {
              apiKey {
                id
              }
            }
          }
        }
      `),
      { i: { name: 'own', scopes: ['CATALOG_READ'] } },
      customerCaller(owner),
    );
    const key = created.data?.createApiKey;
    const keyId = key && 'apiKey' in key ? key.apiKey.id : '';
    const res = await h.call(
      graphql(`
        mutation AuditRevokeOwnKey($id: ID!) {
          revokeApiKey(id: $id) {
            status
          }
        }
      `),
      { id: keyId },
      customerCaller(owner),
    );
    expect(res.data?.revokeApiKey.status).toBe('REVOKED');
    await h.eventFor('identity.apiKey.revoked', { apiKeyId: keyId });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await auditLog({ targetId: keyId })).totalCount).toBe(0);
  });
});

describe('auditLog', () => {
  const label = 'filter-and-page';
  const base = new Date('2031-03-01T00:00:00.000Z');
  const actorA = newId();
  const actorB = newId();
  let ids: string[] = [];

  beforeAll(async () => {
    // Five entries a minute apart; the actors are not accounts, so the actor is not selected.
    const events = [0, 1, 2, 3, 4].map((i) =>
      h.envelope(
        storesAdminActionRecorded,
        {
          actorId: i % 2 === 0 ? actorA : actorB,
          action: i === 4 ? 'STORE_CLOSED' : 'STORE_REOPENED',
          targetKind: 'STORE',
          targetId: `${label}-${i % 2}`,
          targetLabel: label,
        },
        { at: new Date(base.getTime() + i * 60_000) },
      ),
    );
    for (const event of events) await h.server.audit.handle(event);
    ids = events.map((e) => e.id);
  });

  const ID_PAGE = graphql(`
    query AuditLogIds($filter: AuditLogFilter, $first: Int, $after: String) {
      auditLog(filter: $filter, first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
        }
      }
    }
  `);
  const idsOf = async (filter: AuditLogFilter, first?: number, after?: string) =>
    dataOf(await h.call(ID_PAGE, { filter, first, after }, admin())).auditLog;
  const window = {
    from: base.toISOString(),
    to: new Date(base.getTime() + 3_600_000).toISOString(),
  };

  it('pages newest first with cursors', async () => {
    const first = await idsOf(window, 2);
    expect(first.totalCount).toBe(5);
    expect(first.nodes.map((n) => n.id)).toEqual([ids[4], ids[3]]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await idsOf(window, 2, first.pageInfo.endCursor ?? undefined);
    expect(second.nodes.map((n) => n.id)).toEqual([ids[2], ids[1]]);
    const third = await idsOf(window, 2, second.pageInfo.endCursor ?? undefined);
    expect(third.nodes.map((n) => n.id)).toEqual([ids[0]]);
    expect(third.pageInfo.hasNextPage).toBe(false);
  });

  it('filters by action, target, actor and time', async () => {
    expect((await idsOf({ ...window, action: 'STORE_CLOSED' })).nodes.map((n) => n.id)).toEqual([
      ids[4],
    ]);
    expect((await idsOf({ ...window, targetId: `${label}-1` })).nodes.map((n) => n.id)).toEqual([
      ids[3],
      ids[1],
    ]);
    expect((await idsOf({ ...window, actorId: actorA })).totalCount).toBe(3);
    expect((await idsOf({ ...window, targetKind: 'ORDER' })).totalCount).toBe(0);
    const from = new Date(base.getTime() + 60_000).toISOString();
    const to = new Date(base.getTime() + 3 * 60_000).toISOString();
    expect((await idsOf({ from, to })).nodes.map((n) => n.id)).toEqual([ids[2], ids[1]]);
  });

  it('is for administrators only', async () => {
    for (const caller of [customerCaller(), sellerCaller()]) {
      expect(errorCode(await h.call(ID_PAGE, { filter: window }, caller))).toBe('FORBIDDEN');
    }
    const one = await h.call(
      graphql(`
        query AuditEntryById($id: ID!) {
          auditEntry(id: $id) {
            id
            action
          }
        }
      `),
      { id: ids[4] ?? '' },
      sellerCaller(),
    );
    expect(errorCode(one)).toBe('FORBIDDEN');
  });
});

describe('admin platform views', () => {
  it('lists every integrator’s keys with owner and status, filtered', async () => {
    const owner = await signUp('keys-owner@bloom.test');
    const CREATE = graphql(`
      mutation PlatformKeysCreate($i: CreateApiKeyInput!) {
        createApiKey(input: $i) {
          ... on ApiKeyCreated {
            apiKey {
              id
            }
          }
        }
      }
    `);
    const make = async (name: string) => {
      const res = dataOf(
        await h.call(CREATE, { i: { name, scopes: ['EVENTS_READ'] } }, customerCaller(owner)),
      ).createApiKey;
      return 'apiKey' in res ? res.apiKey.id : '';
    };
    const kept = await make('kept');
    const gone = await make('gone');
    await h.call(
      graphql(`
        mutation PlatformKeysRevoke($id: ID!) {
          revokeApiKey(id: $id) {
            id
          }
        }
      `),
      { id: gone },
      admin(),
    );
    const KEYS = graphql(`
      query PlatformKeys($filter: ApiKeyFilter) {
        platformApiKeys(filter: $filter) {
          totalCount
          nodes {
            id
            name
            scopes
            status
            createdAt
            lastUsedAt
            revokedAt
            owner {
              id
              email
            }
          }
        }
      }
    `);
    const byEmail = dataOf(
      await h.call(KEYS, { filter: { ownerEmail: 'KEYS-OWNER@' } }, admin()),
    ).platformApiKeys;
    expect(byEmail.nodes.map((k) => [k.id, k.status])).toEqual([
      [gone, 'REVOKED'],
      [kept, 'ACTIVE'],
    ]);
    expect(byEmail.nodes[1]).toMatchObject({
      scopes: ['EVENTS_READ'],
      lastUsedAt: null,
      revokedAt: null,
      owner: { id: owner, email: 'keys-owner@bloom.test' },
    });
    const active = dataOf(
      await h.call(KEYS, { filter: { ownerId: owner, status: 'ACTIVE' } }, admin()),
    ).platformApiKeys;
    expect(active.nodes.map((k) => k.id)).toEqual([kept]);
    expect(errorCode(await h.call(KEYS, {}, customerCaller(owner)))).toBe('FORBIDDEN');

    const COUNTS = graphql(`
      query UserCounts($id: ID!) {
        user(id: $id) {
          addressCount
          apiKeyCount
        }
      }
    `);
    expect(dataOf(await h.call(COUNTS, { id: owner }, admin())).user).toEqual({
      addressCount: 0,
      apiKeyCount: 1,
    });
    const ME = graphql(`
      query MyCounts {
        me {
          apiKeyCount
        }
      }
    `);
    expect(dataOf(await h.call(ME, {}, customerCaller(owner))).me?.apiKeyCount).toBe(1);
  });

  it('counts signups per Seoul day, zero days included', async () => {
    const SIGNUPS = graphql(`
      query PlatformSignups($days: Int!) {
        platformSignups(days: $days) {
          date
          customers
          sellers
        }
      }
    `);
    const rows = dataOf(await h.call(SIGNUPS, { days: 3 }, admin())).platformSignups;
    expect(rows).toHaveLength(3);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' }).format(h.now());
    expect(rows[2]?.date).toBe(today);
    // Every account this file signed up today is counted; the admin is not.
    const created = await h.db.collection('users').countDocuments({ baseRoles: { $ne: 'ADMIN' } });
    expect(rows[2]?.customers).toBe(created);
    expect(rows[0]).toMatchObject({ customers: 0, sellers: 0 });
    expect(errorCode(await h.call(SIGNUPS, { days: 0 }, admin()))).toBe('BAD_USER_INPUT');
  });
});
