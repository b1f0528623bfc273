import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { User } from '../users/user.entity.js';
import { UserError } from '@bloom/kernel';

@ObjectType({ description: 'Tokens for a signed-in session.' })
export class AuthPayload {
  @Field({ description: 'Bearer token for the Authorization header.' })
  accessToken!: string;

  @Field(() => Int, { description: 'Seconds until the access token expires.' })
  expiresIn!: number;

  @Field({ description: 'Exchange it with refreshTokens for a new pair; single use.' })
  refreshToken!: string;

  @Field(() => User)
  user!: User;
}

@ObjectType({ implements: UserError })
export class EmailTakenError extends UserError {}

@ObjectType({ implements: UserError })
export class SignupBlockedError extends UserError {
  @Field({ description: 'When sign-up with this e-mail is possible again.' })
  until!: Date;
}

@ObjectType({ implements: UserError })
export class InvalidCredentialsError extends UserError {}

@ObjectType({ implements: UserError })
export class AccountSuspendedError extends UserError {}

@ObjectType({ implements: UserError })
export class LoginThrottledError extends UserError {
  @Field({ description: 'When log-in with this e-mail can be tried again.' })
  retryAfter!: Date;
}

@ObjectType({ implements: UserError })
export class InvalidRefreshTokenError extends UserError {}

@InputType()
export class SignUpInput {
  @Field()
  email!: string;

  @Field({ description: 'At least 8 characters with letters and digits.' })
  password!: string;

  @Field()
  name!: string;

  @Field({ nullable: true, description: 'Korean mobile number, e.g. 010-1234-5678.' })
  phone?: string;
}

@InputType()
export class LogInInput {
  @Field()
  email!: string;

  @Field()
  password!: string;
}

@InputType()
export class ChangePasswordInput {
  @Field()
  currentPassword!: string;

  @Field()
  newPassword!: string;
}
