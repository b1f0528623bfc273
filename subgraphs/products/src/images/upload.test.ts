import { describe, expect, it } from 'vitest';
import { contentTypeOfKey, sniffImageType } from './image-type.js';
import { UploadTokens } from './upload-token.js';

describe('image type sniffing', () => {
  it('recognises JPEG, PNG and WebP by their first bytes only', () => {
    expect(sniffImageType(Buffer.from([0xff, 0xd8, 0xff, 0xdb]))?.contentType).toBe('image/jpeg');
    expect(
      sniffImageType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))?.ext,
    ).toBe('png');
    expect(sniffImageType(Buffer.from('RIFF\u0000\u0000\u0000\u0000WEBPVP8 '))?.ext).toBe('webp');
    expect(sniffImageType(Buffer.from('RIFF\u0000\u0000\u0000\u0000WAVEfmt '))).toBeNull();
    expect(sniffImageType(Buffer.from('GIF89a'))).toBeNull();
    expect(sniffImageType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffImageType(Buffer.alloc(0))).toBeNull();
  });

  it('maps keys to content types and rejects anything else', () => {
    expect(contentTypeOfKey('0123456789abcdef0123456789abcdef.webp')).toBe('image/webp');
    expect(contentTypeOfKey('../../etc/passwd')).toBeNull();
    expect(contentTypeOfKey('0123456789abcdef0123456789abcdef.svg')).toBeNull();
  });
});

describe('upload tokens', () => {
  const tokens = new UploadTokens('a-secret-that-is-long-enough-0123456789');
  const now = new Date('2025-05-01T00:00:00Z');

  it('grants one user one upload until it expires', () => {
    const { token, grant } = tokens.issue('user-1', 600, now);
    expect(tokens.verify(token, now)).toEqual(grant);
    expect(tokens.verify(token, new Date(now.getTime() + 601_000))).toBe('expired');
  });

  it('refuses tampered or foreign tokens', () => {
    const { token } = tokens.issue('user-1', 600, now);
    const [payload, signature] = token.split('.');
    const forged = Buffer.from(
      JSON.stringify({ id: 'a'.repeat(32), userId: 'x', expiresAt: 9e9 }),
    ).toString('base64url');
    expect(tokens.verify(`${forged}.${signature}`, now)).toBe('invalid');
    expect(tokens.verify(`${payload}.AAAA`, now)).toBe('invalid');
    expect(tokens.verify(`${payload}`, now)).toBe('invalid');
    expect(new UploadTokens('another-secret-that-is-long-enough-000').verify(token, now)).toBe(
      'invalid',
    );
  });
});
