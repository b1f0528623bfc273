import { type Caller, createLogger } from '@bloom/kernel';
import {
  TEST_CALLER_SECRET,
  TEST_JWT_SECRET,
  callerHeaders,
  createStreamNamespace,
  deleteStreamNamespace,
  dropDatabase,
  freshDatabaseName,
  gqlRequest,
  recordEvents,
  testEnv,
  type EventRecorder,
} from '@bloom/testing';
import { loadIdentityConfig } from '../src/identity.config.js';
import { type IdentityServer, buildServer } from '../src/server.js';

export const ADMIN = { email: 'admin@bloom.test', password: 'admin-pass-1' };

export interface IdentityHarness {
  server: IdentityServer;
  events: EventRecorder;
  namespace: string;
  /** Moves the service's clock. */
  advance(ms: number): void;
  call<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    caller?: Partial<Caller>,
  ): ReturnType<typeof gqlRequest<T>>;
  close(): Promise<void>;
}

/** Starts a real identity subgraph on a free port with its own database and stream namespace. */
export async function startIdentity(
  label: string,
  env: Record<string, string> = {},
): Promise<IdentityHarness> {
  const dbName = freshDatabaseName(label);
  const namespace = await createStreamNamespace();
  const events = await recordEvents(namespace);
  let offset = 0;
  const config = loadIdentityConfig({
    PORT: '0',
    MONGO_URL: testEnv.MONGO_URL,
    NATS_URL: testEnv.NATS_URL,
    EVENT_NAMESPACE: namespace,
    IDENTITY_DB: dbName,
    CALLER_SIGNING_SECRET: TEST_CALLER_SECRET,
    JWT_SECRET: TEST_JWT_SECRET,
    PASSWORD_SCRYPT_LOG_N: '12',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: 'silent',
    ...env,
  });
  const server = await buildServer(config, {
    logger: createLogger({
      service: 'identity',
      level: process.env.TEST_LOG_LEVEL === 'debug' ? 'debug' : 'silent',
    }),
    now: () => new Date(Date.now() + offset),
  });
  await server.listen();
  return {
    server,
    events,
    namespace,
    advance: (ms) => {
      offset += ms;
    },
    call: (query, variables = {}, caller = {}) =>
      gqlRequest(server.url, query, variables, callerHeaders(caller)),
    close: async () => {
      await server.close();
      await events.close();
      await deleteStreamNamespace(namespace);
      await dropDatabase(dbName);
    },
  };
}

export const AUTH_FIELDS = `
  __typename
  ... on AuthPayload { accessToken refreshToken expiresIn user { id email roles status seller { status } } }
  ... on UserError { code message }
`;
export const INPUT_ERROR = '... on InvalidInputError { field }';
