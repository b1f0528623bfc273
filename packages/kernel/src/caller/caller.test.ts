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

  it('carries the client address, signed like the rest', () => {
    const withAddress: Caller = { ...caller, kind: 'anonymous', clientAddress: '203.0.113.7' };
    const header = signCaller(withAddress, secret);
    expect(verifyCaller(header, secret)).toEqual(withAddress);
    // Without one the caller is as before: the field is optional.
    expect(verifyCaller(signCaller(caller, secret), secret)).not.toHaveProperty('clientAddress');
    // Another address under the same signature is a forgery.
    const [payload, signature] = header.split('.');
    const decoded = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')) as object;
    const moved = Buffer.from(
      JSON.stringify({ ...decoded, clientAddress: '198.51.100.1' }),
    ).toString('base64url');
    expect(codeOf(() => verifyCaller(`${moved}.${signature}`, secret))).toBe('UNAUTHENTICATED');
  });

  it('refuses a client address that cannot be one', () => {
    const header = signCaller({ ...caller, clientAddress: 'x'.repeat(101) }, secret);
    expect(codeOf(() => verifyCaller(header, secret))).toBe('UNAUTHENTICATED');
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
