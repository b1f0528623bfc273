import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { composeServices } from '@apollo/composition';
import { ApolloServer } from '@apollo/server';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { GraphQLError, parse } from 'graphql';
import { SignJWT } from 'jose';
import {
  CALLER_HEADER,
  type Caller,
  type Logger,
  createLogger,
  handleGraphQLRequest,
  sendJson,
  verifyCaller,
} from '@bloom/kernel';
import { TEST_CALLER_SECRET, TEST_JWT_SECRET, freePort, listening } from '@bloom/testing';
import { loadGatewayConfig } from '../src/gateway.config.js';
import { type GatewayServer, buildGateway } from '../src/gateway.server.js';

/**
 * Two tiny federated subgraphs, "identity" and "stores", each on its own node:http server that
 * verifies the gateway's caller signature exactly as the real subgraphs do. They are
 * deliberately careless with errors (no masking, stack traces on) so the gateway's masking is
 * what the tests see.
 */

const CALLER_INFO = `
  type CallerInfo @shareable {
    kind: String!
    userId: String
    roles: [String!]!
    scopes: [String!]!
    apiKeyId: String
    traceId: String!
  }
`;

const IDENTITY_SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@inaccessible"])

  type Query {
    whoami: CallerInfo!
    user(id: ID!): User
    users(first: Int): [User!]!
    failInternally: String
    failForbidden: String
    apiKeyPrincipal(key: String!): ApiKeyPrincipal @inaccessible
  }

  type ApiKeyPrincipal @inaccessible {
    apiKeyId: ID!
    ownerUserId: ID!
    scopes: [String!]!
  }

  type User @key(fields: "id") {
    id: ID!
    name: String!
    friends(first: Int): [User!]!
  }
  ${CALLER_INFO}
`;

const STORES_SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable"])

  type User @key(fields: "id") {
    id: ID!
    store: Store
    "The caller as the stores subgraph saw it when resolving this entity."
    seenByStores: CallerInfo!
  }

  type Store {
    id: ID!
    name: String!
  }
  ${CALLER_INFO}
`;

export const API_KEYS: Record<string, { apiKeyId: string; ownerUserId: string; scopes: string[] }> =
  {
    bk_live_valid: { apiKeyId: 'key-1', ownerUserId: 'owner-1', scopes: ['orders:read'] },
    bk_live_other: { apiKeyId: 'key-2', ownerUserId: 'owner-2', scopes: [] },
  };

interface SubgraphContext {
  caller: Caller;
}

export interface FakeSubgraph {
  name: string;
  url: string;
  /** Every verified caller, in arrival order. */
  callers: Caller[];
  /** The x-trace-id header of every request. */
  traceIds: (string | undefined)[];
  close(): Promise<void>;
}

const userName = (id: string) => `User ${id}`;

/** What every fake subgraph's /ready reports as its version. */
export const FAKE_SUBGRAPH_VERSION = '9.9.9-fake';

