import { UserError } from '@bloom/kernel';
import { Field, ObjectType } from 'type-graphql';

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
