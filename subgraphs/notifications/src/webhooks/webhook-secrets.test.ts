import { describe, expect, it } from 'vitest';
import { SecretBox, newSigningSecret } from './webhook-secrets.js';

describe('webhook secrets', () => {
  it('are sealed at rest and open only with the same key', () => {
    const secret = newSigningSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const box = new SecretBox('a-passphrase-of-at-least-32-characters');
    const sealed = box.seal(secret);
    expect(sealed).not.toContain(secret.slice(6));
    expect(box.open(sealed)).toBe(secret);
    expect(box.seal(secret)).not.toBe(sealed);
    expect(() => new SecretBox('another-passphrase-of-32-characters!').open(sealed)).toThrow();
  });
});
