import { randomUUID, timingSafeEqual } from 'node:crypto';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBody, sendJson } from '@bloom/kernel';
import { z } from 'zod';

/** One text message as the gateway accepted it. */
export interface AcceptedSms {
  id: string;
  to: string;
  text: string;
  idempotencyKey: string;
  account: string;
  acceptedAt: string;
}

/** One e-mail as the emulator accepted it. */
export interface AcceptedMail {
  id: string;
  to: string;
  subject: string;
  text: string;
  idempotencyKey: string;
  acceptedAt: string;
}

export interface SmsEmulatorOptions {
  port: number;
  host: string;
  /** The API key clients send as the Basic-auth password (any account name is accepted). */
  apiKey: string;
  /** Where the readable one-line record of every accepted message goes (stdout by default). */
  print?: (line: string) => void;
  now?: () => Date;
}

export interface RunningSmsEmulator {
  url: string;
  port: number;
  server: Server;
  messages: AcceptedSms[];
  mails: AcceptedMail[];
  reset(): void;
  close(): Promise<void>;
}

const smsInput = z.object({
  to: z.string().regex(/^\+?[0-9-]{9,16}$/, 'a phone number'),
  text: z.string().min(1).max(2000),
  idempotencyKey: z.string().min(1).max(200),
});

const mailInput = z.object({
  to: z.string().email(),
  subject: z.string().min(1).max(300),
  text: z.string().min(1).max(20_000),
  idempotencyKey: z.string().min(1).max(200),
});

/** The Basic-auth account name, or undefined when the credentials are missing or wrong. */
function authenticate(req: IncomingMessage, apiKey: string): string | undefined {
  const header = req.headers.authorization ?? '';
  const match = /^Basic\s+(.+)$/i.exec(header);
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  const given = Buffer.from(decoded.slice(colon + 1));
  const expected = Buffer.from(apiKey);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  return decoded.slice(0, colon) || 'default';
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const text = await readBody(req, 100_000);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * A local stand-in for an SMS gateway (and the outgoing-mail API): it accepts messages over
 * HTTP like a real provider, deduplicates them by idempotency key, keeps them for inspection
 * and prints one readable line per message, so developers see texts and e-mails in the logs.
 */
export async function startSmsEmulator(options: SmsEmulatorOptions): Promise<RunningSmsEmulator> {
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  const now = options.now ?? (() => new Date());
  const messages: AcceptedSms[] = [];
  const mails: AcceptedMail[] = [];
  const smsByKey = new Map<string, AcceptedSms>();
  const mailByKey = new Map<string, AcceptedMail>();

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://emulator');
    const path = url.pathname;
    if (path === '/health') return sendJson(res, 200, { status: 'ok', service: 'sms-emulator' });
    if (path === '/__emulator/reset' && req.method === 'POST') {
      reset();
      return sendJson(res, 200, { reset: true });
    }
    if (path !== '/v1/messages' && path !== '/v1/mail') {
      return sendJson(res, 404, { error: 'not_found' });
    }
    const account = authenticate(req, options.apiKey);
    if (!account) {
      res.setHeader('www-authenticate', 'Basic realm="sms"');
      return sendJson(res, 401, { error: 'unauthorized' });
    }
    if (req.method === 'GET') {
      const to = url.searchParams.get('to');
      const list = path === '/v1/messages' ? messages : mails;
      return sendJson(res, 200, { data: to ? list.filter((m) => m.to === to) : list });
    }
    if (req.method !== 'POST') return sendJson(res, 405, { error: 'method_not_allowed' });

    const body = await readJson(req);
    if (path === '/v1/messages') {
      const input = smsInput.safeParse(body);
      if (!input.success) {
        return sendJson(res, 400, { error: 'invalid_request', issues: input.error.issues });
      }
      // A retried request with the same key gets the first answer and sends nothing new.
      const existing = smsByKey.get(input.data.idempotencyKey);
      if (existing) return sendJson(res, 200, { ...existing, duplicate: true });
      const message: AcceptedSms = {
        id: `sms_${randomUUID()}`,
        ...input.data,
        account,
        acceptedAt: now().toISOString(),
      };
      messages.push(message);
      smsByKey.set(message.idempotencyKey, message);
      print(`[sms] ${message.acceptedAt} → ${message.to}: ${message.text.replace(/\s+/g, ' ')}`);
      return sendJson(res, 201, message);
    }
    const input = mailInput.safeParse(body);
    if (!input.success) {
      return sendJson(res, 400, { error: 'invalid_request', issues: input.error.issues });
    }
    const existing = mailByKey.get(input.data.idempotencyKey);
    if (existing) return sendJson(res, 200, { ...existing, duplicate: true });
    const mail: AcceptedMail = {
      id: `mail_${randomUUID()}`,
      ...input.data,
      acceptedAt: now().toISOString(),
    };
    mails.push(mail);
    mailByKey.set(mail.idempotencyKey, mail);
    print(
      `[mail] ${mail.acceptedAt} → ${mail.to}: ${mail.subject} | ${mail.text.replace(/\s+/g, ' ')}`,
    );
    return sendJson(res, 201, mail);
  };

  function reset(): void {
    messages.length = 0;
    mails.length = 0;
    smsByKey.clear();
    mailByKey.clear();
  }

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      print(
        `[sms-emulator] request failed: ${error instanceof Error ? error.message : String(error)}`,
      );
      if (!res.headersSent) sendJson(res, 500, { error: 'internal' });
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${options.host}:${port}`,
    port,
    server,
    messages,
    mails,
    reset,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
