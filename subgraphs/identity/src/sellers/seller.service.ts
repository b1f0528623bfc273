import { type EntityManager, isDuplicateKeyError, recordEvent } from '@bloom/kernel';
import {
  identityAdminActionRecorded,
  sellerApplied,
  sellerApproved,
  sellerRejected,
} from '@bloom/schema';
import type { AuthPayload } from '../auth/auth.types.js';
import type { AuthService, SignUpFailure } from '../auth/auth.service.js';
import { type IdentityDeps, SOURCE } from '../identity.deps.js';
import { InvalidInputError, simpleError } from '@bloom/kernel';
import { checkName } from '../shared/validation.js';
import { SellerProfile, SellerStatus, User } from '../users/user.entity.js';
import { UserNotFoundError } from '../users/user.errors.js';
import { findUserById } from '../users/user.repository.js';
import { isValidBusinessNumber } from './business-number.js';
import { SellerDecision } from './seller.entities.js';
import {
  AlreadyAppliedError,
  InvalidBusinessNumberError,
  NotPendingError,
} from './seller.errors.js';
import type { SellerApplicationInput, SellerSignUpInput } from './seller.types.js';

export class SellerService {
  constructor(
    private readonly em: EntityManager,
    private readonly deps: IdentityDeps,
    private readonly auth: AuthService,
  ) {}

  private checkApplication(
    input: SellerApplicationInput,
  ): InvalidInputError | InvalidBusinessNumberError | null {
    const name = checkName(input.businessName, 'businessName', 100);
    if (name) return name;
    if (!isValidBusinessNumber(input.businessRegistrationNumber.trim())) {
      return simpleError(
        InvalidBusinessNumberError,
        'INVALID_BUSINESS_NUMBER',
        'Enter a valid business registration number (NNN-NN-NNNNN).',
      );
    }
    return null;
  }

  private profile(input: SellerApplicationInput): SellerProfile {
    return Object.assign(new SellerProfile(), {
      status: SellerStatus.PENDING,
      businessName: input.businessName.trim(),
      businessRegistrationNumber: input.businessRegistrationNumber.trim(),
      appliedAt: this.deps.now(),
    });
  }

  private recordApplied(user: User, traceId: string, resubmission: boolean): void {
    const seller = user.seller as SellerProfile;
    recordEvent(
      user,
      sellerApplied,
      { source: SOURCE, subjectId: user.id, traceId, at: seller.appliedAt },
      {
        userId: user.id,
        email: user.email,
        name: user.name,
        businessName: seller.businessName,
        resubmission,
      },
    );
  }

  /** A new account applying to sell: it can sign in at once but acts as a seller only once approved. */
  async signUp(
    input: SellerSignUpInput,
    traceId: string,
  ): Promise<AuthPayload | SignUpFailure | InvalidBusinessNumberError> {
    const problem = this.auth.validateAccount(input) ?? this.checkApplication(input);
    if (problem) return problem;
    const user = await this.auth.createAccount(input, traceId, (created) => {
      created.seller = this.profile(input);
      this.recordApplied(created, traceId, false);
    });
    return user instanceof User ? this.auth.issue(user) : user;
  }

  /** An existing customer applies; after a rejection, applying again puts it back to PENDING. */
  async apply(
    user: User,
    input: SellerApplicationInput,
    traceId: string,
  ): Promise<User | InvalidInputError | InvalidBusinessNumberError | AlreadyAppliedError> {
    const problem = this.checkApplication(input);
    if (problem) return problem;
    const previous = user.seller?.status;
    if (previous === SellerStatus.PENDING || previous === SellerStatus.APPROVED) {
      return simpleError(
        AlreadyAppliedError,
        'ALREADY_APPLIED',
        previous === SellerStatus.PENDING
          ? 'Your application is waiting for review.'
          : 'You are already an approved seller.',
      );
    }
    user.seller = this.profile(input);
    this.recordApplied(user, traceId, previous === SellerStatus.REJECTED);
    await this.em.flush();
    this.deps.relay.kick(user);
    return user;
  }

  async decide(
    adminId: string,
    userId: string,
    decision: 'APPROVED' | 'REJECTED',
    reason: string | undefined,
    traceId: string,
  ): Promise<User | UserNotFoundError | NotPendingError | InvalidInputError> {
    if (decision === 'REJECTED' && !reason?.trim()) {
      return InvalidInputError.of(
        'reason',
        'Say why the application is rejected.',
        'REASON_REQUIRED',
      );
    }
    const user = await findUserById(this.em, userId);
    if (!user?.seller) {
      return simpleError(
        UserNotFoundError,
        'APPLICATION_NOT_FOUND',
        'No seller application for this user.',
      );
    }
    const notPending = () =>
      simpleError(
        NotPendingError,
        'NOT_PENDING',
        `The application is already ${user.seller?.status ?? 'decided'}.`,
      );
    if (user.seller.status !== SellerStatus.PENDING) return notPending();
    const now = this.deps.now();
    try {
      await this.em.insert(SellerDecision, {
        _id: `${user.id}:${user.seller.appliedAt.getTime()}`,
        userId: user.id,
        decision,
        decidedBy: adminId,
        reason: reason?.trim(),
        decidedAt: now,
      });
    } catch (error) {
      if (isDuplicateKeyError(error)) return notPending();
      throw error;
    }
    user.seller.status = decision === 'APPROVED' ? SellerStatus.APPROVED : SellerStatus.REJECTED;
    user.seller.decidedAt = now;
    user.seller.decidedBy = adminId;
    user.seller.rejectionReason = decision === 'REJECTED' ? reason?.trim() : undefined;
    const meta = { source: SOURCE, subjectId: user.id, traceId, at: now };
    if (decision === 'APPROVED') {
      recordEvent(user, sellerApproved, meta, {
        userId: user.id,
        email: user.email,
        name: user.name,
        businessName: user.seller.businessName,
        approvedBy: adminId,
      });
    } else {
      recordEvent(user, sellerRejected, meta, {
        userId: user.id,
        email: user.email,
        name: user.name,
        reason: reason?.trim() ?? '',
        rejectedBy: adminId,
      });
    }
    recordEvent(user, identityAdminActionRecorded, meta, {
      actorId: adminId,
      action: decision === 'APPROVED' ? 'SELLER_APPROVED' : 'SELLER_REJECTED',
      targetKind: 'USER',
      targetId: user.id,
      targetLabel: `${user.seller.businessName} (${user.email})`,
      reason: user.seller.rejectionReason,
    });
    await this.em.flush();
    this.deps.relay.kick(user);
    return user;
  }
}
