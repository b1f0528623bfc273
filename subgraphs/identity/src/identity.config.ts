import { baseConfigShape, loadConfig } from '@bloom/kernel';
import { z } from 'zod';

const schema = z
  .object({
    ...baseConfigShape,
    PORT: z.coerce.number().int().min(0).max(65535).default(4001),
    IDENTITY_DB: z.string().default('bloom_identity'),
    JWT_SECRET: z.string().min(32, 'must be at least 32 characters'),
    JWT_ISSUER: z.string().default('blooming-blooms'),
    JWT_AUDIENCE: z.string().default('blooming-blooms-api'),
    ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().positive().default(900),
    REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().positive().default(14),
    /** log2 of scrypt's N; 17 (128 MiB) in production, lower in tests only. */
    PASSWORD_SCRYPT_LOG_N: z.coerce.number().int().min(12).max(20).default(17),
    EMAIL_CODE_TTL_MINUTES: z.coerce.number().int().positive().default(10),
    SIGNUP_BLOCK_HOURS: z.coerce.number().int().positive().default(24),
    ADMIN_EMAIL: z.string().email().optional(),
    ADMIN_PASSWORD: z.string().min(8).optional(),
    ADMIN_NAME: z.string().default('Platform Admin'),
    /** Writes verification codes to the log in development until notifications sends mail. */
    DEV_MAIL_LOG: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true'),
  })
  .refine((c) => (c.ADMIN_EMAIL === undefined) === (c.ADMIN_PASSWORD === undefined), {
    message: 'ADMIN_EMAIL and ADMIN_PASSWORD go together',
    path: ['ADMIN_PASSWORD'],
  });

export type IdentityConfig = z.infer<typeof schema>;

export const loadIdentityConfig = (env: Record<string, string | undefined>) =>
  loadConfig('identity', schema, env);
