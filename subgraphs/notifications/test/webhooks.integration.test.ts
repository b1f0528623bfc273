import { verifyWebhook } from '@bloom/sdk';
import {
  apiKeyRevoked,
  orderConfirmed,
  orderPlaced,
  productCreated,
  storeOpened,
} from '@bloom/schema';
import { apiKeyCaller, customerCaller, expectUnion, newId, waitFor } from '@bloom/testing';
import { type WebhooksEmulator, startWebhooksEmulator } from '@bloom/webhooks-emulator';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { graphql } from './generated/index.js';
import { type NotificationsHarness, startNotifications } from './notifications.harness.js';

let h: NotificationsHarness;
let receiver: WebhooksEmulator;

beforeAll(async () => {
  receiver = await startWebhooksEmulator({ port: 0 });
  // Retries are driven by the test's clock: the sweep only runs when the test drains it.
  h = await startNotifications('webhooks', { WEBHOOK_SWEEP_INTERVAL_MS: '3600000' });
});
afterAll(async () => {
  await h.close();
  await receiver.close();
});
beforeEach(async () => {
  await fetch(`${receiver.url}/__receiver/reset`, { method: 'POST' });
});

const CREATE = graphql(`
  mutation CreateEndpoint($input: CreateWebhookEndpointInput!) {
    createWebhookEndpoint(input: $input) {
      __typename
      ... on WebhookEndpointCreated {
        signingSecret
        endpoint {
          id
          status
          eventTypes
        }
      }
      ... on UserError {
        code
        message
      }
    }
  }
`);

const ENDPOINT = graphql(`
  query Endpoint($id: ID!) {
    webhookEndpoint(id: $id) {
      id
      status
      disabledReason
      consecutiveFailures
      previousSecretExpiresAt
      deliveries(first: 50) {
        totalCount
        nodes {
          id
          eventId
          status
          attemptCount
          attempts {
            statusCode
            error
          }
        }
      }
    }
  }
`);

const ROTATE = graphql(`
  mutation Rotate($id: ID!) {
    rotateWebhookSecret(id: $id, graceHours: 24) {
      __typename
      ... on WebhookSecretRotated {
        signingSecret
      }
    }
  }
`);

const REPLAY = graphql(`
  mutation Replay($id: ID!) {
    replayWebhookDelivery(id: $id) {
      __typename
    }
  }
`);

const REPLAY_RANGE = graphql(`
  mutation ReplayRange($endpointId: ID!, $from: DateTimeISO!, $to: DateTimeISO!) {
    replayWebhookDeliveries(endpointId: $endpointId, from: $from, to: $to) {
      __typename
      ... on WebhookReplayQueued {
        count
      }
    }
  }
`);

const INBOX = graphql(`
  query WebhookInbox {
    notices(first: 10) {
      nodes {
        kind
        body
      }
    }
  }
`);

const dispatcher = () => h.server.webhooks.dispatcher;

/** An endpoint of a fresh key owner at `path` on the receiver. */
async function register(path: string, eventTypes: string[], scopes = ['events:read']) {
  const key = apiKeyCaller(scopes);
  const res = await h.call(
    CREATE,
    { input: { url: `${receiver.url}${path}`, eventTypes, description: 'POS' } },
    key,
  );
  const created = expectUnion(res.data?.createWebhookEndpoint, 'WebhookEndpointCreated');
  await fetch(`${receiver.url}/__receiver/secrets`, {
    method: 'POST',
    body: JSON.stringify({ path, secret: created.signingSecret }),
  });
  return { key, endpointId: created.endpoint.id, secret: created.signingSecret };
}

const placed = (customerId: string, orderId = newId()) =>
  h.event(orderPlaced, {
    orderId,
    storeId: newId(),
    customerId,
    lines: [{ productId: newId(), quantity: 1, flowers: [{ flowerId: 3, count: 5 }] }],
    fulfilment: { type: 'DELIVERY' },
    subtotal: 45_000,
    placedAt: new Date().toISOString(),
  });

const at = (path: string) => receiver.received.filter((d) => d.path === path);
const advance = (ms: number) => h.setNow(new Date(h.clock.now().getTime() + ms));

