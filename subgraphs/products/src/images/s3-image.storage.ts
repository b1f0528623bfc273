import { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { IMAGE_KEY } from './image-type.js';
import type { ImageStorage } from './image.storage.js';

/** Where S3ImageStorage keeps images and how it signs in; secrets are never put in messages. */
export interface S3ImageStorageOptions {
  bucket: string;
  region: string;
  /** An S3-compatible server's URL; absent means AWS S3 (its regional endpoint). */
  endpoint?: string;
  /** `<endpoint>/<bucket>/<key>` instead of `<bucket>.<endpoint>/<key>` (most local servers). */
  forcePathStyle?: boolean;
  credentials: { accessKeyId: string; secretAccessKey: string };
  /** Milliseconds to open a connection and between bytes of an answer (defaults 3 s / 30 s). */
  connectionTimeoutMs?: number;
  requestTimeoutMs?: number;
}

/**
 * What went wrong, in words safe to log: the operation, bucket, key and endpoint host, never
 * credentials or the SDK's request dump.
 */
export class ImageStorageError extends Error {
  constructor(
    readonly code:
      'IMAGE_EXISTS' | 'BUCKET_NOT_FOUND' | 'ACCESS_DENIED' | 'UNREACHABLE' | 'STORAGE_FAILED',
    message: string,
  ) {
    super(message);
    this.name = 'ImageStorageError';
  }
}

/** Keys are random and never reused, so a stored image never changes (as the image route says). */
export const IMAGE_CACHE_CONTROL = 'public, max-age=31536000, immutable';

const CREDENTIAL_ERRORS = new Set([
  'AccessDenied',
  'InvalidAccessKeyId',
  'SignatureDoesNotMatch',
  'ExpiredToken',
  'InvalidToken',
]);
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

const statusOf = (error: S3ServiceException) => error.$metadata.httpStatusCode;

/** A missing key, not a missing bucket: a misconfigured bucket must fail loudly, not as 404s. */
const isMissingKey = (error: unknown) =>
  error instanceof S3ServiceException &&
  error.name !== 'NoSuchBucket' &&
  (error.name === 'NoSuchKey' || error.name === 'NotFound' || statusOf(error) === 404);

/**
 * Product and review photos in one S3 bucket (AWS or an S3-compatible server), by their key.
 * Uploads are still checked by products (signed URL, size, sniffed type) before they get here,
 * and browsers still read through products' /images route on the public origin, so the bucket
 * stays private and clients do not know it exists.
 */
export class S3ImageStorage implements ImageStorage {
  private readonly client: S3Client;
  private readonly bucket: string;
  /** For messages: the endpoint's host only (a URL could carry user:password). */
  private readonly where: string;

  constructor(options: S3ImageStorageOptions) {
    this.bucket = options.bucket;
    this.where = options.endpoint ? new URL(options.endpoint).host : `AWS S3 ${options.region}`;
    this.client = new S3Client({
      region: options.region,
      endpoint: options.endpoint,
      forcePathStyle: options.forcePathStyle ?? false,
      // Explicit, so the SDK's shared config files and AWS_* variables do not change who we
      // are (the service's config is the one source). Without an endpoint the SDK still
      // honours AWS_ENDPOINT_URL_S3, its standard override; nothing here sets it.
      credentials: options.credentials,
      useFipsEndpoint: false,
      useDualstackEndpoint: false,
      maxAttempts: 3,
      retryMode: 'standard',
      // S3-compatible servers differ in their support of the CRC checksums the SDK adds by
      // default; AWS has them all. Content-Length and TLS still guard a custom endpoint's bytes.
      ...(options.endpoint
        ? {
            requestChecksumCalculation: 'WHEN_REQUIRED',
            responseChecksumValidation: 'WHEN_REQUIRED',
          }
        : {}),
      requestHandler: {
        connectionTimeout: options.connectionTimeoutMs ?? 3_000,
        requestTimeout: options.requestTimeoutMs ?? 30_000,
      },
    });
  }

  /**
   * Never overwrites: `If-None-Match: *` makes the server refuse an existing key atomically
   * (AWS S3 since 2024, gofakes3, MinIO). Keys are random and the upload's database record is
   * inserted first under a unique id, so this is the second guard, not the only one.
   */
  async put(key: string, bytes: Buffer, contentType: string): Promise<void> {
    if (!IMAGE_KEY.test(key)) throw new Error(`invalid image key ${key}`);
    try {
      await this.client.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: key,
          Body: bytes,
          ContentLength: bytes.length,
          ContentType: contentType,
          CacheControl: IMAGE_CACHE_CONTROL,
          IfNoneMatch: '*',
        }),
      );
    } catch (error) {
      throw this.failure('PutObject', key, error);
    }
  }

  async open(key: string): Promise<{ stream: Readable; size: number } | null> {
    if (!IMAGE_KEY.test(key)) return null;
    let answer;
    try {
      answer = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
    } catch (error) {
      if (isMissingKey(error)) return null;
      throw this.failure('GetObject', key, error);
    }
    const { Body: body, ContentLength: size } = answer;
    if (!(body instanceof Readable) || size === undefined) {
      if (body instanceof Readable) body.destroy();
      throw new ImageStorageError(
        'STORAGE_FAILED',
        `S3 GetObject ${this.bucket}/${key} at ${this.where}: no body stream or Content-Length`,
      );
    }
    return { stream: body, size };
  }

  /** Idempotent: deleting a missing key succeeds (S3 answers 204; some servers 404). */
  async remove(key: string): Promise<void> {
    if (!IMAGE_KEY.test(key)) throw new Error(`invalid image key ${key}`);
    try {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
    } catch (error) {
      if (isMissingKey(error)) return;
      throw this.failure('DeleteObject', key, error);
    }
  }

  /** Closes the client's pooled connections. */
  close(): void {
    this.client.destroy();
  }

  private failure(operation: string, key: string, error: unknown): ImageStorageError {
    const at = `S3 ${operation} ${this.bucket}/${key} at ${this.where}`;
    if (error instanceof S3ServiceException) {
      const status = `${error.name}, HTTP ${statusOf(error) ?? '?'}`;
      const request = error.$metadata.requestId ? `, request ${error.$metadata.requestId}` : '';
      if (
        error.name === 'PreconditionFailed' ||
        statusOf(error) === 412 ||
        // AWS: another conditional write of the same key was in flight.
        error.name === 'ConditionalRequestConflict'
      ) {
        return new ImageStorageError('IMAGE_EXISTS', `${at}: the key already exists (${status})`);
      }
      if (error.name === 'NoSuchBucket') {
        return new ImageStorageError('BUCKET_NOT_FOUND', `${at}: no such bucket (${status})`);
      }
      if (CREDENTIAL_ERRORS.has(error.name) || statusOf(error) === 403) {
        return new ImageStorageError(
          'ACCESS_DENIED',
          `${at}: refused, check S3_ACCESS_KEY_ID/S3_SECRET_ACCESS_KEY and the bucket policy (${status}${request})`,
        );
      }
      return new ImageStorageError('STORAGE_FAILED', `${at}: ${status}${request}`);
    }
    const code = (error as { code?: unknown } | null)?.code;
    const name = error instanceof Error ? error.name : 'Error';
    if (
      (typeof code === 'string' && NETWORK_CODES.has(code)) ||
      name === 'TimeoutError' ||
      name === 'AbortError'
    ) {
      return new ImageStorageError(
        'UNREACHABLE',
        `${at}: cannot reach the server (${typeof code === 'string' ? code : name})`,
      );
    }
    return new ImageStorageError('STORAGE_FAILED', `${at}: ${name}`);
  }
}
