import { describe, expect, it } from 'vitest';
import { PasswordHasher } from './password.hasher.js';

describe('PasswordHasher', () => {
  const hasher = new PasswordHasher(12);

  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hasher.hash('flowers2024');
    expect(hash.startsWith('scrypt$12$8$1$')).toBe(true);
    expect(await hasher.verify('flowers2024', hash)).toBe(true);
    expect(await hasher.verify('flowers2025', hash)).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hasher.hash('same-pass1')).not.toBe(await hasher.hash('same-pass1'));
  });

  it('verifies hashes made with another cost', async () => {
    const old = await new PasswordHasher(13).hash('pw12345678');
    expect(await hasher.verify('pw12345678', old)).toBe(true);
  });

  it('refuses malformed stored hashes', async () => {
    expect(await hasher.verify('x', 'bcrypt$abc')).toBe(false);
  });
});
