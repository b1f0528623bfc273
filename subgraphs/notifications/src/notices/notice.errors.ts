import { UserError } from '@bloom/kernel';
import { ObjectType } from 'type-graphql';

@ObjectType({ implements: UserError })
export class NoticeNotFoundError extends UserError {}
