import { baseConfigShape, loadConfig } from '@bloom/kernel';
import { z } from 'zod';

const schema = z.object({
  ...baseConfigShape,
  PORT: z.coerce.number().int().min(0).max(65535).default(4005),
  SUBSCRIPTIONS_DB: z.string().default('bloom_subscriptions'),
  /** Payment provider base URL (the local PG sandbox in development): billing keys. */
  PAYMENTS_URL: z.string().url().default('http://127.0.0.1:4011'),
  PAYMENTS_SECRET_KEY: z.string().default('test_sk_bloom_local'),
  PAYMENTS_TIMEOUT_MS: z.coerce.number().int().positive().default(5_000),
  /** A cycle is charged (and its order created) this many days before its delivery. */
  SUBSCRIPTION_CHARGE_LEAD_DAYS: z.coerce.number().int().min(0).max(14).default(2),
  /** Hours between charge attempts of one cycle; the list's length is the number of retries. */
  SUBSCRIPTION_RETRY_HOURS: z
    .string()
    .default('6,24')
    .transform((v) => v.split(',').filter(Boolean).map(Number))
    .pipe(z.array(z.number().positive())),
  /** How often the cycle scheduler runs (0 = never on its own; tests run it by hand). */
  SUBSCRIPTION_SCHEDULER_INTERVAL_MS: z.coerce.number().int().min(0).default(60_000),
});

export type SubscriptionsConfig = z.infer<typeof schema>;

export const loadSubscriptionsConfig = (env: Record<string, string | undefined>) =>
  loadConfig('subscriptions', schema, env);
