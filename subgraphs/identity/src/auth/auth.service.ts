import { type EntityManager, claimSlot, firstProblem, isDuplicateKeyError } from '@bloom/kernel';
import { sessionEnded, userRegistered } from '@bloom/schema';
import { announceToGateways } from './access-revocation.publisher.js';
import type { IdentityDeps } from '../identity.deps.js';
import { SOURCE } from '../identity.deps.js';
import { simpleError, type InvalidInputError } from '@bloom/kernel';
import {
  checkEmail,
  checkName,
  checkPassword,
  checkPhone,
  normalizeEmail,
  normalizePhone,
} from '../shared/validation.js';
import { User, UserStatus } from '../users/user.entity.js';
import { findUserById } from '../users/user.repository.js';
import type { VerificationService } from '../verification/verification.service.js';
import { recordEvent } from '@bloom/kernel';
import {
  LoginAttempt,
  RefreshToken,
  RevokedTokenFamily,
  SignupBlock,
  TokenRotation,
} from './auth.entities.js';
import {
  AccountSuspendedError,
  EmailTakenError,
  InvalidCredentialsError,
  InvalidRefreshTokenError,
  LoginThrottledError,
  SignupBlockedError,
} from './auth.errors.js';
import { AuthPayload } from './auth.types.js';
import { TokenIssuer, safeEqual, sha256 } from './token.issuer.js';

const LOGIN_WINDOW_MS = 15 * 60_000;
const MAX_LOGIN_ATTEMPTS = 10;

export interface NewAccount {
  email: string;
  password: string;
  name: string;
  phone?: string;
}

export type SignUpFailure = EmailTakenError | SignupBlockedError | InvalidInputError;

export class AuthService {
  constructor(
    private readonly em: EntityManager,
    private readonly deps: IdentityDeps,
    private readonly verification: VerificationService,
  ) {}

  validateAccount(input: NewAccount): InvalidInputError | null {
    return firstProblem(
      checkEmail(input.email),
      checkPassword(input.password),
      checkName(input.name),
      checkPhone(input.phone),
    );
  }

  /**
   * Creates an account. The unique e-mail index decides concurrent sign-ups with the same
   * address: exactly one insert wins, the others get EmailTaken.
   */
  async createAccount(
    input: NewAccount,
    traceId: string,
    prepare?: (user: User) => void,
  ): Promise<User | SignUpFailure> {
    const problem = this.validateAccount(input);
    if (problem) return problem;
    const email = normalizeEmail(input.email);
    const now = this.deps.now();
    const block = await this.em.findOne(SignupBlock, { _id: email });
    if (block && block.until > now) {
      return Object.assign(
        simpleError(
          SignupBlockedError,
          'SIGNUP_BLOCKED',
          'This e-mail belonged to an account deleted less than 24 hours ago. Try again later.',
        ),
        { until: block.until },
      );
    }
    const user = this.em.create(User, {
      email,
      name: input.name.trim(),
      phone: input.phone ? normalizePhone(input.phone) : undefined,
      passwordHash: await this.deps.hasher.hash(input.password),
      createdAt: now,
      updatedAt: now,
    });
    prepare?.(user);
    recordEvent(
      user,
      userRegistered,
      { source: SOURCE, subjectId: user.id, traceId, at: now },
      {
        userId: user.id,
        email,
        name: user.name,
        roles: user.roles,
        asSeller: user.seller !== undefined,
      },
    );
    await this.verification.issueCode(user, traceId);
    try {
      await this.em.persistAndFlush(user);
    } catch (error) {
      this.em.clear();
      if (isDuplicateKeyError(error)) {
        return simpleError(
          EmailTakenError,
          'EMAIL_TAKEN',
          'An account with this e-mail already exists.',
        );
      }
      throw error;
    }
    this.deps.relay.kick(user);
    return user;
  }

  async signUp(input: NewAccount, traceId: string): Promise<AuthPayload | SignUpFailure> {
    const user = await this.createAccount(input, traceId);
    return user instanceof User ? this.issue(user) : user;
  }

