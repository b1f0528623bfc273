import type { IncomingMessage, ServerResponse } from 'node:http';
import { OTHER_LABEL, routeLabel } from '../metrics/metric-labels.js';
import {
  SpanKind,
  SpanStatusCode,
  contextFromHeaders,
  startSpan,
  withActiveSpan,
} from './trace-spans.js';

/**
 * Serves one request inside a SERVER span that continues the caller's `traceparent` and ends
 * when the response does. Only the given routes are traced (not probes or scrapes); the span
 * is named by route, never by the raw path, so ids in paths do not become span names.
 */
export function serveInSpan(
  scope: string,
  routes: readonly string[],
  req: IncomingMessage,
  res: ServerResponse,
  serve: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
): Promise<void> {
  const route = routeLabel(req.url, routes);
  if (route === OTHER_LABEL) return serve(req, res);
  const parent = contextFromHeaders(req.headers);
  const method = req.method ?? 'GET';
  const span = startSpan(scope, `${method} ${route}`, {
    kind: SpanKind.SERVER,
    parent,
    attributes: {
      'http.request.method': method,
      'http.route': route,
      'url.path': route,
      ...(req.headers['user-agent'] ? { 'user_agent.original': req.headers['user-agent'] } : {}),
    },
  });
  res.once('close', () => {
    span.setAttribute('http.response.status_code', res.statusCode);
    if (!res.writableFinished) span.setAttribute('http.request.aborted', true);
    // Server spans fail on 5xx only: a 4xx is the client's mistake, not the service's.
    if (res.statusCode >= 500)
      span.setStatus({ code: SpanStatusCode.ERROR, message: `HTTP ${res.statusCode}` });
    span.end();
  });
  return withActiveSpan(span, parent, () => serve(req, res));
}