describe('webhook endpoints', () => {
  it('refuse a key without EVENTS_READ, and event types its scopes do not cover', async () => {
    const res = await h.call(
      CREATE,
      { input: { url: `${receiver.url}/x`, eventTypes: [orderPlaced.type] } },
      apiKeyCaller(['catalog:read']),
    );
    expect(res.data?.createWebhookEndpoint ?? null).toBeNull();
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      requires: 'EVENTS_READ',
    });

    const catalog = await h.call(
      CREATE,
      { input: { url: `${receiver.url}/x`, eventTypes: [productCreated.type] } },
      apiKeyCaller(['events:read']),
    );
    expect(catalog.data?.createWebhookEndpoint).toMatchObject({ code: 'SCOPE_MISSING' });
    const unknown = await h.call(
      CREATE,
      { input: { url: `${receiver.url}/x`, eventTypes: ['orders.order.exploded'] } },
      apiKeyCaller(['events:read']),
    );
    expect(unknown.data?.createWebhookEndpoint).toMatchObject({ code: 'UNKNOWN_EVENT_TYPE' });
  });

  it("delivers an order's event once, signed, to its customer's endpoint only", async () => {
    const mine = await register('/mine', [orderPlaced.type]);
    const other = await register('/other', [orderPlaced.type]);
    const event = placed(mine.key.userId as string);
    await h.bus.publish(event);
    await waitFor(() => at('/mine').length === 1, { what: 'the delivery' });
    // The same event again (a redelivery): no second delivery.
    expect(await h.server.webhooks.consumer.handle(event)).toBe(0);
    await dispatcher().drain();
    expect(at('/mine')).toHaveLength(1);
    expect(at('/other')).toHaveLength(0);
    const [delivery] = at('/mine');
    expect(delivery).toMatchObject({
      eventId: event.id,
      eventType: orderPlaced.type,
      verified: 'valid',
    });
    const verified = verifyWebhook(
      delivery?.body ?? '',
      delivery?.signature,
      mine.secret,
      300,
      h.clock.now(),
    );
    expect(verified).toMatchObject({
      ok: true,
      event: { id: event.id, type: orderPlaced.type, payload: { orderId: event.payload.orderId } },
    });
    // Only the contract's payload travels: no trace id or internal fields.
    expect(JSON.parse(delivery?.body ?? '{}')).not.toHaveProperty('traceId');
    expect(
      verifyWebhook(delivery?.body ?? '', delivery?.signature, other.secret, 300, h.clock.now()),
    ).toMatchObject({
      ok: false,
      reason: 'SIGNATURE_MISMATCH',
    });
  });

  it('retries a 500 with backoff, with the same event id, and records both attempts', async () => {
    const { key, endpointId } = await register('/flaky', [orderPlaced.type]);
    await fetch(`${receiver.url}/__receiver/responses`, {
      method: 'POST',
      body: JSON.stringify({ path: '/flaky', statuses: [500] }),
    });
    const event = placed(key.userId as string);
    await h.bus.publish(event);
    await waitFor(() => at('/flaky').length === 1, { what: 'the first attempt' });
    await dispatcher().drain();
    // Not due yet: nothing more before the backoff.
    expect(at('/flaky')).toHaveLength(1);
    advance(2 * 3_600_000);
    await dispatcher().drain();
    expect(at('/flaky').map((d) => [d.eventId, d.answered])).toEqual([
      [event.id, 500],
      [event.id, 200],
    ]);
    const view = await h.call(ENDPOINT, { id: endpointId }, key);
    const endpoint = view.data?.webhookEndpoint;
    expect(endpoint?.consecutiveFailures).toBe(0);
    expect(endpoint?.deliveries.nodes).toEqual([
      expect.objectContaining({
        eventId: event.id,
        status: 'SUCCEEDED',
        attemptCount: 2,
        attempts: [
          { statusCode: 500, error: null },
          { statusCode: 200, error: null },
        ],
      }),
    ]);
  });

  it('disables an endpoint after 20 failures in a row and tells its owner', async () => {
    const { key, endpointId } = await register('/status/503', [orderPlaced.type]);
    await h.bus.publish(placed(key.userId as string));
    await waitFor(() => at('/status/503').length === 1, { what: 'the first attempt' });
    for (let i = 1; i < 20; i += 1) {
      // Past the longest backoff (1 h), within the 24 h of retries.
      advance(3_600_001);
      await dispatcher().drain();
    }
    expect(at('/status/503')).toHaveLength(20);
    const view = await h.call(ENDPOINT, { id: endpointId }, key);
    expect(view.data?.webhookEndpoint).toMatchObject({
      status: 'DISABLED',
      disabledReason: 'CONSECUTIVE_FAILURES',
      consecutiveFailures: 20,
    });
    // Disabled: the next due attempt is not sent.
    advance(2 * 3_600_000);
    await dispatcher().drain();
    expect(at('/status/503')).toHaveLength(20);
    const inbox = await h.call(INBOX, {}, customerCaller(key.userId as string));
    const notices = inbox.data?.notices.nodes ?? [];
    expect(notices.map((n) => n.kind)).toEqual(['WEBHOOK_DISABLED']);
    expect(notices[0]?.body).toContain('/status/503');
  });

  it('replays one delivery and a time range, with the original event id', async () => {
    const { key, endpointId } = await register('/replay', [orderPlaced.type, orderConfirmed.type]);
    const first = placed(key.userId as string);
    await h.bus.publish(first);
    await waitFor(() => at('/replay').length === 1, { what: 'the delivery' });
    const view = await h.call(ENDPOINT, { id: endpointId }, key);
    const deliveryId = view.data?.webhookEndpoint?.deliveries.nodes[0]?.id ?? '';
    const one = await h.call(REPLAY, { id: deliveryId }, key);
    expect(one.data?.replayWebhookDelivery.__typename).toBe('WebhookDelivery');
    await waitFor(() => at('/replay').length === 2, { what: 'the replay' });
    expect(at('/replay').map((d) => d.eventId)).toEqual([first.id, first.id]);

    const range = await h.call(
      REPLAY_RANGE,
      {
        endpointId,
        from: new Date(h.clock.now().getTime() - 60_000).toISOString(),
        to: new Date(h.clock.now().getTime() + 60_000).toISOString(),
      },
      key,
    );
    expect(range.data?.replayWebhookDeliveries).toMatchObject({ count: 1 });
    await waitFor(() => at('/replay').length === 3, { what: 'the range replay' });
    // Someone else's delivery cannot be replayed.
    const stranger = await h.call(REPLAY, { id: deliveryId }, apiKeyCaller(['events:read']));
    expect(stranger.data?.replayWebhookDelivery.__typename).toBe('WebhookDeliveryNotFoundError');
  });

  it('signs with the old and the new secret during a rotation', async () => {
    const { key, endpointId, secret } = await register('/rotate', [orderPlaced.type]);
    const rotated = await h.call(ROTATE, { id: endpointId }, key);
    const fresh = expectUnion(rotated.data?.rotateWebhookSecret, 'WebhookSecretRotated');
    await h.bus.publish(placed(key.userId as string));
    await waitFor(() => at('/rotate').length === 1, { what: 'the delivery' });
    const [delivery] = at('/rotate');
    expect(delivery?.signature?.match(/v1=/g)).toHaveLength(2);
    for (const s of [secret, fresh.signingSecret]) {
      expect(
        verifyWebhook(delivery?.body ?? '', delivery?.signature, s, 300, h.clock.now()),
      ).toMatchObject({
        ok: true,
      });
    }
  });

  it("sends catalog events to keys that may read the catalog, and stops a revoked key's endpoints", async () => {
    const { key, endpointId } = await register(
      '/catalog',
      [storeOpened.type, productCreated.type],
      ['events:read', 'catalog:read'],
    );
    await h.publish(storeOpened, {
      storeId: newId(),
      sellerId: newId(),
      name: '하늘정원',
      status: 'OPEN',
      regionCode: '11',
      districtCode: '11680',
      latitude: 37.5,
      longitude: 127.03,
      deliveryPolicy: {
        fee: 3000,
        freeDeliveryThreshold: null,
        sameDayCutoff: '14:00',
        windows: [],
      },
      pickup: { enabled: false, slotCapacity: 1 },
    });
    await waitFor(() => at('/catalog').length === 1, { what: 'the catalog delivery' });
    await h.publish(apiKeyRevoked, {
      apiKeyId: key.apiKeyId as string,
      ownerUserId: key.userId as string,
    });
    await waitFor(
      async () =>
        (await h.call(ENDPOINT, { id: endpointId }, key)).data?.webhookEndpoint?.disabledReason ===
        'KEY_REVOKED',
      { what: 'the endpoint disabled' },
    );
  });
});

