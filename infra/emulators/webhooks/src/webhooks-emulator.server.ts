import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyWebhook } from '@bloom/sdk';

/** One request the receiver got, as a developer wants to see it. */
export interface ReceivedDelivery {
  seq: number;
  receivedAt: string;
  path: string;
  eventId: string | undefined;
  eventType: string | undefined;
  signature: string | undefined;
  /** Checked when a secret is registered for the path; otherwise `unchecked`. */
  verified: 'valid' | 'invalid' | 'unchecked';
  verifyFailure?: string;
  body: string;
  answered: number;
}

export interface WebhooksEmulator {
  url: string;
  received: ReceivedDelivery[];
  close(): Promise<void>;
}

const MAX_BODY = 1024 * 1024;
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A local webhook receiver, started by `npm start` like the other emulators: register an
 * endpoint at `http://127.0.0.1:4013/<any path>` and every delivery is recorded, with its
 * signature checked when the path's secret was given to `POST /__receiver/secrets`.
 *
 *   GET  /                           the deliveries, newest first (HTML)
 *   GET  /__receiver/deliveries      the same as JSON (`?path=` filters)
 *   POST /__receiver/secrets         { path, secret }: verify that path's deliveries
 *   POST /__receiver/responses       { path, statuses: [500, 200] }: answer the next ones so
 *   POST /__receiver/reset           forget everything
 *   POST /status/<code>              always answers <code> (e.g. /status/500)
 */
export async function startWebhooksEmulator(options: {
  port: number;
  host?: string;
  maxRecords?: number;
}): Promise<WebhooksEmulator> {
  const received: ReceivedDelivery[] = [];
  const secrets = new Map<string, string>();
  const scripted = new Map<string, number[]>();
  const maxRecords = options.maxRecords ?? 1_000;
  let seq = 0;

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
    });
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://receiver');
      const body = Buffer.concat(chunks).toString('utf8');
      const json = (status: number, value: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(value));
      };
      const control = (): unknown => JSON.parse(body || '{}');
      try {
        if (req.method === 'GET' && url.pathname === '/') {
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
          res.end(page(received));
          return;
        }
        if (req.method === 'GET' && url.pathname === '/health') return json(200, { status: 'ok' });
        if (req.method === 'GET' && url.pathname === '/__receiver/deliveries') {
          const path = url.searchParams.get('path');
          return json(200, {
            deliveries: received.filter((d) => !path || d.path === path),
          });
        }
        if (req.method === 'POST' && url.pathname === '/__receiver/secrets') {
          const { path, secret } = control() as { path?: unknown; secret?: unknown };
          if (typeof path !== 'string' || typeof secret !== 'string') {
            return json(400, { error: 'path and secret are strings' });
          }
          secrets.set(path, secret);
          return json(200, { ok: true });
        }
        if (req.method === 'POST' && url.pathname === '/__receiver/responses') {
          const { path, statuses } = control() as { path?: unknown; statuses?: unknown };
          if (
            typeof path !== 'string' ||
            !Array.isArray(statuses) ||
            !statuses.every((s) => Number.isInteger(s) && s >= 100 && s <= 599)
          ) {
            return json(400, { error: 'path is a string, statuses HTTP codes' });
          }
          scripted.set(path, statuses as number[]);
          return json(200, { ok: true });
        }
        if (req.method === 'POST' && url.pathname === '/__receiver/reset') {
          received.length = 0;
          secrets.clear();
          scripted.clear();
          return json(200, { ok: true });
        }
      } catch {
        return json(400, { error: 'the body is not JSON' });
      }
      if (req.method !== 'POST') return json(405, { error: 'webhooks are POSTed' });
      const fixed = /^\/status\/(\d{3})$/.exec(url.pathname)?.[1];
      const queue = scripted.get(url.pathname);
      const answered = fixed ? Number(fixed) : (queue?.shift() ?? 200);
      const signature = header(req.headers['bloom-signature']);
      const secret = secrets.get(url.pathname);
      const check = secret ? verifyWebhook(body, signature, secret) : undefined;
      seq += 1;
      received.push({
        seq,
        receivedAt: new Date().toISOString(),
        path: url.pathname,
        eventId: header(req.headers['bloom-event-id']),
        eventType: header(req.headers['bloom-event-type']),
        signature,
        verified: !check ? 'unchecked' : check.ok ? 'valid' : 'invalid',
        ...(check && !check.ok ? { verifyFailure: check.reason } : {}),
        body,
        answered,
      });
      if (received.length > maxRecords) received.splice(0, received.length - maxRecords);
      json(answered, { received: answered < 300 });
    });
  });
  await new Promise<void>((resolve) =>
    server.listen(options.port, options.host ?? '127.0.0.1', resolve),
  );
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    received,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

function page(received: ReceivedDelivery[]): string {
  const rows = [...received]
    .reverse()
    .map(
      (d) =>
        `<tr><td>${d.seq}</td><td>${escapeHtml(d.receivedAt)}</td><td>${escapeHtml(d.path)}</td><td>${escapeHtml(d.eventType ?? '')}</td><td>${escapeHtml(d.eventId ?? '')}</td><td>${d.verified}${d.verifyFailure ? ` (${escapeHtml(d.verifyFailure)})` : ''}</td><td>${d.answered}</td><td><pre>${escapeHtml(d.body.slice(0, 2_000))}</pre></td></tr>`,
    )
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Webhook receiver</title>
<style>body{font:14px system-ui,sans-serif;margin:24px}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:6px;text-align:left;vertical-align:top}pre{margin:0;white-space:pre-wrap;max-width:60ch}</style></head>
<body><h1>Webhook receiver</h1><p>${received.length} deliveries. Register an endpoint at this origin with any path; <code>POST /__receiver/secrets {"path","secret"}</code> checks signatures.</p>
<table><thead><tr><th>#</th><th>received</th><th>path</th><th>type</th><th>event id</th><th>signature</th><th>answered</th><th>body</th></tr></thead><tbody>${rows}</tbody></table></body></html>`;
}
