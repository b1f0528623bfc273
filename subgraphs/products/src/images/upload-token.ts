import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** What a signed upload URL grants: one image, by one user, until it expires. */
export interface UploadGrant {
  /** The random id the image key is built from; one upload per id. */
  id: string;
  userId: string;
  /** Unix seconds. */
  expiresAt: number;
}

/**
 * Upload tokens are `<base64url(json)>.<base64url(hmac)>`: the products service checks them
 * itself, because uploads reach it directly rather than through the gateway.
 */
export class UploadTokens {
  constructor(private readonly secret: string) {}

  private mac(payload: string): Buffer {
    return createHmac('sha256', this.secret).update(`upload:${payload}`).digest();
  }

  issue(userId: string, ttlSeconds: number, now: Date): { token: string; grant: UploadGrant } {
    const grant: UploadGrant = {
      id: randomBytes(16).toString('hex'),
      userId,
      expiresAt: Math.floor(now.getTime() / 1000) + ttlSeconds,
    };
    const payload = Buffer.from(JSON.stringify(grant)).toString('base64url');
    return { token: `${payload}.${this.mac(payload).toString('base64url')}`, grant };
  }

  /** The grant, or why the token is refused. */
  verify(token: string, now: Date): UploadGrant | 'invalid' | 'expired' {
    const [payload, signature, extra] = token.split('.');
    if (!payload || !signature || extra !== undefined) return 'invalid';
    const given = Buffer.from(signature, 'base64url');
    const expected = this.mac(payload);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid';
    let grant: UploadGrant;
    try {
      grant = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as UploadGrant;
    } catch {
      return 'invalid';
    }
    if (typeof grant.id !== 'string' || !/^[a-f0-9]{32}$/.test(grant.id)) return 'invalid';
    if (typeof grant.expiresAt !== 'number' || typeof grant.userId !== 'string') return 'invalid';
    return grant.expiresAt * 1000 < now.getTime() ? 'expired' : grant;
  }
}
