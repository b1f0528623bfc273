import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '@bloom/kernel';
import type { CardService } from '../cards/card.service.js';
import { UNKNOWN_CLIENT, addressKey } from '../cards/client.identity.js';
import { DEFAULT_TEMPLATE_KEY, findTemplate } from '../templates/template.catalog.js';
import { renderTemplateSvg } from '../templates/template.art.js';
import { renderCardPage, renderLimitedPage, renderUnavailablePage } from './card.page.js';

const TEMPLATE_PATH = /^\/templates\/([A-Z]+_\d{2})\.svg$/;
const CARD_PATH = /^\/cards\/([^/]{1,64})(?:\/([^/]{1,64}))?\/?$/;

/** Rendered once per design and kept: the drawing is deterministic. */
const svgCache = new Map<string, { body: string; etag: string }>();

function svgOf(key: string) {
  let entry = svgCache.get(key);
  const template = findTemplate(key);
  if (!entry && template) {
    const body = renderTemplateSvg(template);
    entry = {
      body,
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`,
    };
    svgCache.set(key, entry);
  }
  return entry ?? null;
}

function send(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: string,
) {
  res.writeHead(status, { 'content-length': String(Buffer.byteLength(body)), ...headers });
  res.end(req.method === 'HEAD' ? undefined : body);
}

const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  // The URL holds the secret: keep it out of caches and out of Referer headers.
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'content-security-policy':
    "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
};

export interface PublicRoutesOptions {
  cards: () => CardService;
  logger: Logger;
  /** Behind one trusted proxy the client is the address it appended to X-Forwarded-For. */
  trustForwardedFor: boolean;
}

/**
 * The limiter's key for the page's client. A proxy appends the address it was reached from,
 * so only the last X-Forwarded-For entry is known to be true: the first is whatever the
 * client chose to send, and trusting it would give a guesser a new budget per request.
 */
function clientKey(req: IncomingMessage, trustForwardedFor: boolean): string {
  const forwarded = req.headers['x-forwarded-for'];
  const last = (Array.isArray(forwarded) ? forwarded.join(',') : forwarded)?.split(',').at(-1);
  const address = trustForwardedFor && last?.trim() ? last : req.socket.remoteAddress;
  return addressKey(address) ?? UNKNOWN_CLIENT;
}

/**
 * The plain-HTTP side of giftcards, reachable without the gateway signature because the
 * recipient has no account: card-front images and the share-link page.
 */
export function publicRoutes(options: PublicRoutesOptions) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const url = new URL(req.url ?? '/', 'http://localhost');

    const template = TEMPLATE_PATH.exec(url.pathname);
    if (template) {
      const svg = svgOf(template[1]!);
      if (!svg) return false;
      const headers = {
        'content-type': 'image/svg+xml; charset=utf-8',
        'cache-control': 'public, max-age=86400, stale-while-revalidate=604800',
        etag: svg.etag,
        'x-content-type-options': 'nosniff',
        'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
      };
      if (req.headers['if-none-match'] === svg.etag) {
        res.writeHead(304, headers);
        res.end();
      } else send(req, res, 200, headers, svg.body);
      return true;
    }

    const card = CARD_PATH.exec(url.pathname);
    if (card) {
      const id = card[1]!;
      const secret = card[2] ?? url.searchParams.get('s') ?? '';
      options
        .cards()
        .open(id, secret, [clientKey(req, options.trustForwardedFor)])
        .then((result) => {
          if (result.kind === 'limited') {
            send(
              req,
              res,
              429,
              { ...PAGE_HEADERS, 'retry-after': String(result.retryAfterSeconds) },
              renderLimitedPage(),
            );
          } else if (result.kind === 'unavailable') {
            send(req, res, 404, PAGE_HEADERS, renderUnavailablePage());
          } else {
            const { card: found } = result;
            const design = findTemplate(found.templateKey) ?? findTemplate(DEFAULT_TEMPLATE_KEY)!;
            send(
              req,
              res,
              200,
              PAGE_HEADERS,
              renderCardPage({
                template: design,
                message: found.message,
                fromName: found.fromName,
              }),
            );
          }
        })
        .catch((error: unknown) => {
          options.logger.error('card page failed', { error });
          if (!res.headersSent) send(req, res, 500, PAGE_HEADERS, renderUnavailablePage());
          else res.end();
        });
      return true;
    }
    return false;
  };
}
