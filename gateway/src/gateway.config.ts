import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { baseConfigShape, csv, loadConfig } from '@bloom/kernel';
import { DEFAULT_TRUSTED_PROXIES, isAddressOrSubnet } from './limits/client-key.reader.js';

/** The subgraphs of the supergraph, by the name composition gives them. */
export const SUBGRAPH_NAMES = [
  'identity',
  'stores',
  'products',
  'orders',
  'subscriptions',
  'giftcards',
  'notifications',
] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

/** Works from src/ and dist/ alike: both sit one level below gateway/. */
const DEFAULT_SUPERGRAPH_PATH = fileURLToPath(
  new URL('../../schema/supergraph.graphql', import.meta.url),
);

/** The first-party clients' operations, written by `npm run schema:compose`. */
const DEFAULT_TRUSTED_DOCUMENTS_PATH = fileURLToPath(
  new URL('../../schema/trusted-documents.json', import.meta.url),
);

const positiveInt = z.coerce.number().int().positive();
const optionalUrl = z.url({ protocol: /^https?$/ }).optional();

const gatewayConfigSchema = z
  .object({
    ...baseConfigShape,
    PORT: z.coerce.number().int().min(0).max(65_535).default(4000),
    JWT_SECRET: z.string().min(32, 'must be at least 32 characters'),
    JWT_ISSUER: z.string().min(1).default('blooming-blooms'),
    JWT_AUDIENCE: z.string().min(1).default('blooming-blooms-api'),
    SUPERGRAPH_PATH: z.string().min(1).default(DEFAULT_SUPERGRAPH_PATH),
    SUBGRAPH_IDENTITY_URL: optionalUrl,
    SUBGRAPH_STORES_URL: optionalUrl,
    SUBGRAPH_PRODUCTS_URL: optionalUrl,
    SUBGRAPH_ORDERS_URL: optionalUrl,
    SUBGRAPH_SUBSCRIPTIONS_URL: optionalUrl,
    SUBGRAPH_GIFTCARDS_URL: optionalUrl,
    SUBGRAPH_NOTIFICATIONS_URL: optionalUrl,
    MAX_QUERY_DEPTH: positiveInt.default(12),
    MAX_QUERY_COST: positiveInt.default(5000),
    API_KEY_RATE_LIMIT_PER_MINUTE: positiveInt.default(600),
    // Per client address (IPv6: per /64), per replica; generous, as a NAT hides many shoppers.
    ANONYMOUS_RATE_LIMIT_PER_MINUTE: positiveInt.default(1200),
    // Set only behind proxies that append the client's address to it (x-forwarded-for).
    TRUSTED_PROXY_HEADER: z
      .string()
      .regex(/^[A-Za-z0-9-]+$/, 'must be a header name')
      .transform((name) => name.toLowerCase())
      .optional(),
    TRUSTED_PROXIES: csv
      .refine((entries) => entries.every(isAddressOrSubnet), 'must be IP addresses or CIDR subnets')
      .default([...DEFAULT_TRUSTED_PROXIES]),
    // Longer than the orders subgraph's payment timeout (5 s): a checkout still gets its answer.
    REQUEST_TIME_BUDGET_MS: positiveInt.default(10_000),
    // How long ended sessions and revoked keys are remembered: longer than an access token lives.
    REVOCATION_RETENTION_MINUTES: positiveInt.default(60),
    // Both default by NODE_ENV below: open in development, closed elsewhere.
    EXPLORER: z.stringbool().optional(),
    CORS_ORIGINS: csv.optional(),
    // Defaults by NODE_ENV below: enforced in production only (docs/gateway-limits.md).
    TRUSTED_DOCUMENTS: z.enum(['enforce', 'off']).optional(),
    TRUSTED_DOCUMENTS_PATH: z.string().min(1).default(DEFAULT_TRUSTED_DOCUMENTS_PATH),
  })
  .transform(({ EXPLORER, CORS_ORIGINS, TRUSTED_DOCUMENTS, ...env }) => {
    const development = env.NODE_ENV === 'development';
    const overrides: Partial<Record<SubgraphName, string>> = {};
    for (const name of SUBGRAPH_NAMES) {
      const url = env[`SUBGRAPH_${name.toUpperCase()}_URL` as `SUBGRAPH_IDENTITY_URL`];
      if (url) overrides[name] = url;
    }
    return {
      ...env,
      /** Replaces the URL the supergraph names for a subgraph (other hosts, ports, test servers). */
      SUBGRAPH_URLS: overrides,
      EXPLORER: EXPLORER ?? development,
      CORS_ORIGINS: CORS_ORIGINS ?? (development ? ['*'] : []),
      /** enforce: without an API key, only the clients' trusted documents run. */
      TRUSTED_DOCUMENTS: TRUSTED_DOCUMENTS ?? (env.NODE_ENV === 'production' ? 'enforce' : 'off'),
    };
  });

export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;

/** Validates the environment once at boot; throws a ConfigError listing every problem. */
export function loadGatewayConfig(env: Record<string, string | undefined>): GatewayConfig {
  return loadConfig('gateway', gatewayConfigSchema, env);
}
