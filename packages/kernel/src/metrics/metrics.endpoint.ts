import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../logging/logger.js';
import type { ServiceMetrics } from './metrics.registry.js';

export const METRICS_PATH = '/metrics';

/** Headers a proxy adds to what it forwards (ingress-nginx sets the first and the last). */
const FORWARDING_HEADERS = ['x-forwarded-for', 'forwarded', 'x-real-ip'] as const;

/**
 * Whether a request reached the process without a proxy in between. Prometheus scrapes pods
 * directly; a request an ingress forwarded carries its forwarding header (which the client
 * cannot strip, the proxy adds it), so the public entry does not expose the metrics.
 */
export function isDirectRequest(req: IncomingMessage): boolean {
  return FORWARDING_HEADERS.every((header) => req.headers[header] === undefined);
}

/**
 * GET /metrics: the registry in Prometheus' text format. Forwarded requests get the same 404
 * as an unknown path; other methods a 405. Never throws: a failed render is a logged 500.
 */
export async function serveMetrics(
  metrics: ServiceMetrics,
  req: IncomingMessage,
  res: ServerResponse,
  logger: Logger,
): Promise<boolean> {
  if (!isDirectRequest(req)) return false;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
    res.end('Method not allowed.\n');
    return true;
  }
  let text: string;
  try {
    text = await metrics.render();
  } catch (error) {
    logger.error('metrics not rendered', { error });
    res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Metrics unavailable.\n');
    return true;
  }
  res.writeHead(200, {
    'content-type': metrics.contentType,
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  res.end(req.method === 'HEAD' ? undefined : text);
  return true;
}
