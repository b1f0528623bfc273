import { describe, expect, it } from 'vitest';
import { SECRET_LENGTH, hashSecret, newShareSecret, secretMatches } from './share.secret.js';

describe('share secrets', () => {
  it('are 12 base62 characters (≥ 58 bits) and never repeat in practice', () => {
    const secrets = Array.from({ length: 2000 }, newShareSecret);
    for (const s of secrets) expect(s).toMatch(/^[0-9A-Za-z]{12}$/);
    expect(new Set(secrets).size).toBe(secrets.length);
    expect(SECRET_LENGTH * Math.log2(62)).toBeGreaterThan(58);
  });

  it('match only their own hash; a missing card never matches', () => {
    const secret = newShareSecret();
    expect(secretMatches(secret, hashSecret(secret))).toBe(true);
    expect(secretMatches(newShareSecret(), hashSecret(secret))).toBe(false);
    expect(secretMatches(secret, undefined)).toBe(false);
    expect(secretMatches('', hashSecret(''))).toBe(false);
  });
});
