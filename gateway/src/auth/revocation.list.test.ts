import { describe, expect, it } from 'vitest';
import { RevocationList } from './revocation.list.js';

describe('RevocationList', () => {
  it('refuses a named session, a revoked key, and tokens issued up to a suspension', () => {
    let now = 1_000_000;
    const list = new RevocationList(60_000, () => now);
    list.add({ kind: 'session', userId: 'u1', sessionId: 's1' }, now);
    list.add({ kind: 'key', userId: 'u1', apiKeyId: 'k1' }, now);
    list.add({ kind: 'user', userId: 'u2', reason: 'SUSPENDED', atMs: now }, now);

    expect(list.refusesToken({ userId: 'u1', sessionId: 's1', issuedAtMs: 0 })?.kind).toBe(
      'session',
    );
    expect(list.refusesToken({ userId: 'u1', sessionId: 's2', issuedAtMs: 0 })).toBeUndefined();
    expect(list.refusesKey('k1')?.kind).toBe('key');
    expect(list.refusesKey('k2')).toBeUndefined();
    expect(list.refusesToken({ userId: 'u2', issuedAtMs: now })?.kind).toBe('user');
    // Signed in again after a reinstatement: a later token is accepted.
    expect(list.refusesToken({ userId: 'u2', issuedAtMs: now + 1_000 })).toBeUndefined();

    now += 60_001;
    expect(list.refusesKey('k1')).toBeUndefined();
    expect(list.refusesToken({ userId: 'u1', sessionId: 's1', issuedAtMs: 0 })).toBeUndefined();
  });

  it('tells listeners, and ignores what expired before it arrived', () => {
    const now = 10_000_000;
    const list = new RevocationList(60_000, () => now);
    const heard: string[] = [];
    list.onRevoked((revocation) => heard.push(revocation.kind));
    list.add({ kind: 'key', userId: 'u', apiKeyId: 'old' }, now - 120_000);
    list.add({ kind: 'key', userId: 'u', apiKeyId: 'new' }, now);
    expect(heard).toEqual(['key']);
    expect(list.size()).toBe(1);
  });
});
