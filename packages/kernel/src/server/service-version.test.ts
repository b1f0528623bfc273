import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { baseConfigShape, loadConfig } from '../config/config.js';
import { createLogger } from '../logging/logger.js';
import { type HttpShell, createHttpShell } from './http-shell.js';
import { serviceVersion } from './service-version.js';

const { version } = JSON.parse(
  readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
) as { version: string };

describe('serviceVersion', () => {
  it("reads the nearest package.json's version, with the commit as build metadata", () => {
    expect(serviceVersion(import.meta.url)).toBe(version);
    expect(serviceVersion(import.meta.url, '3f2c1ab')).toBe(`${version}+3f2c1ab`);
    expect(serviceVersion(import.meta.url, '3f2c1ab9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3')).toBe(
      `${version}+3f2c1ab9d8e7`,
    );
  });

  it('takes BUILD_COMMIT only as a commit hash', () => {
    const schema = z.object(baseConfigShape);
    const secret = { CALLER_SIGNING_SECRET: 'x'.repeat(32) };
    expect(loadConfig('t', schema, { ...secret, BUILD_COMMIT: '3F2C1AB' }).BUILD_COMMIT).toBe(
      '3F2C1AB',
    );
    expect(loadConfig('t', schema, secret).BUILD_COMMIT).toBeUndefined();
    expect(() => loadConfig('t', schema, { ...secret, BUILD_COMMIT: 'main' })).toThrow(
      /BUILD_COMMIT/,
    );
  });
});

describe('/ready', () => {
  let shell: HttpShell | undefined;
  afterEach(async () => shell?.close());

  it('reports the version, ready or not', async () => {
    let ready = true;
    shell = createHttpShell({
      name: 'probe-test',
      version: '1.4.0+3f2c1ab',
      logger: createLogger({ service: 'probe-test', level: 'silent' }),
      handle: () => false,
      readiness: () => Promise.resolve({ ready }),
    });
    const { origin } = await shell.listen(0, '127.0.0.1');
    const up = await fetch(`${origin}/ready`);
    expect(up.status).toBe(200);
    expect(await up.json()).toEqual({
      status: 'ready',
      service: 'probe-test',
      version: '1.4.0+3f2c1ab',
    });
    ready = false;
    const down = await fetch(`${origin}/ready`);
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ status: 'unavailable', version: '1.4.0+3f2c1ab' });
  });
});
