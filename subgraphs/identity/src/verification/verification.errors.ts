import { UserError } from '@bloom/kernel';
import { ObjectType } from 'type-graphql';

@ObjectType({ implements: UserError })
export class InvalidCodeError extends UserError {}

@ObjectType({ implements: UserError })
export class CodeExpiredError extends UserError {}

@ObjectType({ implements: UserError })
export class TooManyAttemptsError extends UserError {}
