import { z } from 'zod';

const schema = z.object({
  /** The gateway's GraphQL endpoint (npm start: the local gateway). */
  BLOOM_GRAPHQL_URL: z.url().default('http://127.0.0.1:4000/graphql'),
  /** A key with CATALOG_READ, ORDERS_WRITE and EVENTS_READ (docs/integrators.md, quick start). */
  BLOOM_API_KEY: z.string().min(10, 'set BLOOM_API_KEY to an API key (docs/integrators.md)'),
  /** Only this store's products are synced (a florist's own shop); all when unset. */
  POS_STORE_ID: z.string().optional(),
  /** Where this sync listens for webhooks. */
  POS_WEBHOOK_HOST: z.string().default('127.0.0.1'),
  POS_WEBHOOK_PORT: z.coerce.number().int().min(0).max(65535).default(4090),
  /** The URL the platform posts to (behind a tunnel or proxy in production). */
  POS_WEBHOOK_URL: z.url().optional(),
});

export type PosSyncConfig = z.infer<typeof schema>;

/** The example's one config, from the environment; a readable message when it is wrong. */
export function loadPosSyncConfig(env: Record<string, string | undefined>): PosSyncConfig {
  const parsed = schema.safeParse(
    Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== '')),
  );
  if (!parsed.success) {
    throw new Error(
      `pos-sync: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  return parsed.data;
}