  async logIn(
    email: string,
    password: string,
  ): Promise<AuthPayload | InvalidCredentialsError | AccountSuspendedError | LoginThrottledError> {
    const normalized = normalizeEmail(email);
    const throttled = await this.claimLoginAttempt(normalized);
    if (throttled) return throttled;
    const user = await this.em.findOne(User, { email: normalized });
    const invalid = () =>
      simpleError(InvalidCredentialsError, 'INVALID_CREDENTIALS', 'E-mail or password is wrong.');
    if (!user || user.status === UserStatus.DELETED) {
      await this.deps.hasher.verifyAgainstDummy(password);
      return invalid();
    }
    if (!(await this.deps.hasher.verify(password, user.passwordHash))) return invalid();
    // A successful log-in clears the window's failures.
    await this.em.nativeDelete(LoginAttempt, { email: normalized });
    if (user.status === UserStatus.SUSPENDED) {
      return simpleError(
        AccountSuspendedError,
        'ACCOUNT_SUSPENDED',
        'This account is suspended. Contact support.',
      );
    }
    return this.issue(user);
  }

  /**
   * Claims one of the ten attempts an e-mail gets per 15-minute window before the password is
   * checked, so password guessing is capped even when the guesses arrive together.
   */
  private async claimLoginAttempt(email: string): Promise<LoginThrottledError | null> {
    const now = this.deps.now().getTime();
    const window = Math.floor(now / LOGIN_WINDOW_MS);
    const throttled = () =>
      Object.assign(
        simpleError(
          LoginThrottledError,
          'LOGIN_THROTTLED',
          'Too many failed log-ins. Try again later.',
        ),
        { retryAfter: new Date((window + 1) * LOGIN_WINDOW_MS) },
      );
    const attempts = await this.em.count(LoginAttempt, { email, window });
    const slot = await claimSlot(
      (n) => this.em.insert(LoginAttempt, { email, window, attempt: n + 1 }),
      attempts,
      MAX_LOGIN_ATTEMPTS,
    );
    if (slot === null) return throttled();
    // The first attempt of a window clears older windows.
    if (slot === 0) await this.em.nativeDelete(LoginAttempt, { email, window: { $lt: window } });
    return null;
  }

  /** Signs an access token and starts a new refresh-token family. */
  async issue(user: User, familyId?: string): Promise<AuthPayload> {
    const now = this.deps.now();
    const fresh = this.deps.tokens.newRefreshToken();
    const sessionId = familyId ?? fresh.id;
    await this.em.insert(RefreshToken, {
      _id: fresh.id,
      familyId: sessionId,
      userId: user.id,
      secretHash: fresh.secretHash,
      issuedAt: now,
      expiresAt: this.deps.tokens.refreshExpiry(now),
    });
    return Object.assign(new AuthPayload(), {
      accessToken: await this.deps.tokens.accessToken(user.id, user.roles, now, sessionId),
      expiresIn: this.deps.tokens.accessTtlSeconds,
      refreshToken: fresh.token,
      user,
    });
  }

  /**
   * Exchanges a refresh token for a new pair. The exchange is an insert keyed by the old
   * token's id, so of two concurrent refreshes only one succeeds; presenting an already
   * exchanged token means it leaked, and its whole family is revoked.
   */
  async refresh(token: string): Promise<AuthPayload | InvalidRefreshTokenError> {
    const invalid = (code = 'INVALID_REFRESH_TOKEN', message = 'Sign in again.') =>
      simpleError(InvalidRefreshTokenError, code, message);
    const parsed = TokenIssuer.parseRefreshToken(token);
    if (!parsed) return invalid();
    const stored = await this.em.findOne(RefreshToken, { _id: parsed.id });
    if (!stored || !safeEqual(stored.secretHash, sha256(parsed.secret))) return invalid();
    const now = this.deps.now();
    if (stored.expiresAt <= now)
      return invalid('REFRESH_TOKEN_EXPIRED', 'Your session expired. Sign in again.');
    if (await this.em.findOne(RevokedTokenFamily, { _id: stored.familyId })) return invalid();
    const user = await findUserById(this.em, stored.userId);
    if (!user || user.status !== UserStatus.ACTIVE || stored.issuedAt < user.sessionsValidAfter) {
      return invalid();
    }
    const fresh = this.deps.tokens.newRefreshToken();
    try {
      await this.em.insert(TokenRotation, { _id: stored._id, childId: fresh.id, rotatedAt: now });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      await this.revokeFamily(stored.familyId, stored.userId, 'REUSE_DETECTED');
      this.deps.logger.warn('refresh token reuse detected; family revoked', {
        userId: stored.userId,
        familyId: stored.familyId,
      });
      return invalid(
        'REFRESH_TOKEN_REUSED',
        'This session was ended for your safety. Sign in again.',
      );
    }
    await this.em.insert(RefreshToken, {
      _id: fresh.id,
      familyId: stored.familyId,
      userId: stored.userId,
      secretHash: fresh.secretHash,
      issuedAt: now,
      expiresAt: this.deps.tokens.refreshExpiry(now),
    });
    return Object.assign(new AuthPayload(), {
      accessToken: await this.deps.tokens.accessToken(user.id, user.roles, now, stored.familyId),
      expiresIn: this.deps.tokens.accessTtlSeconds,
      refreshToken: fresh.token,
      user,
    });
  }

