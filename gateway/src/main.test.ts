import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  TEST_CALLER_SECRET,
  TEST_JWT_SECRET,
  errorCode,
  freePort,
  gqlRequest,
  waitFor,
} from '@bloom/testing';
import { type Federation, startFederation } from '../test/federation.fixture.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Runs main.ts the way the local scripts do; resolves when the process exits. */
function runMain(env: Record<string, string>) {
  const child = spawn(
    process.execPath,
    ['--conditions=source', '--import', '@bloom/kernel/register', 'gateway/src/main.ts'],
    { cwd: repoRoot, env: { PATH: process.env.PATH ?? '', ...env }, stdio: 'pipe' },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { child, exited, output: () => ({ stdout, stderr }) };
}

let federation: Federation;
let dir: string;

beforeAll(async () => {
  federation = await startFederation();
  dir = await mkdtemp(join(tmpdir(), 'gateway-main-'));
});
afterAll(async () => {
  await federation?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('main', () => {
  it('fails with one readable line on a bad configuration', async () => {
    const run = runMain({ JWT_SECRET: 'short', MAX_QUERY_DEPTH: 'lots' });
    expect(await run.exited).toBe(1);
    const { stderr } = run.output();
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^gateway: invalid configuration: .*CALLER_SIGNING_SECRET/);
    expect(stderr).toMatch(/JWT_SECRET: must be at least 32 characters/);
    expect(stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('fails with one readable line when the supergraph file is missing', async () => {
    const run = runMain({
      CALLER_SIGNING_SECRET: TEST_CALLER_SECRET,
      JWT_SECRET: TEST_JWT_SECRET,
      SUPERGRAPH_PATH: join(dir, 'missing.graphql'),
      LOG_LEVEL: 'silent',
    });
    expect(await run.exited).toBe(1);
    expect(run.output().stderr).toMatch(/^gateway: failed to start: Cannot read the supergraph at/);
  });

  it('serves the supergraph from SUPERGRAPH_PATH and stops cleanly on SIGTERM', async () => {
    const supergraphPath = join(dir, 'supergraph.graphql');
    await writeFile(supergraphPath, federation.supergraphSdl);
    const port = await freePort();
    const run = runMain({
      NODE_ENV: 'production',
      PORT: String(port),
      CALLER_SIGNING_SECRET: TEST_CALLER_SECRET,
      JWT_SECRET: TEST_JWT_SECRET,
      SUPERGRAPH_PATH: supergraphPath,
      ...federation.urlEnv,
    });
    try {
      const url = `http://127.0.0.1:${port}/graphql`;
      await waitFor(() => fetch(`http://127.0.0.1:${port}/health`).then((r) => r.ok), {
        timeoutMs: 20_000,
        what: 'the gateway to listen',
      });
      // Production enforces trusted documents: an ad-hoc query needs an API key.
      expect(errorCode(await gqlRequest(url, '{ whoami { kind } }'))).toBe('OPERATION_NOT_TRUSTED');
      const response = await gqlRequest(
        url,
        '{ whoami { kind } }',
        {},
        { 'x-api-key': 'bk_live_valid' },
      );
      expect(response.data).toEqual({ whoami: { kind: 'integrator' } });
    } finally {
      run.child.kill('SIGTERM');
    }
    expect(await run.exited).toBe(0);
    const lines = run
      .output()
      .stdout.trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { msg: string });
    expect(lines.map((line) => line.msg)).toEqual(
      expect.arrayContaining(['listening', 'request', 'shutting down']),
    );
  });
});
