import type { IncomingMessage, ServerResponse } from 'node:http';
import { Histogram } from 'prom-client';
import { KERNEL_ROUTES, methodLabel, routeLabel } from './metric-labels.js';
import type { ServiceMetrics } from './metrics.registry.js';

/** Seconds; from a probe's millisecond to a slow checkout's 10 s time budget. */
export const REQUEST_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export type HttpRequestTimer = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * `http_request_duration_seconds{method,route,status}` for every request a server answers:
 * timed from arrival until the response ends or the connection closes (`status` is `aborted`
 * when the client left before any answer was sent). `routes` are the known path prefixes;
 * any other path is `other`.
 */
export function httpRequestTimer(
  metrics: ServiceMetrics,
  routes: readonly string[] = KERNEL_ROUTES,
): HttpRequestTimer {
  const duration = metrics.part(
    'http',
    (registry) =>
      new Histogram({
        name: 'http_request_duration_seconds',
        help: 'HTTP requests by method, route (a fixed set) and status, in seconds.',
        labelNames: ['method', 'route', 'status'],
        buckets: REQUEST_BUCKETS,
        registers: [registry],
      }),
  );
  return (req, res) => {
    const started = performance.now();
    res.once('close', () => {
      duration.observe(
        {
          method: methodLabel(req.method),
          route: routeLabel(req.url, routes),
          status: res.headersSent ? String(res.statusCode) : 'aborted',
        },
        (performance.now() - started) / 1000,
      );
    });
  };
}
