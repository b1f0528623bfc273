import { loadConfig } from '@bloom/kernel';
import { z } from 'zod';

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4013),
  HOST: z.string().default('127.0.0.1'),
  /** Deliveries kept (oldest dropped first). */
  WEBHOOK_RECEIVER_MAX_RECORDS: z.coerce.number().int().positive().default(1_000),
});

export type WebhooksEmulatorConfig = z.infer<typeof schema>;

export const loadWebhooksEmulatorConfig = (env: Record<string, string | undefined>) =>
  loadConfig('webhooks-emulator', schema, env);
