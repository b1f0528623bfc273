import { createBloomClient } from '@bloom/sdk';
import { expectUnion, waitFor } from '@bloom/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProductAs, skyGardenSeller } from '../../../e2e/src/actors.js';
import { deliveryTo } from '../../../e2e/src/orders.actions.js';
import { type System, startSystem } from '../../../e2e/src/system.harness.js';
import {
  type PaymentsEmulator,
  loadPaymentsEmulatorConfig,
  startPaymentsEmulator,
} from '../../../infra/emulators/payments/src/index.js';
import { PosSync } from '../src/pos-sync.service.js';
import { type WebhookReceiver, startWebhookReceiver } from '../src/webhook.receiver.js';

/*
 * The example end to end: a florist's key (catalogue, orders, events), the till syncing the
 * shop's catalogue through the gateway, a phone order placed through the API and confirmed by
 * the saga, and the order's webhooks received on the till's own port, signature-checked.
 */

let sys: System;
let pg: PaymentsEmulator;
let receiver: WebhookReceiver | undefined;

beforeAll(async () => {
  pg = await startPaymentsEmulator(loadPaymentsEmulatorConfig({ PORT: '0', LOG_LEVEL: 'silent' }));
  sys = await startSystem(['identity', 'stores', 'products', 'orders', 'notifications'], {
    PAYMENTS_URL: pg.url,
  });
}, 120_000);
afterAll(async () => {
  await receiver?.close();
  await sys?.close();
  await pg?.close();
});

// Plain documents: the e2e codegen types only documents under e2e/.
const CREATE_KEY = `
  mutation PosSyncCreateKey($i: CreateApiKeyInput!) {
    createApiKey(input: $i) {
      __typename
      ... on ApiKeyCreated {
        secret
      }
    }
  }
`;
const SET_STOCK = `
  mutation PosSyncSetStock($s: ID!) {
    setFlowerStock(storeId: $s, items: [{ flowerId: 1, available: 30 }]) {
      __typename
    }
  }
`;

describe('examples/pos-sync', () => {
  it('syncs the catalogue, places a phone order and follows it by signed webhooks', async () => {
    const florist = await skyGardenSeller(sys);
    await sys.call(SET_STOCK, { s: florist.storeId }, florist.token);
    const productId = await createProductAs(sys, florist.token, {
      name: '작약 꽃다발',
      summary: '수줍은 분홍',
      description: '작약 다섯 송이',
      price: 42000,
      category: 'BOUQUET',
      recipe: [{ flowerId: 1, count: 5, representative: true }],
    });
    const created = await sys.call<{
      createApiKey: { __typename: 'ApiKeyCreated'; secret: string } | { __typename: string };
    }>(
      CREATE_KEY,
      { i: { name: 'POS', scopes: ['CATALOG_READ', 'ORDERS_WRITE', 'EVENTS_READ'] } },
      florist.token,
    );
    const apiKey = expectUnion(created.data?.createApiKey, 'ApiKeyCreated').secret;
    const pos = new PosSync(createBloomClient({ url: sys.gatewayUrl, apiKey }));

    // The listing reaches products' read side by event: poll until the till sees it.
    await waitFor(async () => (await pos.syncCatalog(florist.storeId)) === 1, {
      what: 'the product in the catalogue',
    });
    expect(pos.catalog.get(productId)).toMatchObject({ name: '작약 꽃다발', price: 42000 });

    const events: string[] = [];
    receiver = await startWebhookReceiver({
      host: '127.0.0.1',
      port: 0,
      path: '/bloom-webhooks',
      secrets: pos.signingSecrets,
      onEvent: (event) => {
        events.push(event.type);
        pos.onEvent(event);
      },
    });
    await pos.connectWebhooks(receiver.url);
    // Connecting again (a restarted till) rotates the secret: only the new one verifies.
    await pos.connectWebhooks(receiver.url);

    // Orders learns of the product by event too: the quote may refuse it for a moment.
    const [orderId] = await waitFor(
      () => pos.placeDeliveryOrder(productId, 1, deliveryTo()).catch(() => undefined),
      { what: 'the phone order placed', timeoutMs: 15_000 },
    );
    await waitFor(() => pos.orders.get(orderId ?? '')?.status === 'CONFIRMED', {
      what: 'the confirmation webhook',
      timeoutMs: 20_000,
    });
    expect(events).toEqual(
      expect.arrayContaining(['orders.order.placed', 'orders.order.confirmed']),
    );
    // One delivery per event, although the florist is both the customer and the seller.
    expect(events.filter((t) => t === 'orders.order.confirmed')).toHaveLength(1);

    // A forged delivery is refused and changes nothing.
    const forged = await fetch(receiver.url, {
      method: 'POST',
      headers: { 'bloom-signature': `t=${Math.floor(Date.now() / 1000)},v1=${'0'.repeat(64)}` },
      body: JSON.stringify({ id: 'x', type: 'orders.order.canceled', payload: { orderId } }),
    });
    expect(forged.status).toBe(400);
    expect(await forged.text()).toBe('SIGNATURE_MISMATCH');
    expect(pos.orders.get(orderId ?? '')?.status).toBe('CONFIRMED');
  });
});
