import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StreamLag } from '@bloom/kernel';
import { healthUrlOf } from '../subgraphs/subgraph.registry.js';
import { createPlatformHealthProbe } from './platform-health.probe.js';

let server: Server;
let readyCalls = 0;
let base = '';

/** One subgraph that is ready, one answering 503 while it drains, one that never answers. */
beforeAll(async () => {
  server = createServer((req, res) => {
    readyCalls += 1;
    if (req.url === '/up/ready') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return void res.end(JSON.stringify({ status: 'ready', version: '1.2.3+abc1234' }));
    }
    if (req.url === '/draining/ready') {
      res.writeHead(503, { 'content-type': 'application/json' });
      return void res.end(
        JSON.stringify({ status: 'unavailable', version: '1.2.3', reason: 'shutting down' }),
      );
    }
    // /slow/ready: never answers.
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const endpoint = (name: string) => {
  const url = `${base}/${name}/graphql`;
  return { name, url, healthUrl: healthUrlOf(url), readyUrl: healthUrlOf(url, 'ready') };
};

const lag: StreamLag[] = [{ name: 'ORDERS', messages: 4, bytes: 900, consumers: [] }];

describe('platform health probe', () => {
  it('tells ready, draining and silent subgraphs apart', async () => {
    const probe = createPlatformHealthProbe({
      subgraphs: ['up', 'draining', 'slow'].map(endpoint),
      version: '0.1.0',
      startedAtMs: Date.now() - 90_000,
      streamLag: () => Promise.resolve(lag),
      // Long enough for the answering subgraphs on a loaded CI machine.
      timeoutMs: 1_000,
    });
    const health = await probe();
    expect(health.gateway).toMatchObject({ status: 'degraded', version: '0.1.0' });
    expect(health.gateway.uptimeSeconds).toBeGreaterThanOrEqual(90);
    expect(health.gateway.uptimeSeconds).toBeLessThan(93);
    expect(health.subgraphs).toEqual([
      expect.objectContaining({ name: 'up', ready: true, version: '1.2.3+abc1234' }),
      expect.objectContaining({
        name: 'draining',
        ready: false,
        version: '1.2.3',
        error: 'HTTP 503: shutting down',
      }),
      expect.objectContaining({
        name: 'slow',
        ready: false,
        version: null,
        error: 'no answer within 1000 ms',
      }),
    ]);
    expect(health.subgraphs[2]?.latencyMs).toBeGreaterThanOrEqual(990);
    expect(health.streams).toEqual(lag);
    expect(health.streamsError).toBeUndefined();
  });

  it('reports streams it cannot read without failing the rest', async () => {
    const probe = createPlatformHealthProbe({
      subgraphs: [endpoint('up')],
      version: '0.1.0',
      startedAtMs: Date.now(),
      streamLag: () => Promise.reject(new Error('NATS connection closed')),
    });
    const health = await probe();
    expect(health.gateway.status).toBe('degraded');
    expect(health.subgraphs[0]?.ready).toBe(true);
    expect(health.streams).toEqual([]);
    expect(health.streamsError).toBe('NATS connection closed');
  });

  it('reuses a result for the cache window, then probes again', async () => {
    let clock = 1_000_000;
    let lagReads = 0;
    const probe = createPlatformHealthProbe({
      subgraphs: [endpoint('up')],
      version: '0.1.0',
      startedAtMs: clock,
      streamLag: () => {
        lagReads += 1;
        return Promise.resolve(lag);
      },
      cacheMs: 2_000,
      now: () => clock,
    });
    const callsBefore = readyCalls;
    const [first, concurrent] = await Promise.all([probe(), probe()]);
    clock += 1_999;
    const cached = await probe();
    expect(concurrent).toBe(first);
    expect(cached).toBe(first);
    expect(readyCalls - callsBefore).toBe(1);
    expect(lagReads).toBe(1);

    clock += 1;
    const fresh = await probe();
    expect(fresh).not.toBe(first);
    expect(fresh.gateway.uptimeSeconds).toBe(2);
    expect(readyCalls - callsBefore).toBe(2);
    expect(lagReads).toBe(2);
  });
});
