import { signWebhook } from '@bloom/sdk';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type WebhooksEmulator, startWebhooksEmulator } from './webhooks-emulator.server.js';

let receiver: WebhooksEmulator;
beforeAll(async () => {
  receiver = await startWebhooksEmulator({ port: 0, maxRecords: 5 });
});
afterAll(async () => receiver.close());
beforeEach(async () => {
  await fetch(`${receiver.url}/__receiver/reset`, { method: 'POST' });
});

const body = JSON.stringify({
  id: 'evt-1',
  type: 'orders.order.placed',
  payload: { orderId: 'o1' },
});
const deliver = (path: string, signature?: string) =>
  fetch(`${receiver.url}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'bloom-event-id': 'evt-1',
      'bloom-event-type': 'orders.order.placed',
      ...(signature ? { 'bloom-signature': signature } : {}),
    },
    body,
  });
const control = (path: string, value: unknown) =>
  fetch(`${receiver.url}/__receiver/${path}`, { method: 'POST', body: JSON.stringify(value) });

describe('the webhooks emulator', () => {
  it('records deliveries and checks signatures for paths with a secret', async () => {
    await control('secrets', { path: '/pos', secret: 'whsec_test' });
    expect((await deliver('/pos', signWebhook(body, 'whsec_test'))).status).toBe(200);
    await deliver('/pos', signWebhook(body, 'whsec_wrong'));
    await deliver('/other');
    const listed = (await (
      await fetch(`${receiver.url}/__receiver/deliveries?path=/pos`)
    ).json()) as {
      deliveries: { verified: string; eventId: string }[];
    };
    expect(listed.deliveries.map((d) => [d.eventId, d.verified])).toEqual([
      ['evt-1', 'valid'],
      ['evt-1', 'invalid'],
    ]);
    expect(receiver.received.at(-1)?.verified).toBe('unchecked');
    const page = await (await fetch(`${receiver.url}/`)).text();
    expect(page).toContain('orders.order.placed');
  });

  it('answers scripted statuses in turn, then 200; /status/<code> always', async () => {
    await control('responses', { path: '/flaky', statuses: [500, 503] });
    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await deliver('/flaky')).status);
    expect(statuses).toEqual([500, 503, 200]);
    expect((await deliver('/status/410')).status).toBe(410);
    expect((await control('responses', { path: '/x', statuses: [42] })).status).toBe(400);
  });

  it('keeps the newest records only', async () => {
    for (let i = 0; i < 7; i += 1) await deliver('/many');
    expect(receiver.received).toHaveLength(5);
  });
});
