import { createEvent } from '@bloom/kernel';
import { orderConfirmed, orderPlaced, productRestocked, sellerApplied } from '@bloom/schema';
import { type RunningSmsEmulator, startSmsEmulator } from '@bloom/sms-emulator';
import {
  ADMIN_ACCOUNT,
  type Operation,
  documentText,
  expectUnion,
  storeInputFixture,
  waitFor,
} from '@bloom/testing';
import { jetstream } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { type Client, type FormattedExecutionResult, createClient } from 'graphql-ws';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { TEST_JWT_SECRET, testEnv } from '@bloom/testing';
import type { GatewayServer } from '../../gateway/src/gateway.server.js';
import { APPROVE_SELLER, SIGN_UP, productInput } from '../src/actors.js';
import { graphql } from '../src/generated/index.js';
import { present } from '../src/present.js';
import { type System, startSystem } from '../src/system.harness.js';

/*
 * Live notifications end to end: real graphql-ws clients on the gateway's /graphql, the
 * notifications subgraph consuming real JetStream events, SMS through the emulator over HTTP.
 * The first block publishes a contract-true restock event itself (identity + notifications
 * only: fast, and the product/store are references); the last block runs the whole story
 * through the real stores and products subgraphs, where product name, price and store name
 * resolve through federation.
 */

let sys: System;
let sms: RunningSmsEmulator;
let replica: GatewayServer;

interface Feed<R> {
  results: FormattedExecutionResult<R, unknown>[];
  errors: unknown[];
  closed: Promise<{ code: number; reason: string }>;
  client: Client;
}

const wsUrl = (httpUrl: string) => httpUrl.replace(/^http/, 'ws');

function listen<R, V extends Record<string, unknown>>(
  gatewayUrl: string,
  query: Operation<R, V>,
  variables?: V,
  token?: string,
  rawAuthorization?: string,
): Feed<R> {
  const results: FormattedExecutionResult<R, unknown>[] = [];
  const errors: unknown[] = [];
  // Replaced by the promise's executor, which runs at once.
  let onClosed: (event: { code: number; reason: string }) => void = () => undefined;
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    onClosed = resolve;
  });
  const authorization = rawAuthorization ?? (token ? `Bearer ${token}` : undefined);
  const client = createClient({
    url: wsUrl(gatewayUrl),
    webSocketImpl: WebSocket,
    lazy: false,
    retryAttempts: 0,
    // Refusals are asserted through `closed`; the default would print them.
    onNonLazyError: () => undefined,
    connectionParams: authorization ? { authorization } : {},
    on: {
      closed: (event) => {
        const { code, reason } = event as { code: number; reason: string };
        onClosed({ code, reason: String(reason) });
      },
    },
  });
  client.subscribe<R>(
    { query: documentText(query), variables: variables ?? {} },
    {
      next: (value) => void results.push(value),
      error: (error) => void errors.push(error),
      complete: () => undefined,
    },
  );
  return { results, errors, closed, client };
}

const NOTICE_SUB = graphql(`
  subscription NotificationsNoticeAdded {
    notificationAdded {
      id
      kind
      title
      body
      read
      forAdmins
      product {
        id
      }
      store {
        id
      }
    }
  }
`);
const UNREAD = graphql(`
  query NotificationsUnreadCount {
    unreadNoticeCount
  }
`);

/** Signs a customer up on `system`: their token and id. */
async function account(system: System, email: string) {
  const res = await system.call(SIGN_UP, {
    i: { email, password: 'flowers123', name: email.split('@')[0] ?? email },
  });
  const payload = expectUnion(res.data?.signUp, 'AuthPayload');
  return { token: payload.accessToken, userId: payload.user.id };
}
const signUp = (email: string) => account(sys, email);

/** Publishes an event onto the system's JetStream, as its owning context would. */
async function publish(event: { id: string; type: string }, msgID?: string) {
  const nc = await connect({ servers: testEnv.NATS_URL });
  try {
    await jetstream(nc).publish(`${sys.namespace}.${event.type}`, JSON.stringify(event), {
      ...(msgID ? { msgID } : {}),
    });
  } finally {
    await nc.drain();
  }
}

