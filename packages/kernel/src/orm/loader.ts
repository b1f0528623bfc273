import DataLoader from 'dataloader';

/**
 * A per-request loader that fetches many documents by key in one query and returns them in
 * request order (null for missing); `__resolveReference` goes through these.
 */
export function keyedLoader<K, V>(
  fetch: (keys: readonly K[]) => Promise<V[]>,
  keyOf: (value: V) => K,
  cacheKey: (key: K) => unknown = (key) => key,
): DataLoader<K, V | null, unknown> {
  return new DataLoader<K, V | null, unknown>(
    async (keys) => {
      const found = await fetch(keys);
      const byKey = new Map<unknown, V>(found.map((value) => [cacheKey(keyOf(value)), value]));
      return keys.map((key) => byKey.get(cacheKey(key)) ?? null);
    },
    { cacheKeyFn: cacheKey },
  );
}
