import {
  type EntityManager,
  addDays,
  checkPeriodDays,
  firstProblem,
  newestFirst,
  recordEvent,
  seoulDate,
  seoulPeriodStart,
} from '@bloom/kernel';
import {
  apiKeyRevoked,
  identityAdminActionRecorded,
  userDeleted,
  userSuspended,
} from '@bloom/schema';
import type { FilterQuery } from '@mikro-orm/core';
import { ApiKey } from '../api-keys/api-key.entity.js';
import { Address } from '../addresses/address.entity.js';
import { SignupBlock } from '../auth/auth.entities.js';
import { InvalidCredentialsError } from '../auth/auth.errors.js';
import { type IdentityDeps, SOURCE } from '../identity.deps.js';
import { type Page, escapeRegex, findPage } from '@bloom/kernel';
import { InvalidInputError, simpleError } from '@bloom/kernel';
import { checkName, checkPhone, normalizePhone } from '../shared/validation.js';
import { RoleEnum, SellerStatus, User, UserStatus } from './user.entity.js';
import { findUserById } from './user.repository.js';
import { CannotSuspendAdminError, UserNotFoundError } from './user.errors.js';
import {
  AccountDeleted,
  DailySignups,
  type UpdateProfileInput,
  type UserFilter,
} from './user.types.js';

const NEWEST_FIRST = newestFirst<User>(
  'createdAt',
  (user) => user.createdAt,
  (user) => user.id,
);

export class UserService {
  constructor(
    private readonly em: EntityManager,
    private readonly deps: IdentityDeps,
  ) {}

  /** Newest first, cursor after (createdAt, id). */
  list(filter: UserFilter, first: number, after?: string): Promise<Page<User>> {
    const where: FilterQuery<User>[] = [];
    if (filter.status) where.push({ status: filter.status });
    if (filter.role === RoleEnum.SELLER) where.push({ seller: { status: SellerStatus.APPROVED } });
    else if (filter.role) where.push({ baseRoles: filter.role });
    if (filter.sellerStatus) where.push({ seller: { status: filter.sellerStatus } });
    if (filter.search?.trim()) {
      const pattern = new RegExp(`^${escapeRegex(filter.search.trim())}`, 'i');
      where.push({ $or: [{ email: pattern }, { name: pattern }] });
    }
    const base: FilterQuery<User> = where.length > 0 ? { $and: where } : {};
    return findPage(this.em, User, base, NEWEST_FIRST, first, after);
  }

  /** New accounts and new sellers per Seoul day over the last `days` days (today included). */
  async signupsByDay(days: number): Promise<DailySignups[]> {
    const since = seoulPeriodStart(this.deps.now(), checkPeriodDays(days));
    const firstDay = seoulDate(since);
    const [created, approved] = await Promise.all([
      this.em.find(
        User,
        { createdAt: { $gte: since }, baseRoles: { $ne: 'ADMIN' } },
        { fields: ['createdAt'] },
      ),
      this.em.find(
        User,
        { seller: { status: SellerStatus.APPROVED, decidedAt: { $gte: since } } },
        { fields: ['seller'] },
      ),
    ]);
    const rows = new Map<string, DailySignups>();
    for (let i = 0; i < days; i += 1) {
      const date = addDays(firstDay, i);
      rows.set(date, Object.assign(new DailySignups(), { date, customers: 0, sellers: 0 }));
    }
    for (const user of created) {
      const row = rows.get(seoulDate(user.createdAt));
      if (row) row.customers += 1;
    }
    for (const user of approved) {
      const decidedAt = user.seller?.decidedAt;
      const row = decidedAt && rows.get(seoulDate(decidedAt));
      if (row) row.sellers += 1;
    }
    return [...rows.values()];
  }

  async updateProfile(user: User, input: UpdateProfileInput): Promise<User | InvalidInputError> {
    const problem = firstProblem(
      input.name === undefined ? null : checkName(input.name),
      checkPhone(input.phone),
    );
    if (problem) return problem;
    if (input.name !== undefined) user.name = input.name.trim();
    if (input.phone !== undefined) user.phone = normalizePhone(input.phone);
    await this.em.flush();
    return user;
  }

