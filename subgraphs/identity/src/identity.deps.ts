import type { Logger, OutboxRelay } from '@bloom/kernel';
import type { PasswordHasher } from './auth/password.hasher.js';
import type { TokenIssuer } from './auth/token.issuer.js';
import type { IdentityConfig } from './identity.config.js';

/** Long-lived collaborators shared by every request of the identity service. */
export interface IdentityDeps {
  config: IdentityConfig;
  hasher: PasswordHasher;
  tokens: TokenIssuer;
  relay: OutboxRelay;
  logger: Logger;
  /** Injectable clock so expiry rules can be tested without waiting. */
  now: () => Date;
}

export const SOURCE = 'identity';
