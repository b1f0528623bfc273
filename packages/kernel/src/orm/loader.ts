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

/**
 * A per-request loader for one-to-many reads: every key's documents in one query, grouped by
 * `keyOf` and returned in request order (an empty list for a key with none).
 */
export function groupedLoader<K, V>(
  fetch: (keys: readonly K[]) => Promise<V[]>,
  keyOf: (value: V) => K,
): DataLoader<K, V[], K> {
  return new DataLoader<K, V[], K>(async (keys) => {
    const groups = new Map<K, V[]>(keys.map((key) => [key, []]));
    for (const value of await fetch(keys)) groups.get(keyOf(value))?.push(value);
    return keys.map((key) => groups.get(key) ?? []);
  });
}
