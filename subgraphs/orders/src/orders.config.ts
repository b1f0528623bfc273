import { baseConfigShape, loadConfig } from '@bloom/kernel';
import { z } from 'zod';

const schema = z.object({
  ...baseConfigShape,
  PORT: z.coerce.number().int().min(0).max(65535).default(4004),
  ORDERS_DB: z.string().default('bloom_orders'),
  /** Payment provider base URL (the local PG sandbox in development). */
  PAYMENTS_URL: z.string().url().default('http://127.0.0.1:4011'),
  PAYMENTS_SECRET_KEY: z.string().default('test_sk_bloom_local'),
  PAYMENTS_WEBHOOK_SECRET: z.string().default('whsec_bloom_local'),
  /** Per provider call; past it a capture's outcome is UNKNOWN and reconciled later. */
  PAYMENTS_TIMEOUT_MS: z.coerce.number().int().positive().default(5_000),
  /**
   * Origins an easy-pay returnUrl may point at (comma-separated). Empty: only loopback
   * origins (http://127.0.0.1:…, http://localhost:…), for local runs and tests.
   */
  PAYMENT_RETURN_ORIGINS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((o) => o.trim().replace(/\/$/, ''))
        .filter(Boolean),
    ),
  /** How long a customer has to approve an easy payment on the provider's page. */
  EASY_PAY_APPROVAL_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .positive()
    .default(15 * 60_000),
  /**
   * How long the stores step (reserve flowers, book slot, redeem coupon) or a provider call may
   * take. Long enough to ride out a restart of stores or NATS (under a minute, plus JetStream's
   * 30 s redelivery of what the dead process had taken): the order waits, PENDING, and goes on.
   */
  SAGA_STEP_TIMEOUT_MS: z.coerce.number().int().positive().default(120_000),
  /** A saga quiet this long after the stores answered is resumed by the sweeper. */
  SAGA_RESUME_AFTER_MS: z.coerce.number().int().positive().default(10_000),
  /** How often the deadline sweeper and reconciliation run. */
  SAGA_SWEEP_INTERVAL_MS: z.coerce.number().int().positive().default(5_000),
  /**
   * Checkout back-pressure: while this many saga answers are unfinished (the saga consumer's
   * backlog), a new checkout waits before it is placed. 0 turns it off.
   */
  SAGA_ADMISSION_BACKLOG: z.coerce.number().int().min(0).default(12),
  /** The longest a checkout waits for the saga's backlog; then it goes ahead. */
  SAGA_ADMISSION_MAX_WAIT_MS: z.coerce.number().int().min(0).default(3_000),
  /** Pickups not collected by the end of their day plus this grace are completed. */
  PICKUP_GRACE_HOURS: z.coerce.number().int().min(0).default(24),
  /** Platform commission in percent on settlements. */
  COMMISSION_PERCENT: z.coerce.number().min(0).max(100).default(7),
});

export type OrdersConfig = z.infer<typeof schema>;

export const loadOrdersConfig = (env: Record<string, string | undefined>) =>
  loadConfig('orders', schema, env);
