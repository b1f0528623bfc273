import { baseConfigShape, loadConfig } from '@bloom/kernel';
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
  /** Where the local-disk image storage keeps uploaded files. */
  IMAGE_DIR: z.string().default('.local/images/products'),
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
});

export type ProductsConfig = z.infer<typeof schema>;

export const loadProductsConfig = (env: Record<string, string | undefined>) =>
  loadConfig('products', schema, env);
