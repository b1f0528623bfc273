import { loadConfig } from '@bloom/kernel';
import { z } from 'zod';

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4012),
  HOST: z.string().default('127.0.0.1'),
  /** Local-only default; the notifications service's SMS_API_KEY default matches it. */
  SMS_EMULATOR_API_KEY: z.string().min(8).default('local-sms-emulator-key'),
});

export type SmsEmulatorConfig = z.infer<typeof schema>;

export const loadSmsEmulatorConfig = (env: Record<string, string | undefined>) =>
  loadConfig('sms-emulator', schema, env);
