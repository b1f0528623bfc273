import type { StreamLag } from '@bloom/kernel';
import type { SubgraphEndpoint } from '../subgraphs/subgraph.registry.js';

export interface SubgraphHealth {
  name: string;
  url: string;
  ready: boolean;
  /** What its /ready reported; null when it did not answer with one. */
  version: string | null;
  /** Until its /ready answered or the probe gave up. */
  latencyMs: number;
  /** Why it is not ready. */
  error?: string;
}

export interface PlatformHealth {
  checkedAt: string;
  gateway: {
    /** `ready` when every subgraph is ready and the streams could be read, else `degraded`. */
    status: 'ready' | 'degraded';
    version: string;
    uptimeSeconds: number;
  };
  subgraphs: SubgraphHealth[];
  streams: StreamLag[];
  /** Why the streams could not be read (the list is then empty). */
  streamsError?: string;
}

export interface PlatformHealthProbeOptions {
  subgraphs: readonly SubgraphEndpoint[];
  version: string;
  /** When this gateway started (ms since the epoch). */
  startedAtMs: number;
  /** The JetStream streams and their consumers' lag, through the gateway's own connection. */
  streamLag: () => Promise<StreamLag[]>;
  /** Per subgraph and for the streams. */
  timeoutMs?: number;
  /** A result younger than this is answered again, so polling admins cannot hammer subgraphs. */
  cacheMs?: number;
  now?: () => number;
}

const DEFAULT_TIMEOUT_MS = 1_000;
const DEFAULT_CACHE_MS = 2_000;

const round = (ms: number) => Math.round(ms * 10) / 10;

/** The readiness of one subgraph from its /ready answer, however it fails. */
async function probeSubgraph(
  { name, url, readyUrl }: SubgraphEndpoint,
  timeoutMs: number,
): Promise<SubgraphHealth> {
  const started = performance.now();
  try {
    const response = await fetch(readyUrl, { signal: AbortSignal.timeout(timeoutMs) });
    const body = (await response.json().catch(() => ({}))) as {
      status?: unknown;
      version?: unknown;
      reason?: unknown;
    };
    const latencyMs = round(performance.now() - started);
    const version = typeof body.version === 'string' ? body.version : null;
    const ready = response.ok && body.status === 'ready';
    if (ready) return { name, url, ready, version, latencyMs };
    const reason = typeof body.reason === 'string' ? `: ${body.reason}` : '';
    return { name, url, ready, version, latencyMs, error: `HTTP ${response.status}${reason}` };
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    return {
      name,
      url,
      ready: false,
      version: null,
      latencyMs: round(performance.now() - started),
      error: timedOut ? `no answer within ${timeoutMs} ms` : 'unreachable',
    };
  }
}

async function withTimeout<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The platform's health for operators: every subgraph's /ready (in parallel, with its
 * latency and version), this gateway's version and uptime, and the JetStream streams with
 * their consumers' lag. One probe runs at a time and its result is reused for `cacheMs`.
 */
export function createPlatformHealthProbe(
  options: PlatformHealthProbeOptions,
): () => Promise<PlatformHealth> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const cacheMs = options.cacheMs ?? DEFAULT_CACHE_MS;
  const now = options.now ?? Date.now;
  let last: { atMs: number; result: Promise<PlatformHealth> } | undefined;

  const probe = async (): Promise<PlatformHealth> => {
    const [subgraphs, streams] = await Promise.all([
      Promise.all(options.subgraphs.map((endpoint) => probeSubgraph(endpoint, timeoutMs))),
      withTimeout(options.streamLag(), timeoutMs).then(
        (list) => ({ list, error: undefined }),
        (error: unknown) => ({
          list: [] as StreamLag[],
          error: error instanceof Error ? error.message : String(error),
        }),
      ),
    ]);
    const healthy = streams.error === undefined && subgraphs.every((s) => s.ready);
    return {
      checkedAt: new Date(now()).toISOString(),
      gateway: {
        status: healthy ? 'ready' : 'degraded',
        version: options.version,
        uptimeSeconds: Math.floor((now() - options.startedAtMs) / 1000),
      },
      subgraphs,
      streams: streams.list,
      ...(streams.error === undefined ? {} : { streamsError: streams.error }),
    };
  };

  return () => {
    const at = now();
    if (!last || at - last.atMs >= cacheMs) last = { atMs: at, result: probe() };
    return last.result;
  };
}
