/**
 * S3ImageStorage against a real S3-compatible server: .local/bin/fake-s3 (infra/s3, gofakes3),
 * built by infra/local/lib.sh's ensure_fake_s3. Skipped with a warning when it cannot be built,
 * except in CI, where it fails.
 */
import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import { freePort } from '@bloom/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImageStorageError, S3ImageStorage } from '../src/images/s3-image.storage.js';
import {
  FAKE_S3_CREDENTIALS,
  type FakeS3,
  skipWithoutFakeS3,
  startFakeS3,
} from './fake-s3.harness.js';

const BUCKET = 'bloom-images-test';
const newKey = (ext = 'png') => `${randomBytes(16).toString('hex')}.${ext}`;

async function read(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The rejection of a promise, which must reject. */
async function rejection(promise: Promise<unknown>): Promise<ImageStorageError> {
  const outcome = await promise.then(
    () => new Error('expected a rejection'),
    (error: unknown) => error,
  );
  expect(outcome).toBeInstanceOf(ImageStorageError);
  return outcome as ImageStorageError;
}

describe.skipIf(skipWithoutFakeS3('S3ImageStorage'))('S3ImageStorage on fake-s3', () => {
  let s3: FakeS3;
  let storage: S3ImageStorage;
  const storageAt = (endpoint: string, bucket = BUCKET) =>
    new S3ImageStorage({
      bucket,
      region: 'ap-northeast-2',
      endpoint,
      forcePathStyle: true,
      credentials: FAKE_S3_CREDENTIALS,
      connectionTimeoutMs: 1_000,
    });

  beforeAll(async () => {
    s3 = await startFakeS3(BUCKET);
    storage = storageAt(s3.endpoint);
  });
  afterAll(async () => {
    storage?.close();
    await s3?.stop();
  });

  it('stores bytes with their content type and streams them back with their size', async () => {
    const key = newKey('webp');
    const bytes = randomBytes(70_000);
    await storage.put(key, bytes, 'image/webp');

    expect(await s3.object(key)).toEqual({ bytes, contentType: 'image/webp', size: bytes.length });
    const image = await storage.open(key);
    expect(image?.size).toBe(bytes.length);
    expect(image && (await read(image.stream)).equals(bytes)).toBe(true);
  });

  it('answers null for a missing or malformed key', async () => {
    expect(await storage.open(newKey())).toBeNull();
    expect(await storage.open('../../etc/passwd')).toBeNull();
    expect(await storage.open('0123456789abcdef0123456789abcdef.svg')).toBeNull();
  });

  it('never overwrites an existing key', async () => {
    const key = newKey();
    const first = Buffer.from('first image bytes');
    await storage.put(key, first, 'image/png');
    const error = await rejection(storage.put(key, Buffer.from('second'), 'image/png'));
    expect(error.code).toBe('IMAGE_EXISTS');
    expect(error.message).toContain(key);
    expect((await s3.object(key))?.bytes.equals(first)).toBe(true);
  });

  it('removes idempotently', async () => {
    const key = newKey('jpg');
    await storage.put(key, Buffer.from([0xff, 0xd8, 0xff, 1, 2, 3]), 'image/jpeg');
    await storage.remove(key);
    expect(await storage.open(key)).toBeNull();
    expect(await s3.object(key)).toBeNull();
    await expect(storage.remove(key)).resolves.toBeUndefined();
    await expect(storage.remove(newKey())).resolves.toBeUndefined();
  });

  it('refuses keys that are not image keys', async () => {
    await expect(storage.put('notes.txt', Buffer.from('x'), 'text/plain')).rejects.toThrow(
      /invalid image key/,
    );
  });

  it('explains a missing bucket and an unreachable server without leaking credentials', async () => {
    const noBucket = storageAt(s3.endpoint, 'no-such-bucket');
    const missing = await rejection(noBucket.put(newKey(), Buffer.from('x'), 'image/png'));
    expect(missing.code).toBe('BUCKET_NOT_FOUND');
    expect(missing.message).toContain('no-such-bucket');
    // A missing bucket is a misconfiguration, not a missing image.
    expect((await rejection(noBucket.open(newKey()))).code).toBe('BUCKET_NOT_FOUND');
    noBucket.close();

    const nowhere = storageAt(`http://127.0.0.1:${await freePort()}`);
    const unreachable = await rejection(nowhere.open(newKey()));
    expect(unreachable.code).toBe('UNREACHABLE');
    expect(unreachable.message).toMatch(/cannot reach the server \(ECONNREFUSED\)/);
    nowhere.close();

    for (const error of [missing, unreachable]) {
      expect(error.message).not.toContain(FAKE_S3_CREDENTIALS.secretAccessKey);
      expect(error.message).not.toContain(FAKE_S3_CREDENTIALS.accessKeyId);
    }
  });
});
