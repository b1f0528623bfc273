import { UserError } from '@bloom/kernel';
import { ObjectType } from 'type-graphql';

@ObjectType({
  implements: UserError,
  description:
    'The provider has no answer from the customer yet: open the approval page again, or wait.',
})
export class PaymentNotApprovedError extends UserError {}
