import {
  type EventBus,
  type Logger,
  type OutboxRelay,
  type Service,
  ServiceRuntime,
  createLogger,
  createSubgraphServer,
  serviceOf,
  serviceVersion,
} from '@bloom/kernel';
import { Address } from './addresses/address.entity.js';
import { ApiKey } from './api-keys/api-key.entity.js';
import { AuditConsumer } from './audit/audit.consumer.js';
import { AuditEntryRecord } from './audit/audit.entity.js';
import {
  RefreshToken,
  LoginAttempt,
  RevokedTokenFamily,
  SignupBlock,
  TokenRotation,
} from './auth/auth.entities.js';
import { PasswordHasher } from './auth/password.hasher.js';
import { TokenIssuer } from './auth/token.issuer.js';
import { type IdentityConfig, loadIdentityConfig } from './identity.config.js';
import { buildServices, createContext } from './identity.context.js';
import type { IdentityDeps } from './identity.deps.js';
import { buildSchema } from './schema.js';
import { SellerDecision } from './sellers/seller.entities.js';
import { User } from './users/user.entity.js';
import { EmailCode, EmailCodeAttempt } from './verification/email-code.entity.js';

export const identityEntities = [
  User,
  RefreshToken,
  TokenRotation,
  RevokedTokenFamily,
  SignupBlock,
  LoginAttempt,
  SellerDecision,
  EmailCode,
  EmailCodeAttempt,
  Address,
  ApiKey,
  AuditEntryRecord,
];

export interface IdentityServer extends Service {
  deps: IdentityDeps;
  relay: OutboxRelay;
  bus: EventBus;
  audit: AuditConsumer;
}

/** Wires the identity service: runtime, the first admin and GraphQL; not listening yet. */
export async function buildServer(
  config: IdentityConfig,
  overrides: { logger?: Logger; now?: () => Date } = {},
): Promise<IdentityServer> {
  const logger = overrides.logger ?? createLogger({ service: 'identity', level: config.LOG_LEVEL });
  const runtime = await ServiceRuntime.start({
    name: 'identity',
    logger,
    mongoUrl: config.MONGO_URL,
    dbName: config.IDENTITY_DB,
    entities: identityEntities,
    natsUrl: config.NATS_URL,
    namespace: config.EVENT_NAMESPACE,
    eventConcurrency: config.EVENT_CONCURRENCY,
    outbox: ['users', 'api_keys', 'audit_entries'],
  });
  const { orm, bus, relay } = runtime;
  const deps: IdentityDeps = {
    config,
    logger,
    relay,
    hasher: new PasswordHasher(config.PASSWORD_SCRYPT_LOG_N),
    tokens: new TokenIssuer({
      secret: config.JWT_SECRET,
      issuer: config.JWT_ISSUER,
      audience: config.JWT_AUDIENCE,
      accessTtlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
      refreshTtlDays: config.REFRESH_TOKEN_TTL_DAYS,
    }),
    now: overrides.now ?? (() => new Date()),
  };
  return runtime.wire(async () => {
    await buildServices(orm.em.fork(), deps).users.bootstrapAdmin();
    const audit = runtime.track(new AuditConsumer(orm, bus, deps));
    await audit.start();
    const shell = await createSubgraphServer({
      name: 'identity',
      version: serviceVersion(import.meta.url, config.BUILD_COMMIT),
      schema: await buildSchema(),
      callerSecret: config.CALLER_SIGNING_SECRET,
      logger,
      createContext: (caller) => createContext(orm, deps, caller),
      readiness: runtime.readiness,
      onClose: () => runtime.close(),
    });
    return serviceOf(shell, { port: config.PORT, host: config.HOST }, { deps, relay, bus, audit });
  });
}

/** The uniform entry the end-to-end harness uses for every subgraph. */
export const buildServerFromEnv = (
  env: Record<string, string | undefined>,
  overrides: { logger?: Logger; now?: () => Date } = {},
) => buildServer(loadIdentityConfig(env), overrides);
