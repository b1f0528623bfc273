import { describe, expect, it } from 'vitest';
import { TtlLruCache } from './ttl-lru.cache.js';

describe('TtlLruCache', () => {
  it('expires each entry after its own TTL and treats a cached null as a hit', () => {
    let now = 0;
    const cache = new TtlLruCache<string | null>(10, () => now);
    cache.set('a', 'A', 100);
    cache.set('b', null, 10);
    expect(cache.get('b')).toBeNull();
    now = 10;
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe('A');
    now = 100;
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('evicts the least recently used entry when full', () => {
    const cache = new TtlLruCache<number>(2);
    cache.set('a', 1, 1000);
    cache.set('b', 2, 1000);
    cache.get('a'); // a is now more recent than b
    cache.set('c', 3, 1000);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
    expect(cache.size).toBe(2);
  });
});
