import { randomInt } from 'node:crypto';
import { type EntityManager, claimSlot, recordEvent } from '@bloom/kernel';
import { emailVerificationRequested } from '@bloom/schema';
import { safeEqual, sha256 } from '../auth/token.issuer.js';
import { type IdentityDeps, SOURCE } from '../identity.deps.js';
import { simpleError } from '@bloom/kernel';
import type { User } from '../users/user.entity.js';
import { EmailCode, EmailCodeAttempt } from './email-code.entity.js';
import { CodeExpiredError, InvalidCodeError, TooManyAttemptsError } from './verification.errors.js';

/** No 0/O, 1/I/L: codes are read from a phone and typed by hand. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const MAX_ATTEMPTS = 5;

const hashCode = (userId: string, code: string) => sha256(`${userId}:${code.toUpperCase()}`);

export class VerificationService {
  constructor(
    private readonly em: EntityManager,
    private readonly deps: IdentityDeps,
  ) {}

  /**
   * Stores a new code (which supersedes older ones) and records the event that mails it;
   * the caller flushes the user so the event is written with it.
   */
  async issueCode(user: User, traceId: string): Promise<void> {
    const code = Array.from({ length: 6 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    const now = this.deps.now();
    const expiresAt = new Date(now.getTime() + this.deps.config.EMAIL_CODE_TTL_MINUTES * 60_000);
    await this.em.insert(EmailCode, {
      userId: user.id,
      codeHash: hashCode(user.id, code),
      issuedAt: now,
      expiresAt,
    });
    recordEvent(
      user,
      emailVerificationRequested,
      { source: SOURCE, subjectId: user.id, traceId, at: now },
      {
        userId: user.id,
        email: user.email,
        name: user.name,
        code,
        expiresAt: expiresAt.toISOString(),
      },
    );
    if (this.deps.config.DEV_MAIL_LOG) {
      this.deps.logger.info('dev mail: e-mail verification code', { to: user.email, code });
    }
  }

  async requestCode(user: User, traceId: string): Promise<void> {
    await this.issueCode(user, traceId);
    await this.em.flush();
    this.deps.relay.kick(user);
  }

  /** Only the newest code counts, and it can be tried five times. */
  async verify(
    user: User,
    code: string,
  ): Promise<User | InvalidCodeError | CodeExpiredError | TooManyAttemptsError> {
    if (user.emailVerified) return user;
    const latest = await this.em.findOne(
      EmailCode,
      { userId: user.id },
      { orderBy: { issuedAt: 'desc' } },
    );
    if (!latest || latest.expiresAt <= this.deps.now()) {
      return simpleError(CodeExpiredError, 'CODE_EXPIRED', 'The code expired. Ask for a new one.');
    }
    const codeId = latest._id.toHexString();
    // The attempt is claimed before the comparison, under a unique (code, number) key, so even
    // concurrent guesses get at most MAX_ATTEMPTS comparisons per code.
    const attempts = await this.em.count(EmailCodeAttempt, { codeId });
    const slot = await claimSlot(
      (n) => this.em.insert(EmailCodeAttempt, { codeId, attempt: n + 1 }),
      attempts,
      MAX_ATTEMPTS,
    );
    if (slot === null) {
      return simpleError(
        TooManyAttemptsError,
        'TOO_MANY_ATTEMPTS',
        'Too many wrong codes. Ask for a new one.',
      );
    }
    if (!safeEqual(latest.codeHash, hashCode(user.id, code.trim()))) {
      return simpleError(InvalidCodeError, 'INVALID_CODE', 'That code is not right.');
    }
    user.emailVerified = true;
    await this.em.flush();
    return user;
  }
}
