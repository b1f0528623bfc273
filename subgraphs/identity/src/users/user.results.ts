import { InvalidInputError } from '@bloom/kernel';
import { createUnionType } from 'type-graphql';
import { InvalidCredentialsError } from '../auth/auth.errors.js';
import { User } from './user.entity.js';
import { CannotSuspendAdminError, UserNotFoundError } from './user.errors.js';
import { AccountDeleted } from './user.types.js';

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
