import { describe, expect, it } from 'vitest';
import { type Caller, signCaller, verifyCaller } from './caller.js';

const secret = 's'.repeat(40);
const caller: Caller = {
  kind: 'user',
  userId: 'u1',
  roles: ['CUSTOMER'],
  scopes: [],
  traceId: 't1',
};

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as { extensions?: { code?: string } }).extensions?.code;
  }
  return 'no error';
};

describe('caller signature', () => {
  it('round-trips a signed caller', () => {
    expect(verifyCaller(signCaller(caller, secret), secret)).toEqual(caller);
  });

  it('refuses a missing header', () => {
    expect(codeOf(() => verifyCaller(undefined, secret))).toBe('UNAUTHENTICATED');
  });

  it('refuses a forged payload with a valid-looking signature', () => {
    const [, signature] = signCaller(caller, secret).split('.');
    const forged = Buffer.from(
      JSON.stringify({ ...caller, roles: ['ADMIN'], iat: Date.now() / 1000 }),
    ).toString('base64url');
    expect(codeOf(() => verifyCaller(`${forged}.${signature}`, secret))).toBe('UNAUTHENTICATED');
  });

  it('refuses a header signed with another secret', () => {
    expect(codeOf(() => verifyCaller(signCaller(caller, 'x'.repeat(40)), secret))).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('refuses a stale signature', () => {
    const old = signCaller(caller, secret, Date.now() - 10 * 60_000);
    expect(codeOf(() => verifyCaller(old, secret))).toBe('UNAUTHENTICATED');
  });

  it('refuses garbage', () => {
    expect(codeOf(() => verifyCaller('a.b.c', secret))).toBe('UNAUTHENTICATED');
    expect(codeOf(() => verifyCaller('nodot', secret))).toBe('UNAUTHENTICATED');
  });
});
