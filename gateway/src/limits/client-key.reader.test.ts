import type { IncomingHttpHeaders } from 'node:http';
import type { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TRUSTED_PROXIES,
  createClientKeyReader,
  isAddressOrSubnet,
} from './client-key.reader.js';

const request = (remoteAddress: string | undefined, headers: IncomingHttpHeaders = {}) => ({
  headers,
  socket: { remoteAddress } as Socket,
});

describe('client key without a proxy header', () => {
  const keyOf = createClientKeyReader({ trustedProxies: DEFAULT_TRUSTED_PROXIES });

  it('is the socket’s peer, whatever x-forwarded-for says', () => {
    expect(keyOf(request('203.0.113.7', { 'x-forwarded-for': '198.51.100.1' }))).toBe(
      '203.0.113.7',
    );
  });

  it('unmaps IPv4-mapped IPv6 peers and keys IPv6 clients by their /64', () => {
    expect(keyOf(request('::ffff:203.0.113.7'))).toBe('203.0.113.7');
    expect(keyOf(request('2001:db8:aa:bb:1:2:3:4'))).toBe('2001:db8:aa:bb::/64');
    expect(keyOf(request('2001:db8:aa:bb::99'))).toBe('2001:db8:aa:bb::/64');
    expect(keyOf(request('2001:db8::1'))).toBe('2001:db8:0:0::/64');
    expect(keyOf(request('::1'))).toBe('0:0:0:0::/64');
  });

  it('is unknown for a socket already gone', () => {
    expect(keyOf(request(undefined))).toBeUndefined();
  });
});

describe('client key behind trusted proxies (right-most untrusted hop)', () => {
  const keyOf = createClientKeyReader({
    header: 'X-Forwarded-For',
    trustedProxies: ['10.0.0.0/8', '192.0.2.10'],
  });

  it('takes the entry the trusted proxy appended', () => {
    expect(keyOf(request('10.0.0.5', { 'x-forwarded-for': '203.0.113.7' }))).toBe('203.0.113.7');
  });

  it('never believes entries left of the first untrusted hop (a client’s forgery)', () => {
    const forged = { 'x-forwarded-for': '198.51.100.99, 10.9.9.9, 203.0.113.7' };
    expect(keyOf(request('10.0.0.5', forged))).toBe('203.0.113.7');
  });

  it('walks through every trusted proxy, ports and brackets removed', () => {
    expect(
      keyOf(request('10.0.0.5', { 'x-forwarded-for': ['[2001:db8:1:2::5]:443', '192.0.2.10:80'] })),
    ).toBe('2001:db8:1:2::/64');
  });

  it('ignores the header when the peer is not a trusted proxy', () => {
    expect(keyOf(request('203.0.113.50', { 'x-forwarded-for': '198.51.100.1' }))).toBe(
      '203.0.113.50',
    );
  });

  it('stops at an entry that is not an address, keeping the proxy that passed it on', () => {
    expect(keyOf(request('10.0.0.5', { 'x-forwarded-for': 'random-1, 192.0.2.10' }))).toBe(
      '192.0.2.10',
    );
    expect(keyOf(request('10.0.0.5', {}))).toBe('10.0.0.5');
  });

  it('takes the left-most hop when every hop is trusted (a client inside the network)', () => {
    expect(keyOf(request('10.0.0.5', { 'x-forwarded-for': '10.1.2.3, 192.0.2.10' }))).toBe(
      '10.1.2.3',
    );
  });
});

describe('isAddressOrSubnet', () => {
  it('accepts addresses and CIDR subnets, and nothing else', () => {
    for (const entry of ['10.0.0.1', '10.0.0.0/8', '::1', 'fc00::/7', ...DEFAULT_TRUSTED_PROXIES]) {
      expect(isAddressOrSubnet(entry), entry).toBe(true);
    }
    for (const entry of ['localhost', '10.0.0.0/33', '10.0.0.0/8/1', 'fc00::/129', '10.0.0/8']) {
      expect(isAddressOrSubnet(entry), entry).toBe(false);
    }
  });
});
