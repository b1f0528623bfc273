import { UserError } from '@bloom/kernel';
import { ObjectType } from 'type-graphql';

@ObjectType({ implements: UserError, description: 'The question already has an answer.' })
export class QuestionAlreadyAnsweredError extends UserError {}
