import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpExchangeError, httpExchange } from './http-exchange.js';

let server: http.Server;
let base: string;
const sockets = new Set<unknown>();

beforeAll(async () => {
  server = http.createServer((req, res) => {
    sockets.add(req.socket);
    if (req.url === '/slow') return; // never answers
    if (req.url === '/big') {
      res.end('x'.repeat(100_000));
      return;
    }
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ method: req.method, body, key: req.headers['idempotency-key'] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('httpExchange', () => {
  it('sends the method, headers and body and reads the whole answer', async () => {
    const answer = await httpExchange({
      method: 'POST',
      url: `${base}/echo`,
      headers: { 'idempotency-key': 'k-1', 'content-type': 'application/json' },
      body: '{"한":1}',
      timeoutMs: 2_000,
    });
    expect(answer.status).toBe(201);
    expect(JSON.parse(answer.text)).toEqual({ method: 'POST', body: '{"한":1}', key: 'k-1' });
  });

  it('reuses one kept-alive connection for calls one after another', async () => {
    sockets.clear();
    for (let i = 0; i < 5; i += 1) {
      await httpExchange({ method: 'GET', url: `${base}/echo`, timeoutMs: 2_000 });
    }
    expect(sockets.size).toBe(1);
  });

  it('gives up with a TimeoutError when the answer does not come in time', async () => {
    const started = Date.now();
    const failure = await httpExchange({
      method: 'GET',
      url: `${base}/slow`,
      timeoutMs: 150,
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(HttpExchangeError);
    expect((failure as HttpExchangeError).name).toBe('TimeoutError');
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('cuts a long answer at the limit', async () => {
    const answer = await httpExchange({
      method: 'GET',
      url: `${base}/big`,
      timeoutMs: 2_000,
      maxBodyBytes: 1_024,
    });
    expect(answer.truncated).toBe(true);
    expect(answer.text).toHaveLength(1_024);
  });

  it('reports an unreachable origin as a NetworkError', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const failure = await httpExchange({
      method: 'GET',
      url: `http://127.0.0.1:${port}/`,
      timeoutMs: 2_000,
    }).catch((error: unknown) => error);
    expect((failure as HttpExchangeError).name).toBe('NetworkError');
  });
});
