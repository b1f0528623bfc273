import { createUnionType } from 'type-graphql';
import { User } from '../users/user.entity.js';
import { CodeExpiredError, InvalidCodeError, TooManyAttemptsError } from './verification.errors.js';

export const VerifyEmailResult = createUnionType({
  name: 'VerifyEmailResult',
  types: () => [User, InvalidCodeError, CodeExpiredError, TooManyAttemptsError] as const,
});
