import { defineEvent } from '@bloom/kernel';
import { z } from 'zod';

const role = z.enum(['CUSTOMER', 'SELLER', 'ADMIN']);

export const userRegistered = defineEvent(
  'identity.user.registered',
  z.object({
    userId: z.string(),
    email: z.string().email(),
    name: z.string(),
    roles: z.array(role),
    /** True when the account was created by a seller application. */
    asSeller: z.boolean(),
  }),
);

export const emailVerificationRequested = defineEvent(
  'identity.emailVerification.requested',
  z.object({
    userId: z.string(),
    email: z.string().email(),
    name: z.string(),
    code: z.string().length(6),
    expiresAt: z.string().datetime(),
  }),
);

export const sellerApplied = defineEvent(
  'identity.seller.applied',
  z.object({
    userId: z.string(),
    email: z.string().email(),
    name: z.string(),
    businessName: z.string(),
    /** True when a rejected applicant submitted again. */
    resubmission: z.boolean(),
  }),
);

export const sellerApproved = defineEvent(
  'identity.seller.approved',
  z.object({
    userId: z.string(),
    email: z.string().email(),
    name: z.string(),
    businessName: z.string(),
    approvedBy: z.string(),
  }),
);

export const sellerRejected = defineEvent(
  'identity.seller.rejected',
  z.object({
    userId: z.string(),
    email: z.string().email(),
    name: z.string(),
    reason: z.string(),
    rejectedBy: z.string(),
  }),
);

export const userSuspended = defineEvent(
  'identity.user.suspended',
  z.object({ userId: z.string(), reason: z.string(), suspendedBy: z.string() }),
);

export const userDeleted = defineEvent('identity.user.deleted', z.object({ userId: z.string() }));

/**
 * A session ended (log-out, or a reused refresh token): its access tokens, which carry the
 * session id as `sid`, are refused at the gateway from now on instead of at their expiry.
 */
export const sessionEnded = defineEvent(
  'identity.session.ended',
  z.object({
    userId: z.string(),
    sessionId: z.string(),
    reason: z.enum(['LOGOUT', 'REUSE_DETECTED', 'PASSWORD_CHANGED']),
  }),
);

/** An API key was revoked (by its owner, an admin, or the owner's suspension). */
export const apiKeyRevoked = defineEvent(
  'identity.apiKey.revoked',
  z.object({ apiKeyId: z.string(), ownerUserId: z.string() }),
);

export const identityEventContracts = [
  userRegistered,
  emailVerificationRequested,
  sellerApplied,
  sellerApproved,
  sellerRejected,
  userSuspended,
  userDeleted,
  sessionEnded,
  apiKeyRevoked,
] as const;
