import { UserError } from '@bloom/kernel';
import { ObjectType } from 'type-graphql';

@ObjectType({
  implements: UserError,
  description: 'Only a customer whose order line for the product is completed can review it.',
})
export class NotEligibleToReviewError extends UserError {}

@ObjectType({ implements: UserError, description: 'This order line was already reviewed.' })
export class AlreadyReviewedError extends UserError {}
