import http from 'node:http';
import https from 'node:https';

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

/** A subgraph's whole answer, read. */
export interface SubgraphAnswer {
  status: number;
  statusText: string;
  contentType: string;
  body: string;
}

/**
 * One subgraph request over node:http with keep-alive: several times cheaper in CPU per fetch
 * than the global fetch (undici) on Node 20, which the gateway pays once per subgraph fetch.
 * Socket errors keep their `code` (ECONNREFUSED...), an aborted signal rejects with AbortError.
 */
export function subgraphFetch(
  url: string,
  init: { headers: Record<string, string>; body: string; signal?: AbortSignal | null },
): Promise<SubgraphAnswer> {
  const target = new URL(url);
  const transport = target.protocol === 'https:' ? https : http;
  const agent = target.protocol === 'https:' ? agents['https:'] : agents['http:'];
  return new Promise((resolve, reject) => {
    const req = transport.request(
      target,
      {
        method: 'POST',
        headers: { ...init.headers, 'content-length': Buffer.byteLength(init.body) },
        agent,
        ...(init.signal ? { signal: init.signal } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            statusText: res.statusMessage ?? '',
            contentType: res.headers['content-type'] ?? '',
            body: (chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)).toString(
              'utf8',
            ),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}
