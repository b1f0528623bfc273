import { createUnionType } from 'type-graphql';
import { Address } from './addresses/address.entity.js';
import { AddressNotFoundError } from './addresses/address.types.js';
import { ApiKeyCreated, ApiKeyLimitError } from './api-keys/api-key.types.js';
import {
  AccountSuspendedError,
  AuthPayload,
  EmailTakenError,
  InvalidCredentialsError,
  InvalidRefreshTokenError,
  LoginThrottledError,
  SignupBlockedError,
} from './auth/auth.types.js';
import {
  AlreadyAppliedError,
  InvalidBusinessNumberError,
  NotPendingError,
  UserNotFoundError,
} from './sellers/seller.types.js';
import { InvalidInputError } from '@bloom/kernel';
import { User } from './users/user.entity.js';
import { AccountDeleted, CannotSuspendAdminError } from './users/user.types.js';
import {
  CodeExpiredError,
  InvalidCodeError,
  TooManyAttemptsError,
} from './verification/verification.types.js';

// Expected outcomes of each mutation, as typed unions a client can switch on by __typename.

export const SignUpResult = createUnionType({
  name: 'SignUpResult',
  types: () => [AuthPayload, EmailTakenError, SignupBlockedError, InvalidInputError] as const,
});

export const LogInResult = createUnionType({
  name: 'LogInResult',
  types: () =>
    [AuthPayload, InvalidCredentialsError, AccountSuspendedError, LoginThrottledError] as const,
});

export const RefreshTokensResult = createUnionType({
  name: 'RefreshTokensResult',
  types: () => [AuthPayload, InvalidRefreshTokenError] as const,
});

export const ChangePasswordResult = createUnionType({
  name: 'ChangePasswordResult',
  types: () => [AuthPayload, InvalidCredentialsError, InvalidInputError] as const,
});

export const VerifyEmailResult = createUnionType({
  name: 'VerifyEmailResult',
  types: () => [User, InvalidCodeError, CodeExpiredError, TooManyAttemptsError] as const,
});

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

export const SuspendUserResult = createUnionType({
  name: 'SuspendUserResult',
  types: () => [User, UserNotFoundError, CannotSuspendAdminError, InvalidInputError] as const,
});

export const UpdateProfileResult = createUnionType({
  name: 'UpdateProfileResult',
  types: () => [User, InvalidInputError] as const,
});

export const DeleteAccountResult = createUnionType({
  name: 'DeleteAccountResult',
  types: () => [AccountDeleted, InvalidCredentialsError] as const,
});

export const AddressResult = createUnionType({
  name: 'AddressResult',
  types: () => [Address, InvalidInputError, AddressNotFoundError] as const,
});

export const CreateApiKeyResult = createUnionType({
  name: 'CreateApiKeyResult',
  types: () => [ApiKeyCreated, InvalidInputError, ApiKeyLimitError] as const,
});
