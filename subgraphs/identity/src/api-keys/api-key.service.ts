import { apiKeyRevoked, identityAdminActionRecorded } from '@bloom/schema';
import { announceToGateways } from '../auth/access-revocation.publisher.js';
import { randomBytes } from 'node:crypto';
import {
  type EntityManager,
  type Page,
  escapeRegex,
  findPage,
  newestFirst,
  recordEvent,
} from '@bloom/kernel';
import type { FilterQuery } from '@mikro-orm/core';
import { ObjectId } from '@mikro-orm/mongodb';
import { safeEqual, sha256 } from '../auth/token.issuer.js';
import { type IdentityDeps, SOURCE } from '../identity.deps.js';
import { InvalidInputError, simpleError } from '@bloom/kernel';
import { checkName } from '../shared/validation.js';
import { User, UserStatus } from '../users/user.entity.js';
import { findUserById } from '../users/user.repository.js';
import { ApiKey } from './api-key.entity.js';
import { ApiKeyLimitError } from './api-key.errors.js';
import {
  ApiKeyCreated,
  type ApiKeyFilter,
  ApiKeyPrincipal,
  ApiKeyStatus,
  type CreateApiKeyInput,
} from './api-key.types.js';

const MAX_ACTIVE_KEYS = 20;
/** Writing last-used on every request would turn reads into writes; once a minute is enough. */
const LAST_USED_RESOLUTION_MS = 60_000;
const KEY_FORMAT = /^bb_([A-Za-z0-9_-]{12})_([A-Za-z0-9_-]{43})$/;
const NEWEST_FIRST = newestFirst<ApiKey>(
  'createdAt',
  (key) => key.createdAt,
  (key) => key.id,
);

export class ApiKeyService {
  constructor(
    private readonly em: EntityManager,
    private readonly deps: IdentityDeps,
  ) {}

  list(ownerUserId: string): Promise<ApiKey[]> {
    return this.em.find(ApiKey, { ownerUserId }, { orderBy: { createdAt: 'desc' } });
  }

  /** Admin: every integrator's keys, newest first, cursor after (createdAt, id). */
  async listAll(filter: ApiKeyFilter, first: number, after?: string): Promise<Page<ApiKey>> {
    const where: FilterQuery<ApiKey>[] = [];
    if (filter.ownerId) where.push({ ownerUserId: filter.ownerId });
    if (filter.ownerEmail?.trim()) {
      const pattern = new RegExp(escapeRegex(filter.ownerEmail.trim()), 'i');
      const owners = await this.em.find(User, { email: pattern }, { fields: ['_id'] });
      where.push({ ownerUserId: { $in: owners.map((owner) => owner.id) } });
    }
    if (filter.status === ApiKeyStatus.ACTIVE) where.push({ revokedAt: null });
    if (filter.status === ApiKeyStatus.REVOKED) where.push({ revokedAt: { $ne: null } });
    const base: FilterQuery<ApiKey> = where.length > 0 ? { $and: where } : {};
    return findPage(this.em, ApiKey, base, NEWEST_FIRST, first, after);
  }

  async create(
    ownerUserId: string,
    input: CreateApiKeyInput,
  ): Promise<ApiKeyCreated | InvalidInputError | ApiKeyLimitError> {
    const problem = checkName(input.name, 'name', 60);
    if (problem) return problem;
    if (input.scopes.length === 0) {
      return InvalidInputError.of('scopes', 'Choose at least one scope.', 'SCOPES_REQUIRED');
    }
    if ((await this.em.count(ApiKey, { ownerUserId, revokedAt: null })) >= MAX_ACTIVE_KEYS) {
      return simpleError(
        ApiKeyLimitError,
        'API_KEY_LIMIT',
        `At most ${MAX_ACTIVE_KEYS} active keys; revoke one first.`,
      );
    }
    const prefix = randomBytes(9).toString('base64url');
    const secret = randomBytes(32).toString('base64url');
    const apiKey = this.em.create(ApiKey, {
      ownerUserId,
      name: input.name.trim(),
      prefix,
      secretHash: sha256(secret),
      scopes: [...new Set(input.scopes)],
      createdAt: this.deps.now(),
    });
    await this.em.persistAndFlush(apiKey);
    return Object.assign(new ApiKeyCreated(), { apiKey, secret: `bb_${prefix}_${secret}` });
  }

  /**
   * Owners revoke their keys; admins may revoke any, and revoking someone else's key is
   * audited with the revocation itself. Revoking twice is harmless.
   */
  async revoke(
    id: string,
    actor: { userId: string; isAdmin: boolean },
    reason: string | undefined,
    traceId: string,
  ): Promise<ApiKey | null> {
    if (!ObjectId.isValid(id)) return null;
    const key = await this.em.findOne(ApiKey, { _id: new ObjectId(id) });
    if (!key || (!actor.isAdmin && key.ownerUserId !== actor.userId)) return null;
    if (key.revokedAt) return key;
    const now = this.deps.now();
    key.revokedAt = now;
    if (key.ownerUserId !== actor.userId) {
      // Keys stored before revocations were audited have no outbox yet.
      key.outbox ??= [];
      key.eventSequence ??= 0;
      recordEvent(
        key,
        identityAdminActionRecorded,
        { source: SOURCE, subjectId: key.id, traceId, at: now },
        {
          actorId: actor.userId,
          action: 'API_KEY_REVOKED',
          targetKind: 'API_KEY',
          targetId: key.id,
          targetLabel: `${key.name} (${key.prefix})`,
          reason: reason?.trim() || undefined,
        },
      );
    }
    await this.em.flush();
    await announceToGateways(this.em, this.deps, key.ownerUserId, apiKeyRevoked, {
      apiKeyId: key.id,
      ownerUserId: key.ownerUserId,
    });
    return key;
  }

  /** Resolves a presented key for the gateway; null for unknown, malformed or revoked keys. */
  async principal(presented: string): Promise<ApiKeyPrincipal | null> {
    const match = KEY_FORMAT.exec(presented);
    if (!match?.[1] || !match[2]) return null;
    const key = await this.em.findOne(ApiKey, { prefix: match[1] });
    if (!key || key.revokedAt || !safeEqual(key.secretHash, sha256(match[2]))) return null;
    // A key acts for its owner: it ends with the owner's standing, whatever the key's state.
    const owner = await findUserById(this.em, key.ownerUserId);
    if (owner?.status !== UserStatus.ACTIVE) return null;
    const now = this.deps.now();
    if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
      key.lastUsedAt = now;
      await this.em.flush();
    }
    return Object.assign(new ApiKeyPrincipal(), {
      apiKeyId: key.id,
      ownerUserId: key.ownerUserId,
      scopes: key.scopes,
    });
  }
}
