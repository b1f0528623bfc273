import { baseConfigShape, loadConfig } from '@bloom/kernel';
import { z } from 'zod';

const schema = z.object({
  ...baseConfigShape,
  PORT: z.coerce.number().int().min(0).max(65535).default(4002),
  STORES_DB: z.string().default('bloom_stores'),
  /** One low-stock notice per store and flower per window; windows start at Seoul midnight. */
  LOW_STOCK_WINDOW_HOURS: z.coerce.number().int().min(1).max(168).default(24),
  /**
   * How long opening a store waits for the seller's approval event to arrive (a seller who
   * opens a store right after approval may be ahead of the event).
   */
  APPROVAL_WAIT_MS: z.coerce.number().int().min(0).max(30_000).default(5_000),
  /** Saga events handled at once per consumer; correctness never depends on it. */
  SAGA_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(8),
});

export type StoresConfig = z.infer<typeof schema>;

export const loadStoresConfig = (env: Record<string, string | undefined>) =>
  loadConfig('stores', schema, env);
