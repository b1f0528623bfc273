import http, { type IncomingHttpHeaders } from 'node:http';
import https from 'node:https';
import type { RemoteGraphQLDataSource } from '@apollo/gateway';

type Fetcher = RemoteGraphQLDataSource['fetcher'];
type FetcherResponse = Awaited<ReturnType<Fetcher>>;
type FetcherHeaders = FetcherResponse['headers'];
/** What RemoteGraphQLDataSource passes, with the operation's abort signal typed. */
interface SubgraphRequestInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  signal?: AbortSignal | null;
}

/**
 * Kept-alive connections to the subgraphs, shared by every fetch of this process; LIFO so a
 * quiet period lets the extra sockets idle out while the busy ones stay warm. As many sockets
 * as fetches in flight: the subgraphs' own servers, not this pool, decide how much runs at once.
 */
const agents = {
  'http:': new http.Agent({
    keepAlive: true,
    maxSockets: 512,
    maxFreeSockets: 64,
    scheduling: 'lifo',
  }),
  'https:': new https.Agent({
    keepAlive: true,
    maxSockets: 512,
    maxFreeSockets: 64,
    scheduling: 'lifo',
  }),
};

/** A response's headers as RemoteGraphQLDataSource reads them (by case-insensitive name). */
class SubgraphHeaders implements FetcherHeaders {
  private readonly map = new Map<string, string>();

  constructor(raw: IncomingHttpHeaders = {}) {
    for (const [name, value] of Object.entries(raw)) {
      if (value !== undefined) this.map.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
  }

  append(name: string, value: string): void {
    const key = name.toLowerCase();
    const existing = this.map.get(key);
    this.map.set(key, existing === undefined ? value : `${existing}, ${value}`);
  }
  delete(name: string): void {
    this.map.delete(name.toLowerCase());
  }
  get(name: string): string | null {
    return this.map.get(name.toLowerCase()) ?? null;
  }
  has(name: string): boolean {
    return this.map.has(name.toLowerCase());
  }
  set(name: string, value: string): void {
    this.map.set(name.toLowerCase(), value);
  }
  entries(): IterableIterator<[string, string]> {
    return this.map.entries();
  }
  keys(): IterableIterator<string> {
    return this.map.keys();
  }
  values(): IterableIterator<string> {
    return this.map.values();
  }
  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.map.entries();
  }
}

/** A subgraph's whole answer, already read: the body is parsed or decoded only when asked. */
class SubgraphResponse implements FetcherResponse {
  readonly redirected = false;
  private used = false;

  constructor(
    readonly url: string,
    readonly status: number,
    readonly statusText: string,
    readonly headers: SubgraphHeaders,
    private readonly body: Buffer,
  ) {}

  get ok(): boolean {
    return this.status >= 200 && this.status < 300;
  }
  get bodyUsed(): boolean {
    return this.used;
  }
  text(): Promise<string> {
    this.used = true;
    return Promise.resolve(this.body.toString('utf8'));
  }
  json(): Promise<unknown> {
    this.used = true;
    try {
      return Promise.resolve(JSON.parse(this.body.toString('utf8')) as unknown);
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }
  arrayBuffer(): Promise<ArrayBuffer> {
    this.used = true;
    const copy = new Uint8Array(this.body.byteLength);
    copy.set(this.body);
    return Promise.resolve(copy.buffer);
  }
  clone(): FetcherResponse {
    return new SubgraphResponse(this.url, this.status, this.statusText, this.headers, this.body);
  }
}

/**
 * One subgraph request over node:http with keep-alive: several times cheaper in CPU per fetch
 * than the global fetch (undici) on Node 20, which the gateway pays once per subgraph fetch.
 * Socket errors keep their `code` (ECONNREFUSED...), an aborted signal rejects with AbortError.
 */
export function subgraphFetch(
  url: string,
  init: SubgraphRequestInit = {},
): Promise<FetcherResponse> {
  const target = new URL(url);
  const transport = target.protocol === 'https:' ? https : http;
  const agent = target.protocol === 'https:' ? agents['https:'] : agents['http:'];
  const body = init.body ?? '';
  return new Promise((resolve, reject) => {
    const req = transport.request(
      target,
      {
        method: init.method ?? 'POST',
        headers: { ...init.headers, 'content-length': Buffer.byteLength(body) },
        agent,
        ...(init.signal ? { signal: init.signal } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve(
            new SubgraphResponse(
              url,
              res.statusCode ?? 0,
              res.statusMessage ?? '',
              new SubgraphHeaders(res.headers),
              chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks),
            ),
          ),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
