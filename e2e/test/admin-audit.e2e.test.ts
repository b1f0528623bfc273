import {
  type PaymentsEmulator,
  loadPaymentsEmulatorConfig,
  startPaymentsEmulator,
} from '@bloom/payments-emulator';
import {
  ADMIN_ACCOUNT,
  type Operation,
  dataOf,
  documentText,
  expectUnion,
  waitFor,
} from '@bloom/testing';
import { type Client, type FormattedExecutionResult, createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createProductAs, customerToken, SIGN_UP_SELLER, skyGardenSeller } from '../src/actors.js';
import { graphql } from '../src/generated/index.js';
import type { AuditAction, AuditLogFilter } from '../src/generated/graphql.js';
import { type System, startSystem } from '../src/system.harness.js';
import { seoulDay } from '../src/orders.actions.js';

/*
 * The audit log end to end: an admin performs every audited action through the gateway (each
 * in its own subgraph, each emitting its admin-action event through its outbox), identity
 * consumes them into the log, and notifications fans each stored entry out live to admins.
 */

let sys: System;
let pg: PaymentsEmulator;
let admin: string;
let adminId: string;

beforeAll(async () => {
  pg = await startPaymentsEmulator(loadPaymentsEmulatorConfig({ PORT: '0', LOG_LEVEL: 'silent' }));
  sys = await startSystem(['identity', 'stores', 'products', 'orders', 'notifications'], {
    PAYMENTS_URL: pg.url,
  });
  admin = await sys.logIn(ADMIN_ACCOUNT.email, ADMIN_ACCOUNT.password);
  const me = await sys.call(
    graphql(`
      query AuditAdminMe {
        me {
          id
        }
      }
    `),
    {},
    admin,
  );
  adminId = dataOf(me).me?.id ?? '';
}, 120_000);
afterAll(async () => {
  await sys?.close();
  await pg?.close();
});

interface Feed<R> {
  results: FormattedExecutionResult<R, unknown>[];
  errors: unknown[];
  client: Client;
}

function listen<R>(query: Operation<R, Record<string, never>>, token: string): Feed<R> {
  const results: FormattedExecutionResult<R, unknown>[] = [];
  const errors: unknown[] = [];
  const client = createClient({
    url: sys.gatewayUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    lazy: false,
    retryAttempts: 0,
    onNonLazyError: () => undefined,
    connectionParams: { authorization: `Bearer ${token}` },
  });
  client.subscribe<R>(
    { query: documentText(query), variables: {} },
    {
      next: (value) => void results.push(value),
      error: (error) => void errors.push(error),
      complete: () => undefined,
    },
  );
  return { results, errors, client };
}

const AUDIT_ADDED = graphql(`
  subscription AuditEntryAddedLive {
    auditEntryAdded {
      id
      action
      targetId
      reason
      actor {
        id
      }
    }
  }
`);

const NOTICE_ADDED = graphql(`
  subscription AuditAdminNoticeAdded {
    notificationAdded {
      kind
      forAdmins
    }
  }
`);

