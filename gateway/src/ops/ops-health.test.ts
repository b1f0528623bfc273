import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Consumption, EventBus, type Logger, createEvent, createLogger } from '@bloom/kernel';
import { sessionEnded } from '@bloom/schema';
import {
  createStreamNamespace,
  deleteStreamNamespace,
  freePort,
  testEnv,
  waitFor,
} from '@bloom/testing';
import {
  FAKE_SUBGRAPH_VERSION,
  type Federation,
  type TestGateway,
  signToken,
  startFederation,
  startTestGateway,
} from '../../test/federation.fixture.js';
import type { PlatformHealth } from './platform-health.probe.js';

const COMMIT = 'abcdef1234';
const { version: PACKAGE_VERSION } = JSON.parse(
  readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
) as { version: string };

let federation: Federation;
let namespace: string;
let gw: TestGateway;
/** The same subgraphs, but "stores" points at a port nobody listens on. */
let gwStoresDown: TestGateway;
let bus: EventBus;
const silent: Logger = createLogger({ service: 'ops-test', level: 'silent' });

beforeAll(async () => {
  federation = await startFederation();
  namespace = await createStreamNamespace();
  const env = { EVENT_NAMESPACE: namespace, NATS_URL: testEnv.NATS_URL, BUILD_COMMIT: COMMIT };
  gw = await startTestGateway(federation, env);
  gwStoresDown = await startTestGateway(federation, {
    ...env,
    SUBGRAPH_STORES_URL: `http://127.0.0.1:${await freePort()}/graphql`,
  });
  bus = await EventBus.connect({
    servers: testEnv.NATS_URL,
    namespace,
    name: 'ops-health-test',
    logger: silent,
  });
});

afterAll(async () => {
  await bus?.close();
  await gw?.close();
  await gwStoresDown?.close();
  await federation?.close();
  if (namespace) await deleteStreamNamespace(namespace);
});

const healthOf = (base: string, headers: Record<string, string> = {}) =>
  fetch(`${base}/ops/health`, { headers });

const asAdmin = async () => ({
  authorization: `Bearer ${await signToken({ sub: 'admin-1', roles: ['ADMIN'] })}`,
});

async function adminHealth(base: string): Promise<PlatformHealth> {
  const response = await healthOf(base, await asAdmin());
  expect(response.status).toBe(200);
  expect(response.headers.get('cache-control')).toBe('no-store');
  return (await response.json()) as PlatformHealth;
}

describe('GET /ops/health: who may read it', () => {
  it('asks for sign-in without credentials (401 with a code)', async () => {
    const response = await healthOf(gw.base);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('refuses an invalid or expired token as unauthenticated', async () => {
    const expired = await signToken({ roles: ['ADMIN'], expiresIn: -60 });
    for (const authorization of ['Bearer not-a-jwt', `Bearer ${expired}`]) {
      const response = await healthOf(gw.base, { authorization });
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    }
  });

  it('forbids customers, sellers and API keys (403 with a code)', async () => {
    for (const roles of [['CUSTOMER'], ['SELLER', 'CUSTOMER']]) {
      const token = await signToken({ roles });
      const response = await healthOf(gw.base, { authorization: `Bearer ${token}` });
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ code: 'FORBIDDEN' });
    }
    const withKey = await healthOf(gw.base, { 'x-api-key': 'bk_live_valid' });
    expect(withKey.status).toBe(403);
    expect(await withKey.json()).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('answers only GET', async () => {
    const response = await fetch(`${gw.base}/ops/health`, {
      method: 'POST',
      headers: await asAdmin(),
    });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET');
  });
});

describe('GET /ops/health: what an admin sees', () => {
  it('reports the gateway, every subgraph with its version and latency, and the streams', async () => {
    const health = await adminHealth(gw.base);
    expect(Date.parse(health.checkedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(health.gateway).toEqual({
      status: 'ready',
      version: `${PACKAGE_VERSION}+${COMMIT}`,
      uptimeSeconds: expect.any(Number) as number,
    });
    expect(health.subgraphs.map((s) => s.name).sort()).toEqual(['identity', 'stores']);
    for (const subgraph of health.subgraphs) {
      expect(subgraph).toMatchObject({ ready: true, version: FAKE_SUBGRAPH_VERSION });
      // Answered, so within the probe's 1 s timeout (and measured, not a placeholder).
      expect(subgraph.latencyMs).toBeGreaterThan(0);
      expect(subgraph.latencyMs).toBeLessThan(1_000);
      expect(subgraph.error).toBeUndefined();
    }
    expect(health.subgraphs.find((s) => s.name === 'stores')?.url).toBe(federation.stores.url);
    // The namespace's declared streams, without its prefix; the revocation follower reads IDENTITY.
    expect(health.streams.map((s) => s.name)).toEqual(
      expect.arrayContaining(['IDENTITY', 'ORDERS', 'STORES']),
    );
    const identity = health.streams.find((s) => s.name === 'IDENTITY');
    expect(identity?.consumers.some((c) => !c.durable)).toBe(true);
  });

  it('shows a subgraph that does not answer as not ready, with why, and the gateway degraded', async () => {
    const health = await adminHealth(gwStoresDown.base);
    expect(health.gateway.status).toBe('degraded');
    const stores = health.subgraphs.find((s) => s.name === 'stores');
    expect(stores).toMatchObject({ ready: false, version: null, error: 'unreachable' });
    expect(health.subgraphs.find((s) => s.name === 'identity')).toMatchObject({ ready: true });
  });

  it("reflects a real consumer's unacknowledged and redelivered messages", async () => {
    const durable = 'ops-test-lag';
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const seen = new Set<string>();
    const consumption: Consumption = await bus.consume({
      durable,
      types: [sessionEnded.type],
      concurrency: 8,
      handle: async (event) => {
        // The first delivery of each event fails once, so every event is redelivered.
        if (!seen.has(event.id)) {
          seen.add(event.id);
          throw new Error('not yet');
        }
        await gate;
      },
    });
    try {
      for (let i = 0; i < 3; i += 1) {
        await bus.publish(
          createEvent(
            sessionEnded,
            { source: 'identity', subjectId: `u${i}`, sequence: 1, traceId: 'ops-test' },
            { userId: `u${i}`, sessionId: `s${i}`, reason: 'LOGOUT' },
          ),
        );
      }
      const consumerOf = (health: PlatformHealth) =>
        health.streams
          .find((s) => s.name === 'IDENTITY')
          ?.consumers.find((c) => c.name === durable);

      // Redelivered and held by the handler: three messages wait for their acknowledgement.
      const held = await waitFor(
        async () => {
          const consumer = consumerOf(await adminHealth(gw.base));
          return consumer && consumer.ackPending === 3 && consumer.redelivered >= 3
            ? consumer
            : undefined;
        },
        { timeoutMs: 15_000, intervalMs: 250, what: 'three unacknowledged messages' },
      );
      expect(held).toMatchObject({ durable: true, pending: 0 });
      expect(Date.parse(held.lastActiveAt ?? '')).toBeGreaterThan(Date.now() - 60_000);
      const stream = (await adminHealth(gw.base)).streams.find((s) => s.name === 'IDENTITY');
      expect(stream?.messages).toBe(3);
      expect(stream?.bytes).toBeGreaterThan(0);

      release();
      await waitFor(async () => consumerOf(await adminHealth(gw.base))?.ackPending === 0, {
        timeoutMs: 15_000,
        intervalMs: 250,
        what: 'the messages acknowledged',
      });
    } finally {
      release();
      await consumption.stop();
    }
  });
});
