import { readFileSync } from 'node:fs';
import { type Logger, type Service, createLogger } from '@bloom/kernel';
import { loadGatewayConfig } from '../../gateway/src/gateway.config.js';
import { type GatewayServer, buildGateway } from '../../gateway/src/gateway.server.js';
import {
  ADMIN_ACCOUNT,
  type EventRecorder,
  type GraphQLResponse,
  type Operation,
  TEST_CALLER_SECRET,
  TEST_JWT_SECRET,
  bearer,
  createStreamNamespace,
  deleteStreamNamespace,
  dropDatabase,
  freshDatabaseName,
  gqlRequest,
  recordEvents,
  testEnv,
  listening,
} from '@bloom/testing';
import { graphql } from './generated/index.js';

export const SUBGRAPHS = [
  'identity',
  'stores',
  'products',
  'orders',
  'subscriptions',
  'giftcards',
  'notifications',
] as const;
export type SubgraphName = (typeof SUBGRAPHS)[number];

type Overrides = { logger?: Logger; now?: () => Date };
/** What every subgraph's server.ts exports for this harness. */
type ServerModule = {
  buildServerFromEnv: (
    env: Record<string, string | undefined>,
    overrides: Overrides,
  ) => Promise<Service>;
};

const LOG_IN = graphql(`
  mutation LogIn($i: LogInInput!) {
    logIn(input: $i) {
      __typename
      ... on AuthPayload {
        accessToken
      }
      ... on UserError {
        code
      }
    }
  }
`);

export interface System {
  gatewayUrl: string;
  subgraphUrls: Partial<Record<SubgraphName, string>>;
  namespace: string;
  events: EventRecorder;
  /** The running gateway and subgraph servers, for tests that reach into them. */
  gateway: GatewayServer;
  servers: Partial<Record<SubgraphName, unknown>>;
  /**
   * Another gateway replica over the same subgraphs and NATS (closed with the system); `env`
   * adds to the gateway's own environment only (e.g. `NODE_ENV: 'production'`).
   */
  startGateway(env?: Record<string, string>): Promise<GatewayServer>;
  /** Moves every service's clock. */
  advance(ms: number): void;
  /** The services' clock. */
  now(): Date;
  /** A GraphQL request through the gateway, optionally as a signed-in user. */
  call<R = unknown, V = Record<string, unknown>>(
    query: Operation<R, V>,
    variables?: V,
    token?: string,
  ): Promise<GraphQLResponse<R>>;
  logIn(email: string, password: string): Promise<string>;
  close(): Promise<void>;
}

const logLevel = () => (process.env.TEST_LOG_LEVEL === 'debug' ? 'debug' : 'silent');

/**
 * Starts the named subgraphs and the gateway in this process, each on a free port with its
 * own fresh database, all sharing a fresh stream namespace; the gateway serves the committed
 * supergraph with the subgraph URLs pointed at these servers.
 */
export async function startSystem(
  names: SubgraphName[],
  extraEnv: Record<string, string> = {},
): Promise<System> {
  const namespace = await createStreamNamespace();
  const events = await recordEvents(namespace);
  let offset = 0;
  const now = () => new Date(Date.now() + offset);
  const databases: string[] = [];
  const servers: { close(): Promise<void> }[] = [];
  const subgraphUrls: Partial<Record<SubgraphName, string>> = {};
  const byName: Partial<Record<SubgraphName, unknown>> = {};
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    PORT: '0',
    MONGO_URL: testEnv.MONGO_URL,
    NATS_URL: testEnv.NATS_URL,
    EVENT_NAMESPACE: namespace,
    CALLER_SIGNING_SECRET: TEST_CALLER_SECRET,
    JWT_SECRET: TEST_JWT_SECRET,
    PASSWORD_SCRYPT_LOG_N: '12',
    ADMIN_EMAIL: ADMIN_ACCOUNT.email,
    ADMIN_PASSWORD: ADMIN_ACCOUNT.password,
    LOG_LEVEL: logLevel(),
    ...extraEnv,
  };
  for (const name of names) {
    const db = freshDatabaseName(`e2e${name}`);
    databases.push(db);
    env[`${name.toUpperCase()}_DB`] = db;
  }
  try {
    for (const name of names) {
      // Loaded by path so this harness compiles before every subgraph exists.
      const entry = new URL(`../../subgraphs/${name}/src/server.ts`, import.meta.url).href;
      const module = (await import(/* @vite-ignore */ entry)) as ServerModule;
      const server = await listening(
        module.buildServerFromEnv(env, {
          logger: createLogger({ service: name, level: logLevel() }),
          now,
        }),
      );
      servers.push(server);
      byName[name] = server;
      subgraphUrls[name] = server.url;
    }
    const overrides = Object.fromEntries(
      Object.entries(subgraphUrls).map(([name, url]) => [
        `SUBGRAPH_${name.toUpperCase()}_URL`,
        url,
      ]),
    );
    const supergraphSdl = readFileSync(
      new URL('../../schema/supergraph.graphql', import.meta.url),
      'utf8',
    );
    const launchGateway = (gatewayEnv: Record<string, string> = {}) =>
      listening(
        buildGateway(loadGatewayConfig({ ...env, ...overrides, ...gatewayEnv }), {
          logger: createLogger({ service: 'gateway', level: logLevel() }),
          supergraphSdl,
        }),
      );
    const gateway = await launchGateway();
    servers.unshift(gateway);
    const call: System['call'] = (query, variables, token) =>
      gqlRequest(gateway.url, query, variables, token ? bearer(token) : {});
    return {
      gatewayUrl: gateway.url,
      subgraphUrls,
      namespace,
      events,
      gateway,
      servers: byName,
      startGateway: async (gatewayEnv) => {
        const replica = await launchGateway(gatewayEnv);
        servers.unshift(replica);
        return replica;
      },
      advance: (ms) => {
        offset += ms;
      },
      now,
      call,
      logIn: async (email, password) => {
        const res = await call(LOG_IN, { i: { email, password } });
        const payload = res.data?.logIn;
        const token = payload?.__typename === 'AuthPayload' ? payload.accessToken : undefined;
        if (!token) throw new Error(`log-in failed for ${email}: ${JSON.stringify(res)}`);
        return token;
      },
      close: async () => {
        for (const server of servers) await server.close();
        await events.close();
        await deleteStreamNamespace(namespace);
        for (const db of databases) await dropDatabase(db);
      },
    };
  } catch (error) {
    for (const server of servers) await server.close().catch(() => undefined);
    await events.close();
    throw error;
  }
}
