import {
  type PaymentsEmulator,
  loadPaymentsEmulatorConfig,
  startPaymentsEmulator,
} from '@bloom/payments-emulator';
import { verifyWebhook } from '@bloom/sdk';
import { expectUnion, gqlRequest, waitFor } from '@bloom/testing';
import { type WebhooksEmulator, startWebhooksEmulator } from '@bloom/webhooks-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProductAs, customerToken, skyGardenSeller } from '../src/actors.js';
import { graphql } from '../src/generated/index.js';
import { placeCartOrder } from '../src/orders.actions.js';
import { type System, startSystem } from '../src/system.harness.js';

/*
 * Outgoing webhooks through the real system: API keys made by their owners, endpoints
 * registered through the gateway with those keys, an order placed and confirmed by the saga,
 * and the deliveries at a local receiver, verified with @bloom/sdk.
 */

let sys: System;
let pg: PaymentsEmulator;
let receiver: WebhooksEmulator;

beforeAll(async () => {
  pg = await startPaymentsEmulator(loadPaymentsEmulatorConfig({ PORT: '0', LOG_LEVEL: 'silent' }));
  receiver = await startWebhooksEmulator({ port: 0 });
  sys = await startSystem(['identity', 'stores', 'products', 'orders', 'notifications'], {
    PAYMENTS_URL: pg.url,
  });
}, 120_000);
afterAll(async () => {
  await sys?.close();
  await receiver?.close();
  await pg?.close();
});

const CREATE_KEY = graphql(`
  mutation WebhooksCreateKey($i: CreateApiKeyInput!) {
    createApiKey(input: $i) {
      __typename
      ... on ApiKeyCreated {
        secret
      }
    }
  }
`);
const CREATE_ENDPOINT = graphql(`
  mutation WebhooksCreateEndpoint($input: CreateWebhookEndpointInput!) {
    createWebhookEndpoint(input: $input) {
      __typename
      ... on WebhookEndpointCreated {
        signingSecret
      }
    }
  }
`);
const SET_STOCK = graphql(`
  mutation WebhooksSetStock($s: ID!) {
    setFlowerStock(storeId: $s, items: [{ flowerId: 1, available: 20 }]) {
      __typename
    }
  }
`);

type Scope = 'CATALOG_READ' | 'ORDERS_WRITE' | 'EVENTS_READ';
async function newKey(token: string, scopes: Scope[]): Promise<string> {
  const res = await sys.call(CREATE_KEY, { i: { name: 'POS sync', scopes } }, token);
  return expectUnion(res.data?.createApiKey, 'ApiKeyCreated').secret;
}

/** Registers an endpoint on the receiver at `path` with an API key, through the gateway. */
function register(key: string, path: string, eventTypes: string[]) {
  return gqlRequest(
    sys.gatewayUrl,
    CREATE_ENDPOINT,
    { input: { url: `${receiver.url}${path}`, eventTypes, description: 'e2e' } },
    { 'x-api-key': key },
  );
}

const deliveriesAt = (path: string) => receiver.received.filter((d) => d.path === path);

describe('outgoing webhooks', () => {
  it('refuse a key without EVENTS_READ at the gateway', async () => {
    const token = await customerToken(sys, 'no-events@bloom.test');
    const key = await newKey(token, ['CATALOG_READ']);
    const res = await register(key, '/never', ['orders.order.placed']);
    expect(res.data?.createWebhookEndpoint ?? null).toBeNull();
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      requires: 'EVENTS_READ',
    });
  });

  it("send one signed delivery per event to each of the order's subscribed endpoints", async () => {
    const seller = await skyGardenSeller(sys);
    await sys.call(SET_STOCK, { s: seller.storeId }, seller.token);
    const productId = await createProductAs(sys, seller.token, {
      name: '빨간 장미 꽃다발',
      summary: '사랑의 고백',
      description: '빨간 장미 두 송이',
      price: 20000,
      category: 'BOUQUET',
      recipe: [{ flowerId: 1, count: 2, representative: true }],
    });
    const token = await customerToken(sys, 'pos-owner@bloom.test');
    const customerKey = await newKey(token, ['EVENTS_READ', 'ORDERS_WRITE']);
    const sellerKey = await newKey(seller.token, ['EVENTS_READ']);
    const orderEvents = ['orders.order.placed', 'orders.order.confirmed'];
    const secrets = new Map<string, string>();
    for (const [key, path, types] of [
      [customerKey, '/customer-a', orderEvents],
      [customerKey, '/customer-b', orderEvents],
      [sellerKey, '/seller', ['orders.order.confirmed']],
    ] as const) {
      const res = await register(key, path, [...types]);
      secrets.set(
        path,
        expectUnion(res.data?.createWebhookEndpoint, 'WebhookEndpointCreated').signingSecret,
      );
    }

    const orderId = await placeCartOrder(sys, token, {
      productIds: [productId],
      key: 'webhooks-e2e-1',
      expectedTotal: 23000,
    });
    await waitFor(
      () =>
        deliveriesAt('/customer-a').length === 2 &&
        deliveriesAt('/customer-b').length === 2 &&
        deliveriesAt('/seller').length === 1,
      { what: 'the deliveries', timeoutMs: 20_000 },
    );
    // Nothing more arrives: exactly one delivery per event and endpoint.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    for (const [path, types] of [
      ['/customer-a', orderEvents],
      ['/customer-b', orderEvents],
      ['/seller', ['orders.order.confirmed']],
    ] as const) {
      const got = deliveriesAt(path);
      expect(got.map((d) => d.eventType).sort()).toEqual([...types].sort());
      for (const delivery of got) {
        const verified = verifyWebhook(delivery.body, delivery.signature, secrets.get(path) ?? '');
        expect(verified).toMatchObject({ ok: true, event: { payload: { orderId } } });
      }
    }
    // Each endpoint signs with its own secret.
    const [first] = deliveriesAt('/customer-a');
    expect(
      verifyWebhook(first?.body ?? '', first?.signature, secrets.get('/customer-b') ?? ''),
    ).toMatchObject({ ok: false, reason: 'SIGNATURE_MISMATCH' });
  });
});
