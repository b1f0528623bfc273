import { InvalidInputError } from '@bloom/kernel';
import { createUnionType } from 'type-graphql';
import { EmailTakenError, SignupBlockedError } from '../auth/auth.errors.js';
import { AuthPayload } from '../auth/auth.types.js';
import { User } from '../users/user.entity.js';
import { UserNotFoundError } from '../users/user.errors.js';
import {
  AlreadyAppliedError,
  InvalidBusinessNumberError,
  NotPendingError,
} from './seller.errors.js';

export const SellerSignUpResult = createUnionType({
  name: 'SellerSignUpResult',
  types: () =>
    [
      AuthPayload,
      EmailTakenError,
      SignupBlockedError,
      InvalidInputError,
      InvalidBusinessNumberError,
    ] as const,
});

export const SellerApplicationResult = createUnionType({
  name: 'SellerApplicationResult',
  types: () => [User, InvalidInputError, InvalidBusinessNumberError, AlreadyAppliedError] as const,
});

export const SellerDecisionResult = createUnionType({
  name: 'SellerDecisionResult',
  types: () => [User, UserNotFoundError, NotPendingError, InvalidInputError] as const,
});
