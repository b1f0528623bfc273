import { baseConfigShape, loadConfig } from '@bloom/kernel';
import { z } from 'zod';

const positiveInt = z.coerce.number().int().positive();

// Only the shared variables an emulator uses: it has no database, broker or caller signature.
const schema = z.object({
  LOG_LEVEL: baseConfigShape.LOG_LEVEL,
  HOST: baseConfigShape.HOST,
  PORT: z.coerce.number().int().min(0).max(65535).default(4011),
  /** What callers send as `Authorization: Basic …` (raw, or base64 of `key:` as real PGs expect). */
  PG_SECRET_KEY: z.string().min(8).default('test_sk_bloom_local'),
  /** Signs webhook bodies (HMAC-SHA256, hex, header X-Pg-Signature). */
  PG_WEBHOOK_SECRET: z.string().min(8).default('whsec_bloom_local'),
  /** How long the `timeout` scenario holds a response before answering 504. */
  EMULATOR_TIMEOUT_MS: positiveInt.default(15_000),
  /** Base of the approvalUrl handed to customers; defaults to the listening address. */
  PG_PUBLIC_URL: z.url().optional(),
  WEBHOOK_MAX_ATTEMPTS: positiveInt.max(20).default(5),
  /** First retry delay; each further retry doubles it. */
  WEBHOOK_RETRY_BASE_MS: positiveInt.default(1_000),
  WEBHOOK_ATTEMPT_TIMEOUT_MS: positiveInt.default(5_000),
  /** Memory bound: the oldest payments, billing keys and idempotency records are dropped past it. */
  EMULATOR_MAX_RECORDS: positiveInt.default(10_000),
});

export type PaymentsEmulatorConfig = z.infer<typeof schema>;

export const loadPaymentsEmulatorConfig = (env: Record<string, string | undefined>) =>
  loadConfig('payments-emulator', schema, env);
