import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { createJwtVerifier } from './jwt.verifier.js';

const secret = 'a-test-secret-that-is-long-enough-for-hs256';
const issuer = 'blooming-blooms';
const audience = 'blooming-blooms-api';

function accessToken(options: { sub: string; expSeconds: number; key?: string }) {
  return new SignJWT({ typ: 'access', roles: ['CUSTOMER'], sid: 'session-1' })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(options.sub)
    .setIssuer(issuer)
    .setAudience(audience)
    .setIssuedAt(options.expSeconds - 900)
    .setExpirationTime(options.expSeconds)
    .sign(new TextEncoder().encode(options.key ?? secret));
}

describe('createJwtVerifier', () => {
  it('answers a token it verified before with that request’s own trace id', async () => {
    let clock = Date.UTC(2026, 11, 4, 3, 0, 0);
    const verify = createJwtVerifier({ secret, issuer, audience, now: () => clock });
    const token = await accessToken({ sub: 'user-1', expSeconds: clock / 1000 + 900 });
    const first = await verify(token, 'trace-a');
    clock += 1_000;
    const second = await verify(token, 'trace-b');
    expect(first.caller).toMatchObject({
      userId: 'user-1',
      roles: ['CUSTOMER'],
      traceId: 'trace-a',
    });
    expect(second.caller).toMatchObject({ userId: 'user-1', traceId: 'trace-b' });
    expect(second.sessionId).toBe('session-1');
  });

  it('refuses a remembered token once it has expired', async () => {
    let clock = Date.UTC(2026, 11, 4, 3, 0, 0);
    const verify = createJwtVerifier({ secret, issuer, audience, now: () => clock });
    const token = await accessToken({ sub: 'user-2', expSeconds: clock / 1000 + 30 });
    await expect(verify(token, 't')).resolves.toMatchObject({ caller: { userId: 'user-2' } });
    clock += 40_000; // past the expiry and the clock tolerance
    await expect(verify(token, 't')).rejects.toThrow('The access token has expired.');
  });

  it('never remembers a token it refused', async () => {
    const clock = Date.UTC(2026, 11, 4, 3, 0, 0);
    const verify = createJwtVerifier({ secret, issuer, audience, now: () => clock });
    const forged = await accessToken({
      sub: 'user-3',
      expSeconds: clock / 1000 + 900,
      key: 'another-secret-that-is-long-enough-for-hs256',
    });
    await expect(verify(forged, 't')).rejects.toThrow('The access token is invalid.');
    await expect(verify(forged, 't')).rejects.toThrow('The access token is invalid.');
  });
});
