import { aiBreakerConfigShape, baseConfigShape, loadConfig } from '@bloom/kernel';
import { z } from 'zod';

const schema = z.object({
  ...baseConfigShape,
  PORT: z.coerce.number().int().min(0).max(65535).default(4003),
  PRODUCTS_DB: z.string().default('bloom_products'),
  /**
   * The origin clients reach this service's upload and image routes at (e.g. the CDN or an
   * ingress path); defaults to the address the service listens on.
   */
  PRODUCTS_PUBLIC_URL: z.string().url().optional(),
  /**
   * Where image bytes live: `local` (files under IMAGE_DIR; one replica, or a shared volume) or
   * `s3` (one bucket that every replica shares: AWS S3 or an S3-compatible server).
   */
  IMAGE_STORAGE: z.enum(['local', 's3']).default('local'),
  /** Where the local-disk image storage keeps uploaded files. */
  IMAGE_DIR: z.string().default('.local/images/products'),
  /** An S3-compatible server (MinIO, R2, the local fake-s3); absent means AWS S3. */
  S3_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  S3_REGION: z.string().min(1).default('ap-northeast-2'),
  S3_BUCKET: z
    .string()
    .regex(
      /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
      'must be an S3 bucket name (3-63 a-z, 0-9, . and -)',
    )
    .optional(),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  /** Path-style URLs (`<endpoint>/<bucket>/<key>`), which most local servers need. */
  S3_FORCE_PATH_STYLE: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /** Signs one-time upload URLs; derived from CALLER_SIGNING_SECRET when not set. */
  UPLOAD_SIGNING_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  UPLOAD_URL_TTL_SECONDS: z.coerce.number().int().positive().default(600),
  IMAGE_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(5 * 1024 * 1024),
  /** Without a key, natural-language search uses the offline parser only. */
  OPENAI_API_KEY: z.string().optional(),
  OPENAI_BASE_URL: z.string().url().optional(),
  OPENAI_MODEL: z.string().default('gpt-4o-mini'),
  /** The AI gets this long to interpret a query before the offline parser answers instead. */
  SEARCH_AI_TIMEOUT_MS: z.coerce.number().int().positive().default(2500),
  /** After repeated AI failures search answers offline at once for a while (the circuit). */
  ...aiBreakerConfigShape,
});

const S3_REQUIRED = ['S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const;

const checked = schema.superRefine((c, ctx) => {
  if (c.IMAGE_STORAGE !== 's3') return;
  for (const name of S3_REQUIRED) {
    if (c[name] === undefined) {
      ctx.addIssue({ code: 'custom', path: [name], message: 'is required when IMAGE_STORAGE=s3' });
    }
  }
});

export type ProductsConfig = z.infer<typeof checked>;

export const loadProductsConfig = (env: Record<string, string | undefined>) =>
  loadConfig('products', checked, env);
