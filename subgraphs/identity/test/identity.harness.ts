import { TEST_JWT_SECRET, type SubgraphHarness, startSubgraph } from '@bloom/testing';
import { type IdentityConfig, loadIdentityConfig } from '../src/identity.config.js';
import { type IdentityServer, buildServer } from '../src/server.js';

export const ADMIN = { email: 'admin@bloom.test', password: 'admin-pass-1' };

export type IdentityHarness = SubgraphHarness<IdentityConfig, IdentityServer>;

/** Starts a real identity subgraph on a free port with its own database and stream namespace. */
export const startIdentity = (
  label: string,
  env: Record<string, string> = {},
): Promise<IdentityHarness> =>
  startSubgraph({
    name: 'identity',
    label,
    dbVariable: 'IDENTITY_DB',
    env: {
      JWT_SECRET: TEST_JWT_SECRET,
      PASSWORD_SCRYPT_LOG_N: '12',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      ...env,
    },
    loadConfig: loadIdentityConfig,
    build: buildServer,
  });

export const AUTH_FIELDS = `
  __typename
  ... on AuthPayload { accessToken refreshToken expiresIn user { id email roles status seller { status } } }
  ... on UserError { code message }
`;
export const INPUT_ERROR = '... on InvalidInputError { field }';