async function startFakeSubgraph(
  name: string,
  typeDefs: string,
  resolvers: GraphQLResolverMap<SubgraphContext>,
): Promise<FakeSubgraph> {
  const apollo = new ApolloServer<SubgraphContext>({
    schema: buildSubgraphSchema({
      typeDefs: parse(typeDefs),
      resolvers: resolvers as GraphQLResolverMap<unknown>,
    }),
    includeStacktraceInErrorResponses: true,
    csrfPrevention: false,
    stopOnTerminationSignals: false,
    logger: silentApolloLogger,
  });
  await apollo.start();
  const callers: Caller[] = [];
  const traceIds: (string | undefined)[] = [];
  const server = createServer((req, res) => {
    if (req.url === '/health') return sendJson(res, 200, { status: 'ok' });
    if (req.url === '/ready') {
      return sendJson(res, 200, { status: 'ready', service: name, version: FAKE_SUBGRAPH_VERSION });
    }
    let caller: Caller;
    try {
      caller = verifyCaller(req.headers[CALLER_HEADER] as string | undefined, TEST_CALLER_SECRET);
    } catch (error) {
      return sendJson(res, 401, {
        errors: [{ message: (error as Error).message, extensions: { code: 'UNAUTHENTICATED' } }],
      });
    }
    callers.push(caller);
    traceIds.push(req.headers['x-trace-id'] as string | undefined);
    void handleGraphQLRequest(apollo, req, res, () => Promise.resolve({ caller }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    name,
    url: `http://127.0.0.1:${port}/graphql`,
    callers,
    traceIds,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await apollo.stop();
    },
  };
}

export interface Federation {
  identity: FakeSubgraph;
  stores: FakeSubgraph;
  /** Composed with unreachable URLs: the gateway only works if the overrides are applied. */
  supergraphSdl: string;
  /** SUBGRAPH_*_URL overrides pointing at the running fake subgraphs. */
  urlEnv: Record<string, string>;
  close(): Promise<void>;
}

export async function startFederation(): Promise<Federation> {
  const identity = await startFakeSubgraph('identity', IDENTITY_SDL, {
    Query: {
      whoami: (_: unknown, __: unknown, { caller }: SubgraphContext) => caller,
      user: (_: unknown, { id }: { id: string }) => ({ id, name: userName(id) }),
      users: (_: unknown, { first }: { first?: number }) =>
        Array.from({ length: first ?? 3 }, (_, i) => ({ id: `u${i}`, name: userName(`u${i}`) })),
      failInternally: () => {
        throw new Error('connection to mongodb://admin:hunter2@db-7 refused');
      },
      failForbidden: () => {
        throw new GraphQLError('Only sellers can do this.', { extensions: { code: 'FORBIDDEN' } });
      },
      apiKeyPrincipal: (_: unknown, { key }: { key: string }) => API_KEYS[key] ?? null,
    },
    User: {
      __resolveReference: ({ id }: { id: string }) => ({ id, name: userName(id) }),
      friends: () => [],
    },
  });
  const stores = await startFakeSubgraph('stores', STORES_SDL, {
    User: {
      __resolveReference: ({ id }: { id: string }) => ({ id }),
      store: ({ id }: { id: string }) => ({ id: `store-of-${id}`, name: `Blooms of ${id}` }),
      seenByStores: (_: unknown, __: unknown, { caller }: SubgraphContext) => caller,
    },
  });

  const unreachable = (port: number) => `http://127.0.0.1:${port}/graphql`;
  const composed = composeServices([
    { name: 'identity', typeDefs: parse(IDENTITY_SDL), url: unreachable(9) },
    { name: 'stores', typeDefs: parse(STORES_SDL), url: unreachable(9) },
  ]);
  if (composed.errors) {
    throw new Error(`composition failed: ${composed.errors.map((e) => e.message).join('; ')}`);
  }
  return {
    identity,
    stores,
    supergraphSdl: composed.supergraphSdl,
    urlEnv: { SUBGRAPH_IDENTITY_URL: identity.url, SUBGRAPH_STORES_URL: stores.url },
    close: async () => {
      await Promise.all([identity.close(), stores.close()]);
    },
  };
}

export interface TestGateway {
  gateway: GatewayServer;
  /** http://127.0.0.1:<port>, for paths other than /graphql. */
  base: string;
  url: string;
  /** The gateway's JSON log lines, parsed. */
  logs: Record<string, unknown>[];
  close(): Promise<void>;
}

/** A gateway in this process, on a free port, in front of the fake subgraphs. */
export async function startTestGateway(
  federation: Federation,
  env: Record<string, string> = {},
): Promise<TestGateway> {
  const port = await freePort();
  const config = loadGatewayConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'debug',
    PORT: String(port),
    CALLER_SIGNING_SECRET: TEST_CALLER_SECRET,
    JWT_SECRET: TEST_JWT_SECRET,
    ...federation.urlEnv,
    ...env,
  });
  const logs: Record<string, unknown>[] = [];
  const logger: Logger = createLogger({
    service: 'gateway',
    level: 'debug',
    sink: (line) => logs.push(JSON.parse(line) as Record<string, unknown>),
  });
  const gateway = await listening(
    buildGateway(config, { logger, supergraphSdl: federation.supergraphSdl }),
  );
  return {
    gateway,
    base: `http://127.0.0.1:${gateway.port}`,
    url: gateway.url,
    logs,
    close: () => gateway.close(),
  };
}

export interface TokenOptions {
  sub?: string;
  roles?: string[];
  typ?: string;
  secret?: string;
  issuer?: string;
  audience?: string;
  /** Seconds from now; negative for an expired token. */
  expiresIn?: number;
}

/** An HS256 token shaped like the identity service's, with every part overridable. */
export async function signToken(options: TokenOptions = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ roles: options.roles ?? ['CUSTOMER'], typ: options.typ ?? 'access' })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(options.sub ?? 'user-1')
    .setIssuer(options.issuer ?? 'blooming-blooms')
    .setAudience(options.audience ?? 'blooming-blooms-api')
    .setIssuedAt(now - 60)
    .setExpirationTime(now + (options.expiresIn ?? 900))
    .sign(new TextEncoder().encode(options.secret ?? TEST_JWT_SECRET));
}

const silentApolloLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
