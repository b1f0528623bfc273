import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type BloomEvent, verifyWebhook } from '@bloom/sdk';

export interface WebhookReceiver {
  url: string;
  close(): Promise<void>;
}

/** Bodies larger than this are refused: the platform's events are a few KiB. */
const MAX_BODY = 256 * 1024;

/**
 * The POS's webhook endpoint: verifies each delivery's signature against the current secret(s)
 * (`secrets()` is read per request, so a rotation takes effect at once), answers at once, and
 * hands every event to `onEvent` once per event id (deliveries are at least once).
 */
export async function startWebhookReceiver(options: {
  host: string;
  port: number;
  path: string;
  secrets: () => readonly string[];
  onEvent: (event: BloomEvent) => void;
}): Promise<WebhookReceiver> {
  const seen = new Set<string>();
  const server = createServer((req, res) => {
    if (req.method !== 'POST' || new URL(req.url ?? '/', 'http://pos').pathname !== options.path) {
      res.writeHead(404).end();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) req.destroy();
      else chunks.push(chunk);
    });
    req.on('end', () => {
      // The raw bytes, exactly as signed.
      const body = Buffer.concat(chunks);
      const check = verifyWebhook(body, req.headers['bloom-signature'], options.secrets());
      if (!check.ok) {
        res.writeHead(400, { 'content-type': 'text/plain' }).end(check.reason);
        return;
      }
      res.writeHead(204).end();
      if (seen.has(check.event.id)) return;
      seen.add(check.event.id);
      options.onEvent(check.event);
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port, options.host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host}:${port}${options.path}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