describe('webhook URLs outside development', () => {
  let prod: NotificationsHarness;
  beforeAll(async () => {
    prod = await startNotifications('webhooks-prod', {
      NODE_ENV: 'production',
      WEBHOOK_SECRETS_KEY: 'test-webhook-secrets-key-0123456789abcdef',
    });
  });
  afterAll(async () => prod.close());

  it.each([
    'http://127.0.0.1:4013/hooks',
    'http://localhost/hooks',
    'http://10.0.0.8/hooks',
    'http://192.168.1.20/hooks',
    'http://169.254.169.254/latest/meta-data',
    'http://[::1]/hooks',
    'http://[fd00::1]/hooks',
    'http://[::ffff:127.0.0.1]/hooks',
  ])('refuse %s (private, loopback or link-local)', async (url) => {
    const res = await prod.call(
      CREATE,
      { input: { url, eventTypes: [orderPlaced.type] } },
      apiKeyCaller(['events:read']),
    );
    expect(res.data?.createWebhookEndpoint).toMatchObject({
      __typename: 'WebhookUrlRefusedError',
      code: 'URL_NOT_ALLOWED',
    });
  });

  it('refuse what is not an http(s) URL', async () => {
    const res = await prod.call(
      CREATE,
      { input: { url: 'ftp://example.com/x', eventTypes: [orderPlaced.type] } },
      apiKeyCaller(['events:read']),
    );
    expect(res.data?.createWebhookEndpoint).toMatchObject({ code: 'INVALID_URL' });
  });
});
