import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { GetObjectCommand, HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const FAKE_S3 = join(ROOT, '.local/bin/fake-s3');

/** Any values: fake-s3 checks no signatures. Distinctive, so tests can look for leaks. */
export const FAKE_S3_CREDENTIALS = {
  accessKeyId: 'fake-s3-access-key-id',
  secretAccessKey: 'fake-s3-secret-access-key-must-never-be-logged',
};

/**
 * Builds .local/bin/fake-s3 if needed (infra/local/lib.sh's ensure_fake_s3: idempotent, locked,
 * quick when it is current); the reason when it cannot be had.
 */
function ensureFakeS3(): string | undefined {
  const result = spawnSync('bash', ['-c', '. infra/local/lib.sh && ensure_fake_s3'], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 10 * 60_000,
  });
  if (result.status === 0 && existsSync(FAKE_S3)) return undefined;
  const output = `${result.stderr ?? ''}\n${result.stdout ?? ''}`.trim().split('\n').slice(-3);
  return output.join(' | ') || result.error?.message || `exit ${result.status}`;
}

/** Why fake-s3 is missing, or undefined when it is there. */
export const fakeS3Unavailable = ensureFakeS3();

/**
 * Without the binary these tests skip locally (Go missing) with a warning, but fail in CI
 * (.ci/run sets CI=true, and Go is there), so the S3 adapter cannot go untested unnoticed.
 */
export const IN_CI = (process.env.CI ?? '') !== '' && process.env.CI !== 'false';

/** True when the suite should skip; warns once per file with the reason. */
export function skipWithoutFakeS3(suite: string): boolean {
  if (fakeS3Unavailable === undefined || IN_CI) return false;
  console.warn(`${suite}: SKIPPED, fake-s3 could not be built: ${fakeS3Unavailable}`);
  return true;
}

export interface FakeS3 {
  /** http://127.0.0.1:<port> */
  endpoint: string;
  bucket: string;
  /** A client of the test's own, to look at what the service stored. */
  client: S3Client;
  object(key: string): Promise<{ bytes: Buffer; contentType?: string; size?: number } | null>;
  stop(): Promise<void>;
}

/**
 * Starts fake-s3 on a port the OS picks (-port 0: no race for a "free" port) on 127.0.0.1,
 * with `bucket` created, and waits for the line that says where it listens. In CI a missing
 * binary throws here, failing the suite.
 */
export async function startFakeS3(bucket: string): Promise<FakeS3> {
  if (fakeS3Unavailable !== undefined) {
    throw new Error(`fake-s3 is required (CI is set) but could not be built: ${fakeS3Unavailable}`);
  }
  const child = spawn(FAKE_S3, ['-host', '127.0.0.1', '-port', '0', '-bucket', bucket, '-quiet'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = `${stderr}${chunk.toString('utf8')}`.slice(-2000);
  });
  const endpoint = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`fake-s3 did not start within 10 s: ${stderr}`));
    }, 10_000);
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      const match = /^fake-s3 listening on (http:\/\/\S+)$/.exec(line);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`fake-s3 exited (${code ?? signal}) before listening: ${stderr}`));
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
  const client = new S3Client({
    region: 'ap-northeast-2',
    endpoint,
    forcePathStyle: true,
    credentials: FAKE_S3_CREDENTIALS,
  });
  return {
    endpoint,
    bucket,
    client,
    object: async (key) => {
      try {
        const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
        const got = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        const bytes = Buffer.from((await got.Body?.transformToByteArray()) ?? []);
        return { bytes, contentType: head.ContentType, size: head.ContentLength };
      } catch (error) {
        if (
          (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404
        )
          return null;
        throw error;
      }
    },
    stop: async () => {
      client.destroy();
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
