import { type IncomingHttpHeaders, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the fake gateway received. */
export interface ReceivedRequest {
  headers: IncomingHttpHeaders;
  body: { query: string; operationName?: string; variables: Record<string, unknown> };
  at: number;
}

export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  /** JSON-encoded unless it is a string, which is sent as it is. */
  body: unknown;
}

export interface FakeGateway {
  url: string;
  requests: ReceivedRequest[];
  close(): Promise<void>;
}

/**
 * A real HTTP server on 127.0.0.1 standing in for the gateway: each POST is answered by
 * `reply(request, index)`, so tests drive the client over real sockets without mocking fetch.
 */
export async function startFakeGateway(
  reply: (request: ReceivedRequest, index: number) => Reply | Promise<Reply>,
): Promise<FakeGateway> {
  const requests: ReceivedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request: ReceivedRequest = {
        headers: req.headers,
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as ReceivedRequest['body'],
        at: Date.now(),
      };
      requests.push(request);
      void Promise.resolve(reply(request, requests.length - 1)).then(
        ({ status = 200, headers = {}, body }) => {
          const text = typeof body === 'string' ? body : JSON.stringify(body);
          const type = typeof body === 'string' ? 'text/html' : 'application/json';
          res.writeHead(status, { 'content-type': type, ...headers });
          res.end(text);
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** A port nothing listens on: bound, then released. */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/graphql`;
}