const subscribers = (gateway: GatewayServer, count: number) =>
  waitFor(() => gateway.live.hub.size >= count, { what: `${count} live subscribers` });

beforeAll(async () => {
  sms = await startSmsEmulator({
    port: 0,
    host: '127.0.0.1',
    apiKey: 'e2e-sms-key-123',
    print: () => undefined,
  });
  sys = await startSystem(['identity', 'notifications'], {
    SMS_API_URL: sms.url,
    SMS_API_KEY: 'e2e-sms-key-123',
    // Quiet hours are covered by their own tests; here texts go out whatever the hour.
    QUIET_HOURS_START: '0',
    QUIET_HOURS_END: '0',
  });
  replica = await sys.startGateway();
}, 60_000);

afterAll(async () => {
  await sys?.close();
  await sms?.close();
});

describe('live notifications through the gateway (graphql-ws)', () => {
  it('restock: only the subscriber gets the notice, on either gateway; SMS once; redelivery sends nothing', async () => {
    const alice = await signUp('alice@bloom.test');
    const bob = await signUp('bob@bloom.test');
    const settings = await sys.call(
      graphql(`
        mutation NotificationsSetSmsPhone {
          updateNotificationSettings(input: { smsPhone: "01012345678" }) {
            __typename
            ... on NotificationSettings {
              smsPhone
            }
          }
        }
      `),
      {},
      alice.token,
    );
    expect(settings.data?.updateNotificationSettings).toEqual({
      __typename: 'NotificationSettings',
      smsPhone: '010-1234-5678',
    });

    const productId = 'p-rose-001';
    const aliceOnA = listen(sys.gatewayUrl, NOTICE_SUB, {}, alice.token);
    const aliceOnB = listen(replica.url, NOTICE_SUB, {}, alice.token);
    const bobOnA = listen(sys.gatewayUrl, NOTICE_SUB, {}, bob.token);
    const anonymousRestock = listen(
      sys.gatewayUrl,
      graphql(`
        subscription NotificationsProductRestocked($p: ID!) {
          productRestocked(productId: $p) {
            productId
            product {
              id
            }
            store {
              id
            }
          }
        }
      `),
      { p: productId },
    );
    const anonymousNotices = listen(sys.gatewayUrl, NOTICE_SUB);
    await subscribers(sys.gateway, 3);
    await subscribers(replica, 1);
    await waitFor(() => anonymousNotices.errors.length > 0, { what: 'anonymous refusal' });
    expect(JSON.stringify(anonymousNotices.errors)).toContain('Sign in');

    const event = createEvent(
      productRestocked,
      { source: 'products', subjectId: productId, sequence: 7, traceId: 'e2e' },
      { productId, storeId: 's-spring-01', subscriberIds: [alice.userId], availableQuantity: 3 },
    );
    await publish(event, event.id);

    const expected = {
      notificationAdded: {
        id: `${event.id}:user:${alice.userId}`,
        kind: 'RESTOCK_AVAILABLE',
        title: '재입고 알림',
        // The product and store are references here: no snapshot of them was seen.
        body: '알림을 신청하신 상품을 다시 살 수 있어요. 지금 3개 남아 있어요.',
        read: false,
        forAdmins: false,
        product: { id: productId },
        store: { id: 's-spring-01' },
      },
    };
    await waitFor(() => aliceOnA.results.length >= 1 && aliceOnB.results.length >= 1, {
      what: 'the notice on both gateways',
      timeoutMs: 20_000,
    });
    expect(aliceOnA.results).toEqual([{ data: expected }]);
    expect(aliceOnB.results).toEqual([{ data: expected }]);
    await waitFor(() => anonymousRestock.results.length >= 1, {
      what: 'public restock',
      timeoutMs: 20_000,
    });
    expect(anonymousRestock.results[0]).toEqual({
      data: {
        productRestocked: { productId, product: { id: productId }, store: { id: 's-spring-01' } },
      },
    });
    await waitFor(() => sms.messages.length >= 1, { what: 'the SMS', timeoutMs: 20_000 });
    expect(sms.messages).toMatchObject([
      { to: '010-1234-5678', idempotencyKey: `${event.id}:user:${alice.userId}:SMS` },
    ]);

    // Redelivered: the same event again (no JetStream dedupe), and handled again directly so
    // the unique keys are exercised behind the processed-event record as well.
    await publish(event);
    const notifications = sys.servers.notifications as {
      consumer: { handle(e: unknown): Promise<void> };
    };
    await notifications.consumer.handle(event);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(aliceOnA.results).toHaveLength(1);
    expect(aliceOnB.results).toHaveLength(1);
    expect(anonymousRestock.results).toHaveLength(1);
    expect(sms.messages).toHaveLength(1);
    expect(bobOnA.results).toEqual([]);

    const inbox = await sys.call(
      graphql(`
        query NotificationsInbox {
          notices(first: 10) {
            totalCount
            nodes {
              id
              kind
              read
            }
          }
          unreadNoticeCount
        }
      `),
      {},
      alice.token,
    );
    expect(inbox.data).toEqual({
      notices: {
        totalCount: 1,
        nodes: [{ id: expected.notificationAdded.id, kind: 'RESTOCK_AVAILABLE', read: false }],
      },
      unreadNoticeCount: 1,
    });
    const bobInbox = await sys.call(UNREAD, {}, bob.token);
    expect(bobInbox.data?.unreadNoticeCount).toBe(0);

    for (const feed of [aliceOnA, aliceOnB, bobOnA, anonymousRestock, anonymousNotices]) {
      await feed.client.dispose();
    }
  });

  it('seller approved → the applicant’s notificationAdded; the application → every admin', async () => {
    const applicant = await signUp('applicant@bloom.test');
    const adminToken = await sys.logIn(ADMIN_ACCOUNT.email, ADMIN_ACCOUNT.password);
    const adminFeed = listen(replica.url, NOTICE_SUB, {}, adminToken);
    const applicantFeed = listen(sys.gatewayUrl, NOTICE_SUB, {}, applicant.token);
    await subscribers(replica, 1);
    await subscribers(sys.gateway, 1);

    const applied = await sys.call(
      graphql(`
        mutation NotificationsApplyForSeller {
          applyForSeller(
            input: { businessName: "봄날 꽃집", businessRegistrationNumber: "220-81-62517" }
          ) {
            __typename
          }
        }
      `),
      {},
      applicant.token,
    );
    expect(applied.data?.applyForSeller.__typename).toBe('User');
    await waitFor(() => adminFeed.results.length >= 1, {
      what: 'the admin notice',
      timeoutMs: 20_000,
    });
    expect(adminFeed.results[0]).toMatchObject({
      data: { notificationAdded: { kind: 'SELLER_APPLICATION', forAdmins: true, read: false } },
    });
    expect(applicantFeed.results).toEqual([]);

    await sys.call(APPROVE_SELLER, { id: applicant.userId }, adminToken);
    await waitFor(() => applicantFeed.results.length >= 1, {
      what: 'the approval notice',
      timeoutMs: 20_000,
    });
    expect(applicantFeed.results[0]).toMatchObject({
      data: { notificationAdded: { kind: 'SELLER_APPROVED', forAdmins: false } },
    });
    expect(adminFeed.results).toHaveLength(1);

    // The admin's inbox holds the admin notice; mark-all keeps a notice that arrives later.
    const adminInbox = await sys.call(UNREAD, {}, adminToken);
    expect(adminInbox.data?.unreadNoticeCount).toBeGreaterThanOrEqual(1);
    const marked = await sys.call(
      graphql(`
        mutation NotificationsMarkAllRead {
          markAllNoticesRead {
            unreadCount
          }
        }
      `),
      {},
      adminToken,
    );
    expect(marked.data?.markAllNoticesRead.unreadCount).toBe(0);
    const later = createEvent(
      sellerApplied,
      { source: 'identity', subjectId: 'u-late', sequence: 1, traceId: 'e2e' },
      {
        userId: 'u-late',
        email: 'late@bloom.test',
        name: 'Late',
        businessName: '늦은 꽃집',
        resubmission: false,
      },
    );
    await publish(later, later.id);
    await waitFor(() => adminFeed.results.length >= 2, {
      what: 'the later admin notice',
      timeoutMs: 20_000,
    });
    const after = await sys.call(UNREAD, {}, adminToken);
    expect(after.data?.unreadNoticeCount).toBe(1);

    await adminFeed.client.dispose();
    await applicantFeed.client.dispose();
  });

  it('orderStatusChanged reaches the order’s customer, not a stranger', async () => {
    const buyer = await signUp('buyer@bloom.test');
    const stranger = await signUp('stranger@bloom.test');
    const ORDER_SUB = graphql(`
      subscription NotificationsOrderStatusChanged($o: ID!) {
        orderStatusChanged(orderId: $o) {
          orderId
          status
          reason
          order {
            id
          }
        }
      }
    `);
    const mine = listen(replica.url, ORDER_SUB, { o: 'o-e2e-1' }, buyer.token);
    const theirs = listen(sys.gatewayUrl, ORDER_SUB, { o: 'o-e2e-1' }, stranger.token);
    const anonymous = listen(sys.gatewayUrl, ORDER_SUB, { o: 'o-e2e-1' });
    await subscribers(replica, 1);
    await subscribers(sys.gateway, 1);
    await waitFor(() => anonymous.errors.length > 0, { what: 'anonymous refusal' });

    const placed = createEvent(
      orderPlaced,
      { source: 'orders', subjectId: 'o-e2e-1', sequence: 1, traceId: 'e2e' },
      {
        orderId: 'o-e2e-1',
        storeId: 's-e2e',
        customerId: buyer.userId,
        lines: [{ productId: 'p-e2e', quantity: 1, flowers: [{ flowerId: 4, count: 10 }] }],
        fulfilment: { type: 'DELIVERY' },
        subtotal: 45000,
        placedAt: new Date().toISOString(),
      },
    );
    // confirmed omits the customer: the notifications projection of placed supplies it.
    const confirmed = createEvent(
      orderConfirmed,
      { source: 'orders', subjectId: 'o-e2e-1', sequence: 2, traceId: 'e2e' },
      { orderId: 'o-e2e-1', storeId: 's-e2e' },
    );
    await publish(placed, placed.id);
    await waitFor(() => mine.results.length >= 1, { what: 'PLACED', timeoutMs: 20_000 });
    await publish(confirmed, confirmed.id);
    await waitFor(() => mine.results.length >= 2, { what: 'CONFIRMED', timeoutMs: 20_000 });
    expect(mine.results).toEqual([
      {
        data: {
          orderStatusChanged: {
            orderId: 'o-e2e-1',
            status: 'PLACED',
            reason: null,
            order: { id: 'o-e2e-1' },
          },
        },
      },
      {
        data: {
          orderStatusChanged: {
            orderId: 'o-e2e-1',
            status: 'CONFIRMED',
            reason: null,
            order: { id: 'o-e2e-1' },
          },
        },
      },
    ]);
    expect(theirs.results).toEqual([]);
    expect(JSON.stringify(anonymous.errors)).toContain('Sign in');
    for (const feed of [mine, theirs, anonymous]) await feed.client.dispose();
  });

  it('runs queries sent over the socket as the connection’s caller', async () => {
    const reader = await signUp('socket-reader@bloom.test');
    const client = createClient({
      url: wsUrl(sys.gatewayUrl),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: { authorization: `Bearer ${reader.token}` },
    });
    const results: unknown[] = [];
    const query = graphql(`
      query NotificationsOverSocket {
        me {
          id
        }
        unreadNoticeCount
      }
    `);
    for await (const result of client.iterate({ query: documentText(query) })) {
      results.push(result);
    }
    expect(results).toEqual([{ data: { me: { id: reader.userId }, unreadNoticeCount: 0 } }]);
    await client.dispose();
  });

  it('refuses a forged or expired token at connection_init with 4401', async () => {
    const forged = await new SignJWT({ typ: 'access', roles: ['ADMIN'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('507f1f77bcf86cd799439011')
      .setIssuer('blooming-blooms')
      .setAudience('blooming-blooms-api')
      .setIssuedAt()
      .setExpirationTime('15m')
      .sign(new TextEncoder().encode('not-the-secret-0123456789abcdef0123456789'));
    const feed = listen(sys.gatewayUrl, NOTICE_SUB, {}, forged);
    expect((await feed.closed).code).toBe(4401);

    const expired = await new SignJWT({ typ: 'access', roles: [] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('507f1f77bcf86cd799439011')
      .setIssuer('blooming-blooms')
      .setAudience('blooming-blooms-api')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 3600)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 600)
      .sign(new TextEncoder().encode(TEST_JWT_SECRET));
    const stale = listen(sys.gatewayUrl, NOTICE_SUB, {}, expired);
    expect((await stale.closed).code).toBe(4401);

    const garbage = listen(sys.gatewayUrl, NOTICE_SUB, {}, undefined, 'Basic abc');
    expect((await garbage.closed).code).toBe(4401);
  });
});

describe('restock through the real products and stores subgraphs', () => {
  let full: System;
  let fullSms: RunningSmsEmulator;

  beforeAll(async () => {
    fullSms = await startSmsEmulator({
      port: 0,
      host: '127.0.0.1',
      apiKey: 'e2e-sms-key-123',
      print: () => undefined,
    });
    full = await startSystem(['identity', 'stores', 'products', 'notifications'], {
      SMS_API_URL: fullSms.url,
      SMS_API_KEY: 'e2e-sms-key-123',
      QUIET_HOURS_START: '0',
      QUIET_HOURS_END: '0',
    });
  }, 90_000);

  afterAll(async () => {
    await full?.close();
    await fullSms?.close();
  });

  it('the seller restocks; the subscriber’s notice carries product name, price and store name', async () => {
    // A seller with a store, flower stock and a sold-out product.
    const seller = await account(full, 'florist@bloom.test');
    await full.call(
      graphql(`
        mutation NotificationsApplyAsFlorist {
          applyForSeller(
            input: { businessName: "하늘정원", businessRegistrationNumber: "220-81-62517" }
          ) {
            __typename
          }
        }
      `),
      {},
      seller.token,
    );
    const admin = await full.logIn(ADMIN_ACCOUNT.email, ADMIN_ACCOUNT.password);
    await full.call(APPROVE_SELLER, { id: seller.userId }, admin);
    const sellerToken = await full.logIn('florist@bloom.test', 'flowers123');
    const store = await full.call(
      graphql(`
        mutation NotificationsCreateStore($input: CreateStoreInput!) {
          createStore(input: $input) {
            __typename
            ... on Store {
              id
              name
            }
            ... on UserError {
              code
              message
            }
          }
        }
      `),
      { input: storeInputFixture() },
      sellerToken,
    );
    expect(store.data?.createStore.__typename, JSON.stringify(store)).toBe('Store');
    const storeId = expectUnion(store.data?.createStore, 'Store').id;
    const stock = await full.call(
      graphql(`
        mutation NotificationsSetFlowerStock($s: ID!) {
          setFlowerStock(
            storeId: $s
            items: [{ flowerId: 4, available: 100 }, { flowerId: 18, available: 10 }]
          ) {
            __typename
          }
        }
      `),
      { s: storeId },
      sellerToken,
    );
    expect(stock.data?.setFlowerStock.__typename, JSON.stringify(stock)).toBe('InventoryUpdate');
    const product = await waitFor(
      async () => {
        const res = await full.call(
          graphql(`
            mutation NotificationsCreateProduct($i: CreateProductInput!) {
              createProduct(input: $i) {
                __typename
                ... on Product {
                  id
                }
              }
            }
          `),
          {
            i: productInput({
              name: '봄날의 설렘 꽃다발',
              summary: '분홍 장미와 안개꽃',
              description: '사랑하는 사람에게 전하는 분홍빛 마음.',
              price: 45000,
              category: 'BOUQUET',
              tags: ['FOR_LOVER'],
              recipe: [
                { flowerId: 4, count: 10, representative: true },
                { flowerId: 18, count: 1 },
              ],
            }),
          },
          sellerToken,
        );
        const created = res.data?.createProduct;
        return created?.__typename === 'Product' ? created.id : null;
      },
      { what: 'products to know the store', timeoutMs: 30_000 },
    );
    const STATUS = graphql(`
      mutation NotificationsSetProductStatus($id: ID!, $s: SaleStatus!) {
        setProductStatus(id: $id, status: $s) {
          __typename
        }
      }
    `);
    await full.call(STATUS, { id: product, s: 'SOLD_OUT' }, sellerToken);

    // Two customers; one waits for the restock (with a phone for SMS).
    const waiting = await account(full, 'waiting@bloom.test');
    const other = await account(full, 'other@bloom.test');
    await full.call(
      graphql(`
        mutation NotificationsSetWaitingPhone {
          updateNotificationSettings(input: { smsPhone: "010-2222-3333" }) {
            __typename
          }
        }
      `),
      {},
      waiting.token,
    );
    const alert = await waitFor(
      async () => {
        const res = await full.call(
          graphql(`
            mutation NotificationsSubscribeRestockAlert($p: ID!) {
              subscribeRestockAlert(productId: $p) {
                __typename
              }
            }
          `),
          { p: product },
          waiting.token,
        );
        return res.data?.subscribeRestockAlert.__typename === 'RestockAlert' ? res : null;
      },
      { what: 'the restock alert', timeoutMs: 30_000 },
    );
    expect(alert.data?.subscribeRestockAlert.__typename).toBe('RestockAlert');

    const RICH = graphql(`
      subscription NotificationsRichNotice {
        notificationAdded {
          kind
          product {
            id
            name
            price
          }
          store {
            id
            name
          }
        }
      }
    `);
    const mine = listen(full.gatewayUrl, RICH, {}, waiting.token);
    const theirs = listen(full.gatewayUrl, RICH, {}, other.token);
    const publicFeed = listen(
      full.gatewayUrl,
      graphql(`
        subscription NotificationsPublicRestock($p: ID!) {
          productRestocked(productId: $p) {
            product {
              name
              price
            }
            store {
              name
            }
          }
        }
      `),
      { p: product },
    );
    await subscribers(full.gateway, 3);

    await full.call(STATUS, { id: product, s: 'ON_SALE' }, sellerToken);
    await waitFor(() => mine.results.length >= 1, {
      what: 'the rich restock notice',
      timeoutMs: 30_000,
    });
    expect(mine.results[0]).toEqual({
      data: {
        notificationAdded: {
          kind: 'RESTOCK_AVAILABLE',
          product: { id: product, name: '봄날의 설렘 꽃다발', price: 45000 },
          store: { id: storeId, name: '하늘정원 플라워' },
        },
      },
    });
    await waitFor(() => publicFeed.results.length >= 1, {
      what: 'the public restock',
      timeoutMs: 30_000,
    });
    expect(publicFeed.results[0]).toEqual({
      data: {
        productRestocked: {
          product: { name: '봄날의 설렘 꽃다발', price: 45000 },
          store: { name: '하늘정원 플라워' },
        },
      },
    });
    await waitFor(() => fullSms.messages.length >= 1, {
      what: 'the restock SMS',
      timeoutMs: 30_000,
    });

    // The same restocked event redelivered: nothing new anywhere.
    const [first] = await full.events.waitForType('products.product.restocked');
    const restocked = present(first, 'the restocked event');
    await publishTo(full, restocked);
    await (
      full.servers.notifications as { consumer: { handle(e: unknown): Promise<void> } }
    ).consumer.handle(restocked);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(mine.results).toHaveLength(1);
    expect(publicFeed.results).toHaveLength(1);
    expect(theirs.results).toEqual([]);
    expect(fullSms.messages).toHaveLength(1);
    expect(fullSms.messages[0]?.to).toBe('010-2222-3333');
    // The notice names the product and store from the snapshots products and stores published.
    expect(fullSms.messages[0]?.text).toContain(
      '하늘정원 플라워의 봄날의 설렘 꽃다발을 다시 살 수 있어요.',
    );

    for (const feed of [mine, theirs, publicFeed]) await feed.client.dispose();
  }, 120_000);
});

/** Publishes an envelope again without a msgID, so JetStream does not drop it. */
async function publishTo(system: System, event: { type: string }) {
  const nc = await connect({ servers: testEnv.NATS_URL });
  try {
    await jetstream(nc).publish(`${system.namespace}.${event.type}`, JSON.stringify(event));
  } finally {
    await nc.drain();
  }
}
