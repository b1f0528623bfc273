import { UserError } from '@bloom/kernel';
import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ implements: UserError })
export class ProductNotFoundError extends UserError {}

@ObjectType({ implements: UserError, description: 'The seller has no open store yet.' })
export class NoStoreError extends UserError {}

@ObjectType({ implements: UserError })
export class SubscriptionProductExistsError extends UserError {
  @Field(() => ID)
  existingProductId!: string;
}
