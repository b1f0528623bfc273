import {
  ADMIN_ACCOUNT,
  TEST_JWT_SECRET,
  type SubgraphHarness,
  startSubgraph,
} from '@bloom/testing';
import { type IdentityConfig, loadIdentityConfig } from '../src/identity.config.js';
import { type IdentityServer, buildServer } from '../src/server.js';
import { graphql } from './generated/index.js';

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
      ADMIN_EMAIL: ADMIN_ACCOUNT.email,
      ADMIN_PASSWORD: ADMIN_ACCOUNT.password,
      ...env,
    },
    loadConfig: loadIdentityConfig,
    build: buildServer,
  });

// What the tests read of a session and of a result union's error, spread by name into the
// operations of both test files.
graphql(`
  fragment AuthPayloadFields on AuthPayload {
    accessToken
    refreshToken
    expiresIn
    user {
      id
      email
      roles
      status
      seller {
        status
      }
    }
  }
`);
graphql(`
  fragment UserErrorFields on UserError {
    code
    message
  }
`);

// The log-in both test files send (the session or the error).
export const LOG_IN = graphql(`
  mutation LogIn($input: LogInInput!) {
    logIn(input: $input) {
      __typename
      ...AuthPayloadFields
      ...UserErrorFields
    }
  }
`);

/** A result union's error code, or undefined for a member that has none (the success). */
export const codeOf = (result: { __typename?: string } | null | undefined): string | undefined =>
  result && 'code' in result && typeof result.code === 'string' ? result.code : undefined;
