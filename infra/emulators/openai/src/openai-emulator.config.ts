import { baseConfigShape, loadConfig } from '@bloom/kernel';
import { z } from 'zod';

export const EMULATOR_MODES = ['normal', 'slow', 'fail', 'garbage'] as const;
export type EmulatorMode = (typeof EMULATOR_MODES)[number];

// Only the shared variables an emulator uses: it has no database, broker or caller signature.
const schema = z.object({
  LOG_LEVEL: baseConfigShape.LOG_LEVEL,
  HOST: baseConfigShape.HOST,
  PORT: z.coerce.number().int().min(0).max(65535).default(4010),
  /** How it answers until `POST /__mode` changes it. */
  OPENAI_EMULATOR_MODE: z.enum(EMULATOR_MODES).default('normal'),
  /** How long `slow` holds each answer (longer than the services' AI timeouts). */
  OPENAI_EMULATOR_SLOW_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
});

export type OpenAiEmulatorConfig = z.infer<typeof schema>;

export const loadOpenAiEmulatorConfig = (env: Record<string, string | undefined>) =>
  loadConfig('openai-emulator', schema, env);