  /** Ends the session the refresh token belongs to; unknown tokens are ignored. */
  async logOut(token: string): Promise<void> {
    const parsed = TokenIssuer.parseRefreshToken(token);
    if (!parsed) return;
    const stored = await this.em.findOne(RefreshToken, { _id: parsed.id });
    if (stored && safeEqual(stored.secretHash, sha256(parsed.secret))) {
      await this.revokeFamily(stored.familyId, stored.userId, 'LOGOUT');
    }
  }

  /** Revokes a refresh-token family and announces it, so gateways refuse its access tokens. */
  private async revokeFamily(
    familyId: string,
    userId: string,
    reason: RevokedTokenFamily['reason'],
  ): Promise<void> {
    if (!(await this.markRevoked(familyId, reason))) return;
    await announceToGateways(this.em, this.deps, userId, sessionEnded, {
      userId,
      sessionId: familyId,
      reason,
    });
  }

  /** Records the family as revoked; false when it already was (the first revoker announces). */
  private async markRevoked(
    familyId: string,
    reason: RevokedTokenFamily['reason'],
  ): Promise<boolean> {
    try {
      await this.em.insert(RevokedTokenFamily, {
        _id: familyId,
        reason,
        revokedAt: this.deps.now(),
      });
      return true;
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      return false;
    }
  }

  async changePassword(
    user: User,
    current: string,
    next: string,
  ): Promise<AuthPayload | InvalidCredentialsError | InvalidInputError> {
    const problem = checkPassword(next, 'newPassword');
    if (problem) return problem;
    if (!(await this.deps.hasher.verify(current, user.passwordHash))) {
      return simpleError(
        InvalidCredentialsError,
        'INVALID_CREDENTIALS',
        'The current password is wrong.',
      );
    }
    user.passwordHash = await this.deps.hasher.hash(next);
    // Every other session ends; this one continues with a fresh pair. `sessionsValidAfter`
    // stops their refresh tokens; the events, stored by the same write, tell the gateways to
    // refuse their access tokens now rather than at expiry.
    user.sessionsValidAfter = this.deps.now();
    const ended = await this.liveFamilies(user.id);
    for (const familyId of ended) {
      recordEvent(
        user,
        sessionEnded,
        { source: SOURCE, subjectId: user.id, traceId: SOURCE },
        { userId: user.id, sessionId: familyId, reason: 'PASSWORD_CHANGED' },
      );
    }
    await this.em.flush();
    if (ended.length > 0) this.deps.relay.kick(user);
    for (const familyId of ended) {
      await this.markRevoked(familyId, 'PASSWORD_CHANGED');
    }
    return this.issue(user);
  }

  /** The user's session families that could still refresh and are not revoked yet. */
  private async liveFamilies(userId: string): Promise<string[]> {
    const live = await this.em.find(
      RefreshToken,
      { userId, expiresAt: { $gt: this.deps.now() } },
      { fields: ['familyId'] },
    );
    const families = [...new Set(live.map((t) => t.familyId))];
    if (families.length === 0) return [];
    const revoked = await this.em.find(
      RevokedTokenFamily,
      { _id: { $in: families } },
      { fields: ['_id'] },
    );
    const gone = new Set(revoked.map((r) => r._id));
    return families.filter((id) => !gone.has(id));
  }
}
