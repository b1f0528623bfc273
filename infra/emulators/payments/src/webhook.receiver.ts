import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBody } from '@bloom/kernel';

export interface ReceivedWebhook {
  rawBody: string;
  signature: string | undefined;
  eventId: string | undefined;
}

export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** The HTTP status the next requests get (200 by default), to exercise retries. */
  respondWith(status: number): void;
  close(): Promise<void>;
}

/** A callback endpoint for tests and demos: records every delivery, answers a chosen status. */
export async function startWebhookReceiver(
  listen: { host?: string; port?: number } = {},
): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  let status = 200;
  const server = createServer((req, res) => {
    void readBody(req).then((rawBody) => {
      const signature = req.headers['x-pg-signature'];
      const eventId = req.headers['x-pg-event-id'];
      received.push({
        rawBody,
        signature: Array.isArray(signature) ? signature[0] : signature,
        eventId: Array.isArray(eventId) ? eventId[0] : eventId,
      });
      res.writeHead(status).end();
    });
  });
  const host = listen.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listen.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${port}/payments/webhook`,
    received,
    respondWith: (next) => {
      status = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
