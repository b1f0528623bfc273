import { UserError } from '@bloom/kernel';
import { ObjectType } from 'type-graphql';

@ObjectType({ implements: UserError })
export class UserNotFoundError extends UserError {}

@ObjectType({ implements: UserError })
export class CannotSuspendAdminError extends UserError {}
