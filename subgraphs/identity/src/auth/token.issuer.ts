import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Role } from '@bloom/kernel';
import { SignJWT } from 'jose';

export interface TokenSettings {
  secret: string;
  issuer: string;
  audience: string;
  accessTtlSeconds: number;
  refreshTtlDays: number;
}

export const sha256 = (value: string) => createHash('sha256').update(value).digest('base64url');

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Short-lived signed access tokens (verified at the gateway) and opaque refresh tokens. */
export class TokenIssuer {
  private readonly key: Uint8Array;

  constructor(private readonly settings: TokenSettings) {
    this.key = new TextEncoder().encode(settings.secret);
  }

  get accessTtlSeconds(): number {
    return this.settings.accessTtlSeconds;
  }

  refreshExpiry(now: Date): Date {
    return new Date(now.getTime() + this.settings.refreshTtlDays * 86_400_000);
  }

  /** `sid` names the session (refresh-token family), so ending it can refuse its tokens too. */
  async accessToken(userId: string, roles: Role[], now: Date, sessionId: string): Promise<string> {
    const iat = Math.floor(now.getTime() / 1000);
    return new SignJWT({ roles, typ: 'access', sid: sessionId })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(userId)
      .setIssuer(this.settings.issuer)
      .setAudience(this.settings.audience)
      .setIssuedAt(iat)
      .setExpirationTime(iat + this.settings.accessTtlSeconds)
      .setJti(randomBytes(9).toString('base64url'))
      .sign(this.key);
  }

  /** A refresh token is `<id>.<secret>`; only the secret's hash is stored. */
  newRefreshToken(): { id: string; secret: string; token: string; secretHash: string } {
    const id = randomBytes(12).toString('base64url');
    const secret = randomBytes(32).toString('base64url');
    return { id, secret, token: `${id}.${secret}`, secretHash: sha256(secret) };
  }

  static parseRefreshToken(token: string): { id: string; secret: string } | null {
    const match = /^([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]{43})$/.exec(token);
    return match?.[1] && match[2] ? { id: match[1], secret: match[2] } : null;
  }
}