const AUDIT_LOG = graphql(`
  query AuditLogThroughGateway($filter: AuditLogFilter) {
    auditLog(filter: $filter) {
      totalCount
      nodes {
        id
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

/** The entries for one target, once `count` of them are in the log. */
const entriesFor = (filter: AuditLogFilter, count = 1) =>
  waitFor(
    async () => {
      const log = (await sys.call(AUDIT_LOG, { filter }, admin)).data?.auditLog;
      return log && log.totalCount >= count ? log.nodes : undefined;
    },
    { what: `${count} audit entries for ${JSON.stringify(filter)}`, timeoutMs: 20_000 },
  );

const ADVANCE = graphql(`
  mutation AuditAdvanceOrder($id: ID!) {
    advanceOrder(orderId: $id, to: PREPARING) {
      __typename
    }
  }
`);

/** A selling store, a product in it and a confirmed order of it. */
async function confirmedOrder() {
  const owner = await skyGardenSeller(sys);
  await sys.call(
    graphql(`
      mutation AuditSetStock($s: ID!) {
        setFlowerStock(storeId: $s, items: [{ flowerId: 1, available: 10 }]) {
          __typename
        }
      }
    `),
    { s: owner.storeId },
    owner.token,
  );
  const productId = await createProductAs(sys, owner.token, {
    name: '감사 장미 꽃다발',
    summary: '감사의 마음',
    description: '빨간 장미 두 송이',
    price: 20000,
    category: 'BOUQUET',
    recipe: [{ flowerId: 1, count: 2, representative: true }],
  });
  const customer = await customerToken(sys, 'audit-buyer@bloom.test');
  await waitFor(
    async () =>
      (
        await sys.call(
          graphql(`
            mutation AuditAddToCart($p: ID!) {
              addToCart(productId: $p, quantity: 2) {
                __typename
              }
            }
          `),
          { p: productId },
          customer,
        )
      ).data?.addToCart.__typename === 'Cart',
    { what: 'product projected into orders', timeoutMs: 15_000 },
  );
  const checkout = await sys.call(
    graphql(`
      mutation AuditCheckout($i: CheckoutInput!) {
        checkout(input: $i) {
          __typename
          ... on CheckoutSuccess {
            orders {
              id
              number
            }
          }
        }
      }
    `),
    {
      i: {
        idempotencyKey: 'e2e-audit-order-0001',
        fulfilment: 'DELIVERY',
        delivery: {
          recipientName: '김수진',
          phone: '010-1234-5678',
          zipCode: '04524',
          street: '서울 중구 세종대로 110',
          deliveryDate: seoulDay(1),
          window: '10:00-13:00',
        },
        expectedTotal: 43000,
      },
    },
    customer,
  );
  const order = expectUnion(checkout.data?.checkout, 'CheckoutSuccess').orders[0];
  if (!order) throw new Error('checkout placed no order');
  const STATUS = graphql(`
    query AuditOrderStatus($id: ID!) {
      order(id: $id) {
        status
      }
    }
  `);
  await waitFor(
    async () =>
      (await sys.call(STATUS, { id: order.id }, customer)).data?.order?.status === 'CONFIRMED',
    { what: 'order confirmed', timeoutMs: 30_000 },
  );
  return { owner, productId, order, customer };
}

describe('the admin audit log through the gateway', () => {
  it('records every admin action with actor, target and reason, and streams it live to admins only', async () => {
    const live = listen(AUDIT_ADDED, admin);
    const notices = listen(NOTICE_ADDED, admin);
    const { owner, productId, order, customer } = await confirmedOrder();
    const sellerFeed = listen(AUDIT_ADDED, owner.token);
    await waitFor(() => sellerFeed.errors.length > 0, { what: 'the seller refused' });
    expect(JSON.stringify(sellerFeed.errors)).toContain('FORBIDDEN');
    await waitFor(() => sys.gateway.live.hub.size >= 2, { what: 'admin subscriptions' });

    // Orders: the admin moves the order on.
    expect((await sys.call(ADVANCE, { id: order.id }, admin)).data?.advanceOrder.__typename).toBe(
      'Order',
    );

    // Stores: suspend with a reason, reopen; the store is closed at the end.
    const STORE = graphql(`
      mutation AuditStoreActions($s: ID!, $reason: String!) {
        suspendStore(storeId: $s, reason: $reason) {
          __typename
        }
        reopenStore(storeId: $s) {
          __typename
        }
      }
    `);
    const store = dataOf(await sys.call(STORE, { s: owner.storeId, reason: '민원 접수' }, admin));
    expect([store.suspendStore.__typename, store.reopenStore.__typename]).toEqual([
      'Store',
      'Store',
    ]);

    // Products: discontinue, then delete in bulk.
    const PRODUCT = graphql(`
      mutation AuditProductActions($p: ID!, $ids: [ID!]!) {
        setProductStatus(id: $p, status: DISCONTINUED, reason: "허위 표시") {
          __typename
        }
        deleteProducts(ids: $ids, reason: "판매 중단") {
          deletedIds
        }
      }
    `);
    const moderated = dataOf(await sys.call(PRODUCT, { p: productId, ids: [productId] }, admin));
    expect(moderated.deleteProducts.deletedIds).toEqual([productId]);

    // Orders: the month's settlement.
    const month = new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 7);
    const settle = await sys.call(
      graphql(`
        mutation AuditSettle($m: String!) {
          settleMonth(month: $m) {
            id
          }
        }
      `),
      { m: month },
      admin,
    );
    expect(settle.errors).toBeUndefined();

    // Identity: suspend and reinstate the customer; revoke their API key.
    const customerId = dataOf(
      await sys.call(
        graphql(`
          query AuditCustomerMe {
            me {
              id
            }
          }
        `),
        {},
        customer,
      ),
    ).me?.id;
    if (!customerId) throw new Error('customer has no id');
    const key = dataOf(
      await sys.call(
        graphql(`
          mutation AuditCreateKey {
            createApiKey(input: { name: "POS", scopes: [CATALOG_READ] }) {
              ... on ApiKeyCreated {
                apiKey {
                  id
                }
              }
            }
          }
        `),
        {},
        customer,
      ),
    ).createApiKey;
    const keyId = 'apiKey' in key ? key.apiKey.id : '';
    const USER = graphql(`
      mutation AuditUserActions($u: ID!, $k: ID!) {
        revokeApiKey(id: $k, reason: "키 유출") {
          status
        }
        suspendUser(userId: $u, reason: "결제 악용") {
          __typename
        }
        reinstateUser(userId: $u) {
          __typename
        }
      }
    `);
    expect(dataOf(await sys.call(USER, { u: customerId, k: keyId }, admin))).toMatchObject({
      revokeApiKey: { status: 'REVOKED' },
      suspendUser: { __typename: 'User' },
      reinstateUser: { __typename: 'User' },
    });

    // Identity: an applicant is rejected with a reason, applies again and is approved; the
    // admins hear of each application live.
    const applied = await sys.call(SIGN_UP_SELLER, {
      i: {
        email: 'audit-applicant@bloom.test',
        password: 'flowers123',
        name: '이지원',
        businessName: '지원 꽃집',
        businessRegistrationNumber: '101-81-36789',
      },
    });
    const applicantId = expectUnion(applied.data?.signUpSeller, 'AuthPayload').user.id;
    await waitFor(
      () => notices.results.some((r) => r.data?.notificationAdded.kind === 'SELLER_APPLICATION'),
      { what: 'the application noticed live' },
    );
    const REJECT = graphql(`
      mutation AuditReject($u: ID!) {
        rejectSeller(userId: $u, reason: "사업자 정보 불일치") {
          __typename
        }
      }
    `);
    expect((await sys.call(REJECT, { u: applicantId }, admin)).data?.rejectSeller.__typename).toBe(
      'User',
    );
    const applicant = await sys.logIn('audit-applicant@bloom.test', 'flowers123');
    const again = await sys.call(
      graphql(`
        mutation AuditReapply {
          applyForSeller(
            input: { businessName: "지원 꽃집", businessRegistrationNumber: "101-81-36789" }
          ) {
            __typename
          }
        }
      `),
      {},
      applicant,
    );
    expect(again.data?.applyForSeller.__typename).toBe('User');
    await waitFor(
      () =>
        notices.results.filter((r) => r.data?.notificationAdded.kind === 'SELLER_APPLICATION')
          .length >= 2,
      { what: 'the re-application noticed live' },
    );
    const APPROVE = graphql(`
      mutation AuditApprove($u: ID!) {
        approveSeller(userId: $u) {
          __typename
        }
      }
    `);
    expect(
      (await sys.call(APPROVE, { u: applicantId }, admin)).data?.approveSeller.__typename,
    ).toBe('User');

    // Stores: close for good.
    const closed = await sys.call(
      graphql(`
        mutation AuditCloseStore($s: ID!) {
          closeStore(storeId: $s) {
            __typename
          }
        }
      `),
      { s: owner.storeId },
      admin,
    );
    expect(closed.data?.closeStore.__typename).toBe('Store');

    const expected: [AuditLogFilter, [AuditAction, string | null][]][] = [
      [{ targetId: order.id }, [['ORDER_ADVANCED', 'CONFIRMED → PREPARING']]],
      [
        { targetId: owner.storeId },
        [
          ['STORE_CLOSED', null],
          ['STORE_REOPENED', null],
          ['STORE_SUSPENDED', '민원 접수'],
        ],
      ],
      [
        { targetId: productId },
        [
          ['PRODUCT_DELETED', '판매 중단'],
          ['PRODUCT_STATUS_CHANGED', 'ON_SALE → DISCONTINUED: 허위 표시'],
        ],
      ],
      [{ targetKind: 'SETTLEMENT', targetId: month }, [['SETTLEMENT_RUN', null]]],
      [{ targetId: keyId }, [['API_KEY_REVOKED', '키 유출']]],
      [
        { targetId: customerId },
        [
          ['USER_REINSTATED', null],
          ['USER_SUSPENDED', '결제 악용'],
        ],
      ],
      [
        { targetId: applicantId },
        [
          ['SELLER_APPROVED', null],
          ['SELLER_REJECTED', '사업자 정보 불일치'],
        ],
      ],
    ];
    const seen: string[] = [];
    for (const [filter, actions] of expected) {
      const nodes = await entriesFor(filter, actions.length);
      // Newest first, each by the admin.
      expect(
        nodes.map((n) => [n.action, n.reason]),
        JSON.stringify(filter),
      ).toEqual(actions);
      for (const node of nodes) {
        expect(node.actor).toEqual({ id: adminId, email: ADMIN_ACCOUNT.email });
        seen.push(node.id);
      }
    }
    // The approval of the first seller (by skyGardenSeller) is in the log as well.
    const approvals = await entriesFor({ action: 'SELLER_APPROVED', targetId: owner.userId });
    expect(approvals[0]?.targetLabel).toContain('sky@bloom.test');

    // Every entry reached the admin live, resolved through identity; none reached the seller.
    await waitFor(
      () => seen.every((id) => live.results.some((r) => r.data?.auditEntryAdded.id === id)) || null,
      { what: 'every entry delivered live', timeoutMs: 20_000 },
    );
    const storeLive = live.results.find(
      (r) => r.data?.auditEntryAdded.action === 'STORE_SUSPENDED',
    );
    expect(storeLive?.data?.auditEntryAdded).toMatchObject({
      targetId: owner.storeId,
      reason: '민원 접수',
      actor: { id: adminId },
    });
    expect(sellerFeed.results).toHaveLength(0);

    for (const feed of [live, notices, sellerFeed]) await feed.client.dispose();
  });

  it('refuses the audit log to customers and sellers', async () => {
    const customer = await customerToken(sys, 'audit-nosy@bloom.test');
    const res = await sys.call(AUDIT_LOG, { filter: {} }, customer);
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
