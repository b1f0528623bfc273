import { createReadStream } from 'node:fs';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { IMAGE_KEY } from './image-type.js';

/**
 * Where image bytes live: the local-disk adapter here, S3ImageStorage (s3-image.storage.ts) for
 * an object store every replica shares (IMAGE_STORAGE).
 */
export interface ImageStorage {
  /** Stores new bytes; fails if the key exists (keys are never overwritten). */
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  /** The bytes as a stream, or null when there is no such image. */
  open(key: string): Promise<{ stream: Readable; size: number } | null>;
  /** Deletes the image; deleting one that is not there succeeds. */
  remove(key: string): Promise<void>;
  /** Releases connections, if the adapter holds any; called when the service closes. */
  close?(): void;
}

/** Files under one directory, named by their key. */
export class LocalDiskImageStorage implements ImageStorage {
  private readonly dir: string;

  constructor(dir: string) {
    this.dir = resolve(dir);
  }

  private path(key: string): string {
    // Keys are validated by pattern, so no path can climb out of the directory.
    if (!IMAGE_KEY.test(key)) throw new Error(`invalid image key ${key}`);
    return join(this.dir, key.slice(0, 2), key);
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    const path = this.path(key);
    await mkdir(join(this.dir, key.slice(0, 2)), { recursive: true });
    await writeFile(path, bytes, { flag: 'wx' });
  }

  async open(key: string): Promise<{ stream: Readable; size: number } | null> {
    if (!IMAGE_KEY.test(key)) return null;
    const path = this.path(key);
    try {
      const info = await stat(path);
      return { stream: createReadStream(path), size: info.size };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async remove(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }
}
