import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ErrorCode } from '../errors/errors.js';
import type { Logger } from '../logging/logger.js';
import { httpRequestTimer } from '../metrics/http-metrics.js';
import { KERNEL_ROUTES } from '../metrics/metric-labels.js';
import { METRICS_PATH, serveMetrics } from '../metrics/metrics.endpoint.js';
import { serviceMetrics } from '../metrics/metrics.registry.js';
import { serveInSpan } from '../tracing/http-server.tracing.js';
import { tracingEnabled } from '../tracing/tracing.provider.js';
import { sendJson } from './apollo-http.js';

/** How long a closing server waits for requests in flight before it drops their connections. */
const DRAIN_TIMEOUT_MS = 10_000;

export interface Readiness {
  ready: boolean;
  /** Shown in the /ready answer (e.g. which subgraphs answer). */
  [detail: string]: unknown;
}

export interface HttpShellOptions {
  name: string;
  /** Reported by /ready, so operators see which build answers (see `serviceVersion`). */
  version?: string;
  logger: Logger;
  /**
   * Path prefixes that label request metrics besides the kernel's (/graphql, /health, /ready,
   * /metrics); any other path is counted as `other`.
   */
  metricRoutes?: readonly string[];
  /** Answers a request that is not /health, /ready or /metrics; false (or nothing sent) is 404. */
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<boolean> | boolean;
  /** Whether the service's dependencies are usable; a throw counts as not ready. */
  readiness?: () => Promise<Readiness>;
  /** Wraps every request, probes included (trace ids, CORS, request logs). */
  around?: (req: IncomingMessage, res: ServerResponse, next: () => Promise<void>) => Promise<void>;
  /** Runs once listening (e.g. a WebSocket server on the same port); a throw stops it again. */
  onListening?: (server: Server) => Promise<void>;
  /** Runs first on close, while requests still drain (e.g. closing WebSocket sessions). */
  onDraining?: () => Promise<void>;
  /** Releases the service's resources after the last request has ended. */
  onClose?: () => Promise<void>;
}

export interface Listening {
  /** `http://host:port`, known only once listening (PORT 0 picks a free one). */
  origin: string;
  url: string;
  port: number;
}

export interface HttpShell {
  readonly server: Server;
  listen(port: number, host: string): Promise<Listening>;
  close(): Promise<void>;
}

/** Routes whose requests get a server span; probes and scrapes are left out of traces. */
const TRACED_ROUTES = ['/graphql'];

const notFound = (res: ServerResponse) =>
  sendJson(res, 404, { errors: [{ message: 'Not found.', extensions: { code: 'NOT_FOUND' } }] });

/**
 * The HTTP server every service runs on: GET /health (the process is alive), GET /ready (its
 * dependencies are usable; 503 while draining), GET /metrics (Prometheus text of the service's
 * registry, to direct requests only: docs/observability.md), every request timed into
 * `http_request_duration_seconds`, the service's own routes, a JSON 404, a masked
 * JSON 500 for a handler that throws, keep-alive longer than the gateway's, and a close that
 * stops accepting, lets requests in flight finish (dropping them after a timeout) and then
 * releases the service's resources once.
 */
export function createHttpShell(options: HttpShellOptions): HttpShell {
  const { name, logger } = options;
  let draining = false;
  const metrics = serviceMetrics(name);
  const timeRequest = httpRequestTimer(
    metrics,
    options.metricRoutes ? [...KERNEL_ROUTES, ...options.metricRoutes] : KERNEL_ROUTES,
  );

  const ready = async (res: ServerResponse) => {
    if (draining) {
      return sendJson(res, 503, {
        status: 'unavailable',
        service: name,
        version: options.version,
        reason: 'shutting down',
      });
    }
    let readiness: Readiness;
    try {
      readiness = (await options.readiness?.()) ?? { ready: true };
    } catch (error) {
      logger.warn('not ready', { error });
      readiness = { ready: false };
    }
    const { ready: isReady, ...details } = readiness;
    sendJson(res, isReady ? 200 : 503, {
      status: isReady ? 'ready' : 'unavailable',
      service: name,
      version: options.version,
      ...details,
    });
  };

  const route = async (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/health') return sendJson(res, 200, { status: 'ok', service: name });
    if (path === '/ready') return ready(res);
    if (path === METRICS_PATH && (await serveMetrics(metrics, req, res, logger))) return;
    if (!(await options.handle(req, res)) && !res.headersSent) notFound(res);
  };

  const routes = options.metricRoutes ? [...TRACED_ROUTES, ...options.metricRoutes] : TRACED_ROUTES;
  const serve = (req: IncomingMessage, res: ServerResponse) => {
    const next = () => route(req, res);
    return (options.around ? options.around(req, res, next) : next()).catch((error: unknown) => {
      logger.error('request failed', { error });
      if (res.headersSent) return void res.end();
      sendJson(res, 500, {
        errors: [
          {
            message: 'Something went wrong on our side. Please try again.',
            extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
          },
        ],
      });
    });
  };
  const server = createServer((req, res) => {
    timeRequest(req, res);
    if (tracingEnabled()) void serveInSpan(name, routes, req, res, serve);
    else void serve(req, res);
  });
  // The gateway keeps connections to subgraphs alive; outlive its idle timeout.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;

  let listening = false;
  let closing: Promise<void> | undefined;
  return {
    server,
    async listen(port, host) {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve();
        });
      });
      listening = true;
      const bound = (server.address() as AddressInfo).port;
      const origin = `http://${host}:${bound}`;
      try {
        await options.onListening?.(server);
      } catch (error) {
        await new Promise<void>((resolve) => server.close(() => resolve()));
        listening = false;
        throw error;
      }
      logger.info('listening', { url: `${origin}/graphql` });
      return { origin, url: `${origin}/graphql`, port: bound };
    },
    close() {
      closing ??= (async () => {
        draining = true;
        await options.onDraining?.();
        if (listening) {
          await new Promise<void>((resolve) => {
            const force = setTimeout(() => server.closeAllConnections(), DRAIN_TIMEOUT_MS);
            force.unref();
            server.close(() => {
              clearTimeout(force);
              resolve();
            });
            server.closeIdleConnections();
          });
        }
        await options.onClose?.();
      })();
      return closing;
    },
  };
}
