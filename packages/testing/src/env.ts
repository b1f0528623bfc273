import { z } from 'zod';
import { loadConfig } from '@bloom/kernel';

/**
 * Where the test suite finds its database and NATS: `npm test` starts a fresh in-memory
 * mongo-java-server on 27018 (infra/local/up.sh --test) and sets MONGO_URL.
 */
export const testEnv = loadConfig(
  'tests',
  z.object({
    MONGO_URL: z.string().default('mongodb://127.0.0.1:27018'),
    NATS_URL: z.string().default('nats://127.0.0.1:4222'),
    /** `debug` prints the services' logs during tests. */
    TEST_LOG_LEVEL: z
      .string()
      .optional()
      .transform((level): 'debug' | 'silent' => (level === 'debug' ? 'debug' : 'silent')),
  }),
  // The test harness is the one place outside a service's main.ts that reads the environment.
  process.env,
);

/** A fixed signing secret shared by in-process gateways and subgraphs in tests. */
export const TEST_CALLER_SECRET = 'test-caller-secret-0123456789abcdef0123456789';
export const TEST_JWT_SECRET = 'test-jwt-secret-0123456789abcdef0123456789abcdef';
