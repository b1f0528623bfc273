import { UserError } from '@bloom/kernel';
import { ObjectType } from 'type-graphql';

@ObjectType({
  implements: UserError,
  description: 'The product can be bought now; there is nothing to wait for.',
})
export class ProductAvailableError extends UserError {}
