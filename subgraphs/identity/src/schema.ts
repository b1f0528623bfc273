import { buildFederatedSchema } from '@bloom/kernel';
import type { GraphQLSchema } from 'graphql';
import { AddressResolver } from './addresses/address.resolver.js';
import { ApiKeyResolver } from './api-keys/api-key.resolver.js';
import { auditEntryReference } from './audit/audit.reference.js';
import { AuditResolver } from './audit/audit.resolver.js';
import { AuthResolver } from './auth/auth.resolver.js';
import { SellerResolver } from './sellers/seller.resolver.js';
import { InvalidInputError } from '@bloom/kernel';
import { userReference } from './users/user.reference.js';
import { UserResolver } from './users/user.resolver.js';

/** The identity subgraph's schema; also printed into schema/subgraphs/identity.graphql. */
export function buildSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [
        AuthResolver,
        UserResolver,
        SellerResolver,
        AddressResolver,
        ApiKeyResolver,
        AuditResolver,
      ],
      orphanedTypes: [InvalidInputError],
    },
    { ...userReference, ...auditEntryReference },
  );
}