  async setSuspended(
    adminId: string,
    userId: string,
    suspend: boolean,
    reason: string | undefined,
    traceId: string,
  ): Promise<User | UserNotFoundError | CannotSuspendAdminError | InvalidInputError> {
    const user = await findUserById(this.em, userId);
    if (!user || user.status === UserStatus.DELETED) {
      return simpleError(UserNotFoundError, 'USER_NOT_FOUND', 'No such user.');
    }
    if (user.baseRoles.includes('ADMIN')) {
      return simpleError(
        CannotSuspendAdminError,
        'CANNOT_SUSPEND_ADMIN',
        'Administrators cannot be suspended.',
      );
    }
    if (suspend) {
      if (!reason?.trim())
        return InvalidInputError.of(
          'reason',
          'Say why the account is suspended.',
          'REASON_REQUIRED',
        );
      if (user.status === UserStatus.SUSPENDED) return user;
      user.status = UserStatus.SUSPENDED;
      user.suspensionReason = reason.trim();
      // Refresh tokens stop working at once; access tokens lapse within their short lifetime.
      user.sessionsValidAfter = this.deps.now();
      // The suspension is announced first, so gateways close its sockets as a suspension (4403).
      recordEvent(
        user,
        userSuspended,
        { source: SOURCE, subjectId: user.id, traceId },
        {
          userId: user.id,
          reason: reason.trim(),
          suspendedBy: adminId,
        },
      );
      await this.revokeKeys(user, traceId);
    } else {
      if (user.status !== UserStatus.SUSPENDED) return user;
      user.status = UserStatus.ACTIVE;
      user.suspensionReason = undefined;
    }
    recordEvent(
      user,
      identityAdminActionRecorded,
      { source: SOURCE, subjectId: user.id, traceId, at: this.deps.now() },
      {
        actorId: adminId,
        action: suspend ? 'USER_SUSPENDED' : 'USER_REINSTATED',
        targetKind: 'USER',
        targetId: user.id,
        targetLabel: `${user.name} (${user.email})`,
        reason: suspend ? reason?.trim() : undefined,
      },
    );
    await this.em.flush();
    this.deps.relay.kick(user);
    return user;
  }

  /**
   * Deletes the account: personal data is wiped, the e-mail is blocked from signing up for
   * 24 hours, sessions, addresses and API keys end.
   */
  async delete(
    user: User,
    password: string,
    traceId: string,
  ): Promise<AccountDeleted | InvalidCredentialsError> {
    if (!(await this.deps.hasher.verify(password, user.passwordHash))) {
      return simpleError(InvalidCredentialsError, 'INVALID_CREDENTIALS', 'The password is wrong.');
    }
    const now = this.deps.now();
    const until = new Date(now.getTime() + this.deps.config.SIGNUP_BLOCK_HOURS * 3_600_000);
    // The block is written first: if anything below fails, the e-mail is still protected.
    await this.em.upsert(SignupBlock, { _id: user.email, until });
    await this.em.nativeDelete(Address, { userId: user.id });
    user.status = UserStatus.DELETED;
    user.email = `deleted-${user.id}@deleted.invalid`;
    user.name = '(deleted)';
    user.phone = undefined;
    user.passwordHash = '!';
    user.seller = undefined;
    user.sessionsValidAfter = now;
    recordEvent(
      user,
      userDeleted,
      { source: SOURCE, subjectId: user.id, traceId, at: now },
      { userId: user.id },
    );
    await this.revokeKeys(user, traceId);
    await this.em.flush();
    this.deps.relay.kick(user);
    return Object.assign(new AccountDeleted(), { signUpAgainAfter: until });
  }

  /**
   * Revokes the user's active API keys with the next flush, announcing each so every gateway
   * refuses it at once (suspension and deletion end an integrator's access too).
   */
  private async revokeKeys(user: User, traceId: string): Promise<void> {
    const now = this.deps.now();
    for (const key of await this.em.find(ApiKey, { ownerUserId: user.id, revokedAt: null })) {
      key.revokedAt = now;
      recordEvent(
        user,
        apiKeyRevoked,
        { source: SOURCE, subjectId: user.id, traceId },
        { apiKeyId: key.id, ownerUserId: user.id },
      );
    }
  }

  /** The first administrator comes from configuration; an existing account is left alone. */
  async bootstrapAdmin(): Promise<void> {
    const { ADMIN_EMAIL, ADMIN_PASSWORD, ADMIN_NAME } = this.deps.config;
    if (!ADMIN_EMAIL || !ADMIN_PASSWORD) return;
    const email = ADMIN_EMAIL.trim().toLowerCase();
    if (await this.em.findOne(User, { email })) return;
    const admin = this.em.create(User, {
      email,
      name: ADMIN_NAME,
      passwordHash: await this.deps.hasher.hash(ADMIN_PASSWORD),
      emailVerified: true,
      baseRoles: ['ADMIN'],
    });
    try {
      await this.em.persistAndFlush(admin);
      this.deps.logger.info('bootstrapped the first administrator', { email });
    } catch (error) {
      // Another replica created it at the same moment.
      this.em.clear();
      if (!(await this.em.findOne(User, { email }))) throw error;
    }
  }
}
