import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { type Logger, isDuplicateKeyError, sendJson } from '@bloom/kernel';
import type { MikroORM } from '@mikro-orm/mongodb';
import { ACCEPTED_CONTENT_TYPES, contentTypeOfKey, sniffImageType } from './image-type.js';
import type { ImageStorage } from './image.storage.js';
import { ImageUpload } from './image-upload.entity.js';
import type { UploadTokens } from './upload-token.js';

export interface ImageRoutesDeps {
  orm: MikroORM;
  storage: ImageStorage;
  tokens: UploadTokens;
  maxBytes: number;
  publicUrl: () => string;
  logger: Logger;
  now: () => Date;
}

/**
 * How much of a too-large upload is read and thrown away so the refusal reaches the client:
 * a server that closes while the body is still arriving resets the connection, and the
 * client (or the gateway relaying it) sees a network error instead of the 413.
 */
const DISCARD_FACTOR = 4;

/**
 * The body, or 'too-large' once it passes `limit`; the rest is then discarded up to
 * DISCARD_FACTOR × limit (past that the connection is closed, the answer lost: not worth it).
 */
function readBytes(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else if (size > limit * DISCARD_FACTOR) req.destroy();
    });
    req.once('end', () => resolve(size > limit ? 'too-large' : Buffer.concat(chunks)));
    req.once('error', reject);
    req.once('close', () => {
      if (!req.complete) resolve('too-large');
    });
  });
}

// For an upload origin other than the clients' own (PRODUCTS_PUBLIC_URL on another host).
const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'PUT, OPTIONS',
  'access-control-allow-headers': 'content-type',
  'access-control-max-age': '600',
};

function refuse(res: ServerResponse, status: number, code: string, message: string): void {
  for (const [name, value] of Object.entries(CORS)) res.setHeader(name, value);
  // A refusal may come before the body was read (a bad token, far too large): close after it.
  res.setHeader('connection', 'close');
  sendJson(res, status, { error: { code, message } });
}

/**
 * PUT /uploads/<token> stores one image for a signed, unexpired, unused upload URL;
 * GET /images/<key> serves stored images. The gateway relays both from the public origin
 * without authenticating: the token is the upload's authorisation, and images are public.
 */
export function imageRoutes(
  deps: ImageRoutesDeps,
): (req: IncomingMessage, res: ServerResponse) => boolean {
  const upload = async (req: IncomingMessage, res: ServerResponse, token: string) => {
    if (req.method === 'OPTIONS') {
      res.writeHead(204, CORS);
      res.end();
      return;
    }
    if (req.method !== 'PUT') return refuse(res, 405, 'METHOD_NOT_ALLOWED', 'Use PUT.');
    const grant = deps.tokens.verify(token, deps.now());
    if (grant === 'invalid') return refuse(res, 403, 'INVALID_UPLOAD_URL', 'Invalid upload URL.');
    if (grant === 'expired') {
      return refuse(res, 410, 'UPLOAD_URL_EXPIRED', 'This upload URL has expired.');
    }
    const declaredLength = Number(req.headers['content-length'] ?? '0');
    const tooLarge = () =>
      refuse(res, 413, 'IMAGE_TOO_LARGE', `Images may be at most ${deps.maxBytes} bytes.`);
    // Far too large: say so at once and close rather than read what we will not keep.
    if (declaredLength > deps.maxBytes * DISCARD_FACTOR) return tooLarge();
    const bytes = await readBytes(req, deps.maxBytes);
    if (bytes === 'too-large') return tooLarge();
    const type = sniffImageType(bytes);
    const declared = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    const declaredOk =
      !declared || declared === 'application/octet-stream' || declared === type?.contentType;
    if (!type || !declaredOk) {
      return refuse(
        res,
        415,
        'UNSUPPORTED_IMAGE',
        `Upload a JPEG, PNG or WebP image (${ACCEPTED_CONTENT_TYPES.join(', ')}).`,
      );
    }
    const key = `${grant.id}.${type.ext}`;
    const em = deps.orm.em.fork();
    try {
      await em.insert(ImageUpload, {
        _id: grant.id,
        key,
        ownerUserId: grant.userId,
        contentType: type.contentType,
        size: bytes.length,
        createdAt: deps.now(),
      });
    } catch (error) {
      if (isDuplicateKeyError(error)) {
        return refuse(res, 409, 'UPLOAD_URL_USED', 'This upload URL was already used.');
      }
      throw error;
    }
    try {
      await deps.storage.put(key, bytes, type.contentType);
    } catch (error) {
      // Give the URL back so the client can retry.
      await em.nativeDelete(ImageUpload, { _id: grant.id });
      throw error;
    }
    for (const [name, value] of Object.entries(CORS)) res.setHeader(name, value);
    sendJson(res, 201, {
      key,
      url: `${deps.publicUrl()}/images/${key}`,
      contentType: type.contentType,
      size: bytes.length,
    });
  };

  const serve = async (req: IncomingMessage, res: ServerResponse, key: string) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return sendJson(res, 405, { error: { code: 'METHOD_NOT_ALLOWED', message: 'Use GET.' } });
    }
    const contentType = contentTypeOfKey(key);
    const image = contentType ? await deps.storage.open(key) : null;
    if (!contentType || !image) {
      return sendJson(res, 404, { error: { code: 'NOT_FOUND', message: 'No such image.' } });
    }
    res.writeHead(200, {
      'content-type': contentType,
      'content-length': image.size,
      // Keys are random and never reused, so an image never changes.
      'cache-control': 'public, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
    });
    if (req.method === 'HEAD') {
      image.stream.destroy();
      res.end();
      return;
    }
    // pipeline, not pipe: a client that leaves mid-image destroys the source too, so an S3
    // connection goes back to the pool instead of idling until its timeout.
    await pipeline(image.stream, res).catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code === 'ERR_STREAM_PREMATURE_CLOSE') return;
      throw error;
    });
  };

  return (req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const uploadMatch = /^\/uploads\/([A-Za-z0-9_\-.]+)$/.exec(path);
    const imageMatch = /^\/images\/([a-z0-9.]+)$/.exec(path);
    const work = uploadMatch
      ? upload(req, res, uploadMatch[1] ?? '')
      : imageMatch
        ? serve(req, res, imageMatch[1] ?? '')
        : null;
    if (!work) return false;
    work.catch((error: unknown) => {
      deps.logger.error('image route failed', { error, path: path.slice(0, 16) });
      if (!res.headersSent) {
        sendJson(res, 500, {
          error: { code: 'INTERNAL_SERVER_ERROR', message: 'Internal error.' },
        });
      } else res.end();
    });
    return true;
  };
}
