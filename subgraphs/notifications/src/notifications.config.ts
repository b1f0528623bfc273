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
});

export type NotificationsConfig = z.infer<typeof schema>;

export const loadNotificationsConfig = (env: Record<string, string | undefined>) =>
  loadConfig('notifications', schema, env);
