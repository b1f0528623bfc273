import { describe, expect, it } from 'vitest';
import { parseCardId } from './card.id.js';
import { UNKNOWN_CLIENT, addressKey, callerClientKeys } from './client.identity.js';

describe('card ids', () => {
  it('have one spelling: 24 hex digits, lower case', () => {
    const id = '65a1b2c3d4e5f60718293a4b';
    expect(parseCardId(id)).toBe(id);
    expect(parseCardId(id.toUpperCase())).toBe(id);
    expect(parseCardId('65A1b2C3d4E5f60718293A4b')).toBe(id);
  });

  it('refuses whatever is not one (ObjectId.isValid takes any 12 characters)', () => {
    for (const raw of ['abcdefghijkl', 'not-an-id', '', ` ${'a'.repeat(24)}`, 'g'.repeat(24)]) {
      expect(parseCardId(raw)).toBeNull();
    }
    expect(parseCardId('a'.repeat(25))).toBeNull();
    expect(parseCardId('a'.repeat(23))).toBeNull();
  });
});

describe('client addresses', () => {
  it('keys IPv4 as written, and IPv4-mapped IPv6 as its IPv4 address', () => {
    expect(addressKey('192.0.2.7')).toBe('ip4:192.0.2.7');
    expect(addressKey('::ffff:192.0.2.7')).toBe('ip4:192.0.2.7');
    expect(addressKey('::FFFF:c000:0207')).toBe('ip4:192.0.2.7');
    expect(addressKey('0:0:0:0:0:ffff:192.0.2.7')).toBe('ip4:192.0.2.7');
  });

  it('keys IPv6 per /64, whatever the spelling', () => {
    const key = 'ip6:2001:db8:1:2::/64';
    expect(addressKey('2001:db8:1:2::1')).toBe(key);
    expect(addressKey('2001:0DB8:0001:0002:ffff:ffff:ffff:ffff')).toBe(key);
    expect(addressKey('2001:db8:1:2:a:b:c:d%eth0')).toBe(key);
    expect(addressKey('2001:db8:1:3::1')).not.toBe(key);
    expect(addressKey('::1')).toBe('ip6:0:0:0:0::/64');
    expect(addressKey('2001:db8::')).toBe('ip6:2001:db8:0:0::/64');
    // Already reduced to its /64 by the gateway: the same client.
    expect(addressKey('2001:db8:1:2::/64')).toBe(key);
  });

  it('has no key for what is not an address', () => {
    for (const raw of [
      undefined,
      '',
      'unknown',
      '1.2.3',
      '192.0.2.7:80',
      '2001:db8::1::2',
      '192.0.2.0/24',
      '2001:db8::/48',
    ]) {
      expect(addressKey(raw)).toBeNull();
    }
  });

  it('gives a caller a key per identity it presents', () => {
    const base = { roles: [], scopes: [], traceId: 't' };
    expect(callerClientKeys({ ...base, kind: 'anonymous', clientAddress: '192.0.2.7' })).toEqual([
      'ip4:192.0.2.7',
    ]);
    expect(
      callerClientKeys({ ...base, kind: 'user', userId: 'u1', clientAddress: '2001:db8::5' }),
    ).toEqual(['ip6:2001:db8:0:0::/64', 'user:u1']);
    expect(
      callerClientKeys({ ...base, kind: 'integrator', userId: 'owner', apiKeyId: 'k1' }),
    ).toEqual(['user:owner']);
    expect(callerClientKeys({ ...base, kind: 'anonymous' })).toEqual([UNKNOWN_CLIENT]);
    expect(callerClientKeys({ ...base, kind: 'anonymous', clientAddress: 'garbage' })).toEqual([
      UNKNOWN_CLIENT,
    ]);
  });
});
