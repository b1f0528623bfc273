import {
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
  request,
} from 'node:http';
import { pipeline } from 'node:stream/promises';
import { type Logger, sendJson } from '@bloom/kernel';

export interface ImagesProxyOptions {
  /** The products subgraph's GraphQL URL; images and uploads live at its origin. */
  productsUrl: string;
  logger: Logger;
}

/**
 * Which paths go through and with which methods. Only these exact shapes are forwarded, so the
 * public origin cannot reach anything else on the products service (its /graphql trusts signed
 * callers only).
 */
const ROUTES: { pattern: RegExp; methods: ReadonlySet<string> }[] = [
  { pattern: /^\/images\/[A-Za-z0-9._-]+$/, methods: new Set(['GET', 'HEAD']) },
  { pattern: /^\/uploads\/[A-Za-z0-9._-]+$/, methods: new Set(['PUT', 'OPTIONS']) },
];

/** The request headers the products routes read; nothing else (credentials included) crosses. */
const REQUEST_HEADERS = ['content-type', 'content-length', 'if-none-match', 'if-modified-since'];
/** The response headers worth keeping: type, size, caching and the no-sniff guard. */
const RESPONSE_HEADERS = [
  'content-type',
  'content-length',
  'cache-control',
  'etag',
  'last-modified',
  'x-content-type-options',
  'connection',
];

function pick(headers: IncomingHttpHeaders, names: readonly string[]): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const name of names) {
    const value = headers[name];
    if (typeof value === 'string') picked[name] = value;
  }
  return picked;
}

/**
 * Serves /images/<key> and /uploads/<token> on the public origin by streaming them to and from
 * the products subgraph, so image and upload URLs are relative and work on any device. Returns
 * a handler that answers false for every other path. The products service keeps every rule
 * (signed tokens, size limit, type sniffing, cache headers); this only relays bytes.
 */
export function createImagesProxy(
  options: ImagesProxyOptions,
): (req: IncomingMessage, res: ServerResponse, path: string) => Promise<boolean> {
  const upstream = new URL(options.productsUrl);
  return async (req, res, path) => {
    const route = ROUTES.find(({ pattern }) => pattern.test(path));
    if (!route) return false;
    const method = req.method ?? 'GET';
    if (!route.methods.has(method)) {
      res.setHeader('allow', [...route.methods].join(', '));
      sendJson(res, 405, {
        error: { code: 'METHOD_NOT_ALLOWED', message: `Use ${[...route.methods].join(' or ')}.` },
      });
      return true;
    }
    const target = new URL(
      path + new URL(req.url ?? '/', 'http://gateway').search,
      upstream.origin,
    );
    try {
      const answer = await new Promise<IncomingMessage>((resolve, reject) => {
        const outgoing = request(target, { method, headers: pick(req.headers, REQUEST_HEADERS) });
        outgoing.once('response', resolve);
        outgoing.once('error', reject);
        // Upload bodies stream through; the products service enforces the size limit.
        pipeline(req, outgoing).catch(reject);
      });
      res.writeHead(answer.statusCode ?? 502, pick(answer.headers, RESPONSE_HEADERS));
      await pipeline(answer, res);
    } catch (error) {
      if (res.headersSent) {
        res.destroy();
        return true;
      }
      options.logger.warn('images proxy: products unreachable', {
        error: error instanceof Error ? error.message : String(error),
        path: path.slice(0, 16),
      });
      sendJson(res, 502, {
        error: { code: 'BAD_GATEWAY', message: 'Images are unavailable right now.' },
      });
    }
    return true;
  };
}
