import { UserError } from '@bloom/kernel';
import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ implements: UserError })
export class OrderLineNotFoundError extends UserError {}

@ObjectType({ implements: UserError })
export class CardNotAllowedError extends UserError {}

@ObjectType({ implements: UserError })
export class GiftCardExistsError extends UserError {
  @Field(() => ID)
  cardId!: string;
}

@ObjectType({ implements: UserError })
export class GiftCardNotFoundError extends UserError {}

@ObjectType({ implements: UserError })
export class CardLockedError extends UserError {}

@ObjectType({ implements: UserError, description: 'Wrong secret and unknown card look alike.' })
export class CardUnavailableError extends UserError {}

@ObjectType({ implements: UserError })
export class ShareLinkRateLimitedError extends UserError {
  @Field({ description: 'Seconds until another attempt is accepted.' })
  retryAfterSeconds!: number;
}
