import type { IncomingMessage, ServerResponse } from 'node:http';
import { TRACE_HEADER } from './trace-id.js';

const ALLOWED_HEADERS = [
  'authorization',
  'content-type',
  'x-api-key',
  'apollo-require-preflight',
  TRACE_HEADER,
].join(', ');
const EXPOSED_HEADERS = [TRACE_HEADER, 'retry-after'].join(', ');

/**
 * Lets browser clients on the allowed origins call the API. Credentials travel in headers, not
 * cookies, so no `Allow-Credentials` is needed and `*` is safe where it is configured.
 * Returns true when the request was a preflight and has been answered.
 */
export function handleCors(
  req: IncomingMessage,
  res: ServerResponse,
  allowedOrigins: readonly string[],
): boolean {
  const origin = req.headers.origin;
  const allowed =
    origin !== undefined && (allowedOrigins.includes('*') || allowedOrigins.includes(origin));
  if (allowed) {
    res.setHeader('access-control-allow-origin', allowedOrigins.includes('*') ? '*' : origin);
    res.setHeader('access-control-expose-headers', EXPOSED_HEADERS);
  }
  res.setHeader('vary', 'origin');
  if (req.method !== 'OPTIONS') return false;
  // A preflight from an origin not on the list gets no allow headers; the browser then blocks.
  if (allowed) {
    res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
    res.setHeader('access-control-allow-headers', ALLOWED_HEADERS);
    res.setHeader('access-control-max-age', '600');
  }
  res.writeHead(204).end();
  return true;
}
