import { InvalidInputError } from '@bloom/kernel';
import { createUnionType } from 'type-graphql';
import {
  AccountSuspendedError,
  EmailTakenError,
  InvalidCredentialsError,
  InvalidRefreshTokenError,
  LoginThrottledError,
  SignupBlockedError,
} from './auth.errors.js';
import { AuthPayload } from './auth.types.js';

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
