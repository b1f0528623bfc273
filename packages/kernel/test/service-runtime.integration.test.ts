import { Entity, PrimaryKey } from '@mikro-orm/mongodb';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createStreamNamespace,
  deleteStreamNamespace,
  dropDatabase,
  freshDatabaseName,
  testEnv,
} from '@bloom/testing';
import { createLogger } from '../src/logging/logger.js';
import { createHttpShell } from '../src/server/http-shell.js';
import { ServiceRuntime, serviceOf } from '../src/server/service-runtime.js';

@Entity({ collection: 'things' })
class Thing {
  @PrimaryKey()
  _id!: string;
}

const logger = createLogger({ service: 'runtime-test', level: 'silent' });
const dbName = freshDatabaseName('runtime');
const namespaces: string[] = [];

afterAll(async () => {
  await dropDatabase(dbName);
  for (const namespace of namespaces) await deleteStreamNamespace(namespace);
});

async function startRuntime(): Promise<ServiceRuntime> {
  const namespace = await createStreamNamespace();
  namespaces.push(namespace);
  return ServiceRuntime.start({
    name: 'runtime-test',
    logger,
    mongoUrl: testEnv.MONGO_URL,
    dbName,
    entities: [Thing],
    natsUrl: testEnv.NATS_URL,
    namespace,
    outbox: ['things'],
  });
}

describe('ServiceRuntime', () => {
  it('closes what it tracked, last started first, then the bus and the database', async () => {
    const runtime = await startRuntime();
    const stopped: string[] = [];
    runtime.track({ stop: () => void stopped.push('consumer') });
    runtime.track({ stop: () => void stopped.push('job') });
    await expect(runtime.readiness()).resolves.toEqual({ ready: true });
    await runtime.close();
    await runtime.close(); // once only
    expect(stopped).toEqual(['job', 'consumer']);
    expect(runtime.bus.connection.isClosed()).toBe(true);
    expect(await runtime.orm.isConnected()).toBe(false);
  });

  it('a wiring step that throws closes everything started before it', async () => {
    const runtime = await startRuntime();
    const stopped: string[] = [];
    await expect(
      runtime.wire(async () => {
        runtime.track({ stop: () => void stopped.push('consumer') });
        await Promise.resolve();
        throw new Error('schema did not build');
      }),
    ).rejects.toThrow('schema did not build');
    expect(stopped).toEqual(['consumer']);
    expect(runtime.bus.connection.isClosed()).toBe(true);
  });

  it('refuses to start when NATS is unreachable', async () => {
    await expect(
      ServiceRuntime.start({
        name: 'runtime-test',
        logger,
        mongoUrl: testEnv.MONGO_URL,
        dbName,
        entities: [Thing],
        natsUrl: 'nats://127.0.0.1:1',
        namespace: 'none',
        outbox: [],
      }),
    ).rejects.toThrow();
  });
});

describe('the HTTP shell', () => {
  it('answers health, readiness, 404 and a masked 500, and drains on close', async () => {
    let ready = true;
    let closed = 0;
    let release: () => void = () => undefined;
    const shell = createHttpShell({
      name: 'shell-test',
      logger,
      readiness: () =>
        ready ? Promise.resolve({ ready: true }) : Promise.reject(new Error('db down')),
      handle: async (req, res) => {
        if (req.url === '/boom') throw new Error('secret stack detail');
        if (req.url !== '/slow') return false;
        await new Promise<void>((resolve) => (release = resolve));
        res.end('done');
        return true;
      },
      onClose: () => {
        closed += 1;
        return Promise.resolve();
      },
    });
    const service = serviceOf(shell, { port: 0, host: '127.0.0.1' }, {});
    expect(() => service.url).toThrow('not listening');
    await service.listen();
    const at = (path: string) => fetch(`${service.origin}${path}`);

    expect(await (await at('/health')).json()).toEqual({ status: 'ok', service: 'shell-test' });
    expect((await at('/ready')).status).toBe(200);
    ready = false;
    expect((await at('/ready')).status).toBe(503);
    const missing = await at('/nothing');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ errors: [{ extensions: { code: 'NOT_FOUND' } }] });
    const boom = await at('/boom');
    expect(boom.status).toBe(500);
    const body = await boom.text();
    expect(body).toContain('INTERNAL_SERVER_ERROR');
    expect(body).not.toContain('secret');

    const slow = at('/slow');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const closing = service.close();
    release();
    expect(await (await slow).text()).toBe('done');
    await closing;
    await service.close();
    expect(closed).toBe(1);
  });
});
