/**
 * Loads demo data through the gateway, with the same public API the clients use, so a fresh
 * `npm start` shows a living marketplace. Safe to run again.
 */
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { loadConfig } from '@bloom/kernel';
import { seedIdentity } from './seed/identity.seed.js';
import { type SeedApi, createSeedApi } from './seed/seed.api.js';

const config = loadConfig(
  'seed',
  z.object({
    SEED_GATEWAY_URL: z.string().url().default('http://127.0.0.1:4000/graphql'),
    ADMIN_EMAIL: z.string().email().default('admin@bloom.local'),
    ADMIN_PASSWORD: z.string().default('admin-bloom-1234'),
  }),
  process.env,
);

const api = createSeedApi(config.SEED_GATEWAY_URL);
await seedIdentity(api, { email: config.ADMIN_EMAIL, password: config.ADMIN_PASSWORD });

// Later contexts add a step module as they land; a missing one is skipped.
const steps: [file: string, exportName: string][] = [
  ['stores.seed.ts', 'seedStores'],
  ['products.seed.ts', 'seedProducts'],
  ['orders.seed.ts', 'seedOrders'],
  ['subscriptions.seed.ts', 'seedSubscriptions'],
];
for (const [file, exportName] of steps) {
  const url = new URL(`seed/${file}`, import.meta.url);
  if (!existsSync(url)) continue;
  const module = (await import(url.href)) as Record<string, (api: SeedApi) => Promise<void>>;
  await module[exportName]?.(api);
}
api.log('done');
