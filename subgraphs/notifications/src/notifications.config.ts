import { baseConfigShape, loadConfig } from '@bloom/kernel';
import { z } from 'zod';

const hour = z.coerce.number().int().min(0).max(23);

const schema = z.object({
  ...baseConfigShape,
  PORT: z.coerce.number().int().min(0).max(65535).default(4007),
  NOTIFICATIONS_DB: z.string().default('bloom_notifications'),
  /** The SMS gateway (the local emulator by default); also serves outgoing mail at /v1/mail. */
  SMS_API_URL: z.url({ protocol: /^https?$/ }).default('http://127.0.0.1:4012'),
  SMS_ACCOUNT: z.string().min(1).default('bloom'),
  SMS_API_KEY: z.string().min(8).default('local-sms-emulator-key'),
  MAIL_FROM: z.string().default('Blooming Blooms <no-reply@bloom.local>'),
  /** Quiet hours for non-urgent SMS, in Asia/Seoul (UTC+9, no daylight saving). */
  QUIET_HOURS_START: hour.default(21),
  QUIET_HOURS_END: hour.default(8),
  /** How often deferred and failed SMS are retried. */
  SMS_SWEEP_INTERVAL_MS: z.coerce.number().int().positive().default(30_000),
  PROVIDER_TIMEOUT_MS: z.coerce.number().int().positive().default(5_000),
  /**
   * Webhook URLs that resolve to loopback, private or link-local addresses: allowed where
   * the receivers are local (development, tests), refused otherwise (SSRF). Default: allowed
   * unless NODE_ENV is production.
   */
  WEBHOOK_ALLOW_PRIVATE_URLS: z.enum(['true', 'false']).optional(),
  /** One delivery attempt, answer included. */
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().positive().default(5_000),
  /** First retry delay; each further retry doubles it (with jitter), up to an hour. */
  WEBHOOK_BACKOFF_BASE_MS: z.coerce.number().int().positive().default(30_000),
  /** How long a delivery is retried before it is given up. */
  WEBHOOK_RETRY_FOR_MS: z.coerce
    .number()
    .int()
    .positive()
    .default(24 * 3_600_000),
  /** Consecutive failed attempts after which an endpoint is disabled and its owner told. */
  WEBHOOK_DISABLE_AFTER: z.coerce.number().int().positive().default(20),
  /** How often due retries are looked for. */
  WEBHOOK_SWEEP_INTERVAL_MS: z.coerce.number().int().positive().default(5_000),
  /**
   * Encrypts the endpoints' signing secrets at rest (AES-256-GCM, key derived from this).
   * Must be set outside development and tests.
   */
  WEBHOOK_SECRETS_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
});

const checked = schema
  .refine((c) => c.NODE_ENV !== 'production' || c.WEBHOOK_SECRETS_KEY !== undefined, {
    path: ['WEBHOOK_SECRETS_KEY'],
    message: 'is required in production',
  })
  .transform((c) => ({
    ...c,
    WEBHOOK_ALLOW_PRIVATE_URLS:
      c.WEBHOOK_ALLOW_PRIVATE_URLS === undefined
        ? c.NODE_ENV !== 'production'
        : c.WEBHOOK_ALLOW_PRIVATE_URLS === 'true',
    WEBHOOK_SECRETS_KEY: c.WEBHOOK_SECRETS_KEY ?? 'local-development-webhook-secrets-key-0123',
  }));

export type NotificationsConfig = z.infer<typeof checked>;

export const loadNotificationsConfig = (env: Record<string, string | undefined>) =>
  loadConfig('notifications', checked, env);
