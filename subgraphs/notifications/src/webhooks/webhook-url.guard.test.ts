import { describe, expect, it } from 'vitest';
import { checkUrlSyntax, isPrivateAddress, resolveTarget } from './webhook-url.guard.js';

describe('isPrivateAddress', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.0.10',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '::1',
    '::',
    'fe80::1',
    'fd12:3456::1',
    '::ffff:10.0.0.1',
    'not an address',
  ])('%s is not public', (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  it.each(['93.184.216.34', '8.8.8.8', '172.32.0.1', '2606:4700::1111', '::ffff:8.8.8.8'])(
    '%s is public',
    (address) => {
      expect(isPrivateAddress(address)).toBe(false);
    },
  );
});

describe('webhook URLs', () => {
  it('are http(s) without credentials', () => {
    expect(checkUrlSyntax('https://pos.example.com/hooks')).toHaveProperty('url');
    expect(checkUrlSyntax('ftp://example.com/')).toMatchObject({ code: 'INVALID_URL' });
    expect(checkUrlSyntax('https://user:pw@example.com/')).toMatchObject({ code: 'INVALID_URL' });
    expect(checkUrlSyntax('not a url')).toMatchObject({ code: 'INVALID_URL' });
  });

  it('may be local where private addresses are allowed', async () => {
    expect(await resolveTarget('http://127.0.0.1:4013/x', true)).toHaveProperty('url');
  });

  it('must reach a public address otherwise, and are pinned to it', async () => {
    expect(await resolveTarget('http://localhost:4013/x', false)).toMatchObject({
      code: 'URL_NOT_ALLOWED',
    });
    expect(await resolveTarget('http://[::1]/x', false)).toMatchObject({
      code: 'URL_NOT_ALLOWED',
    });
    const pinned = await resolveTarget('https://93.184.216.34/hooks', false);
    expect(pinned).toHaveProperty('lookup');
    if (!('lookup' in pinned) || !pinned.lookup) throw new Error('expected a pinned lookup');
    const address = await new Promise((resolve) =>
      pinned.lookup?.('93.184.216.34', {}, (_error, value) => resolve(value)),
    );
    expect(address).toBe('93.184.216.34');
  });
});
