import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { ObjectId } from '@mikro-orm/mongodb';

/**
 * An issued refresh token. Rotation and revocation are recorded by inserting documents
 * (TokenRotation, RevokedTokenFamily) under unique ids instead of updating this one, so two
 * concurrent refreshes of the same token cannot both win.
 */
@Entity({ collection: 'refresh_tokens' })
@Index({ properties: ['userId'] })
export class RefreshToken {
  /** Random token id; the secret half of the token is only stored hashed. */
  @PrimaryKey()
  _id!: string;

  @Property()
  familyId!: string;

  @Property()
  userId!: string;

  @Property()
  secretHash!: string;

  @Property()
  issuedAt: Date = new Date();

  @Property()
  expiresAt!: Date;
}

/** Exists once a refresh token has been exchanged; its `_id` is the parent token's id. */
@Entity({ collection: 'token_rotations' })
export class TokenRotation {
  @PrimaryKey()
  _id!: string;

  @Property()
  childId!: string;

  @Property()
  rotatedAt: Date = new Date();
}

/** A revoked family (logout, or reuse of a rotated token); `_id` is the family id. */
@Entity({ collection: 'revoked_token_families' })
export class RevokedTokenFamily {
  @PrimaryKey()
  _id!: string;

  @Property()
  reason!: 'LOGOUT' | 'REUSE_DETECTED' | 'PASSWORD_CHANGED';

  @Property()
  revokedAt: Date = new Date();
}

/** Blocks re-sign-up with a deleted account's e-mail until `until`; `_id` is the e-mail. */
@Entity({ collection: 'signup_blocks' })
export class SignupBlock {
  @PrimaryKey()
  _id!: string;

  @Property()
  until!: Date;
}

/**
 * One failed-or-pending log-in attempt for an e-mail within a 15-minute window; the unique
 * (email, window, attempt) key caps attempts per window even when they arrive together.
 */
@Entity({ collection: 'login_attempts' })
@Unique({ properties: ['email', 'window', 'attempt'] })
export class LoginAttempt {
  @PrimaryKey()
  _id: ObjectId = new ObjectId();

  @Property()
  email!: string;

  @Property()
  window!: number;

  @Property()
  attempt!: number;
}
