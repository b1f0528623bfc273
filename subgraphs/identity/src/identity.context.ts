import {
  type Caller,
  type EntityManager,
  forbidden,
  keyedLoader,
  requireUser,
} from '@bloom/kernel';
import type { MikroORM } from '@mikro-orm/mongodb';
import DataLoader from 'dataloader';
import { Address } from './addresses/address.entity.js';
import { AddressService } from './addresses/address.service.js';
import { ApiKey } from './api-keys/api-key.entity.js';
import { ApiKeyService } from './api-keys/api-key.service.js';
import type { AuditEntryRecord } from './audit/audit.entity.js';
import { AuditService } from './audit/audit.service.js';
import { AuthService } from './auth/auth.service.js';
import type { IdentityDeps } from './identity.deps.js';
import { SellerService } from './sellers/seller.service.js';
import { type User, UserStatus } from './users/user.entity.js';
import { findUsersByIds } from './users/user.repository.js';
import { UserService } from './users/user.service.js';
import { VerificationService } from './verification/verification.service.js';

export interface IdentityServices {
  auth: AuthService;
  sellers: SellerService;
  users: UserService;
  addresses: AddressService;
  apiKeys: ApiKeyService;
  verification: VerificationService;
  audit: AuditService;
}

export interface IdentityContext {
  caller: Caller;
  em: EntityManager;
  services: IdentityServices;
  userLoader: DataLoader<string, User | null>;
  auditLoader: DataLoader<string, AuditEntryRecord | null>;
  /** Per user: saved addresses, and API keys not revoked (one query per batch each). */
  addressCountLoader: DataLoader<string, number>;
  apiKeyCountLoader: DataLoader<string, number>;
  /**
   * Accounts this request proved to hold (sign-up, log-in, refresh): their own payload shows
   * them their e-mail and phone although the request itself came in anonymous.
   */
  signedInAs: Set<string>;
  /** The signed-in caller's account; refuses suspended and deleted accounts. */
  currentUser(): Promise<User>;
}

export function buildServices(em: EntityManager, deps: IdentityDeps): IdentityServices {
  const verification = new VerificationService(em, deps);
  const auth = new AuthService(em, deps, verification);
  return {
    auth,
    verification,
    sellers: new SellerService(em, deps, auth),
    users: new UserService(em, deps),
    addresses: new AddressService(em, deps),
    apiKeys: new ApiKeyService(em, deps),
    audit: new AuditService(em, deps),
  };
}

/** Counts documents per user id in one query: only the owner field is read. */
function countLoader(
  count: (userIds: string[]) => Promise<{ owner: string }[]>,
): DataLoader<string, number> {
  return new DataLoader<string, number>(async (ids) => {
    const counts = new Map<string, number>();
    for (const { owner } of await count([...ids])) counts.set(owner, (counts.get(owner) ?? 0) + 1);
    return ids.map((id) => counts.get(id) ?? 0);
  });
}

/** One EntityManager fork and one set of loaders per request. */
export function createContext(orm: MikroORM, deps: IdentityDeps, caller: Caller): IdentityContext {
  const em = orm.em.fork();
  const userLoader = keyedLoader<string, User>(
    (ids) => findUsersByIds(em, ids),
    (user) => user.id,
  );
  const services = buildServices(em, deps);
  return {
    caller,
    em,
    services,
    userLoader,
    auditLoader: keyedLoader<string, AuditEntryRecord>(
      (ids) => services.audit.findByIds(ids),
      (entry) => entry._id,
    ),
    addressCountLoader: countLoader(async (userIds) =>
      (await em.find(Address, { userId: { $in: userIds } }, { fields: ['userId'] })).map((a) => ({
        owner: a.userId,
      })),
    ),
    apiKeyCountLoader: countLoader(async (userIds) =>
      (
        await em.find(
          ApiKey,
          { ownerUserId: { $in: userIds }, revokedAt: null },
          { fields: ['ownerUserId'] },
        )
      ).map((k) => ({ owner: k.ownerUserId })),
    ),
    signedInAs: new Set(),
    async currentUser() {
      const { userId } = requireUser(caller);
      const user = await userLoader.load(userId);
      if (!user || user.status === UserStatus.DELETED)
        throw forbidden('This account no longer exists.');
      if (user.status === UserStatus.SUSPENDED) throw forbidden('This account is suspended.');
      return user;
    },
  };
}
