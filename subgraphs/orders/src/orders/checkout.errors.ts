import { UserError } from '@bloom/kernel';
import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ implements: UserError })
export class TotalMismatchError extends UserError {
  @Field(() => Int, { description: 'The total the client sent.' })
  clientTotal!: number;

  @Field(() => Int, { description: 'The total the server computed.' })
  serverTotal!: number;
}

@ObjectType({ implements: UserError })
export class EmptyCartError extends UserError {}

@ObjectType({ implements: UserError })
export class UnavailableError extends UserError {
  @Field(() => ID, { description: 'The product or store that cannot be ordered.' })
  resourceId!: string;
}

@ObjectType({ implements: UserError })
export class CouponNotApplicableError extends UserError {
  @Field(() => ID)
  couponId!: string;
}

@ObjectType({ implements: UserError })
export class IdempotencyKeyReusedError extends UserError {}

@ObjectType({
  implements: UserError,
  description: 'The store cannot make this many of a product now; `available` it can.',
})
export class NotEnoughStockError extends UserError {
  @Field(() => ID)
  productId!: string;

  @Field(() => Int, { description: 'How many the store can make now (0 when none).' })
  available!: number;
}
