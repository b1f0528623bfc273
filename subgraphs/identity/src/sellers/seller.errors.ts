import { UserError } from '@bloom/kernel';
import { ObjectType } from 'type-graphql';

@ObjectType({ implements: UserError })
export class InvalidBusinessNumberError extends UserError {}

@ObjectType({ implements: UserError })
export class AlreadyAppliedError extends UserError {}

@ObjectType({ implements: UserError })
export class NotPendingError extends UserError {}
