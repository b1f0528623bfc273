import { UserError } from '@bloom/kernel';
import { ObjectType } from 'type-graphql';

@ObjectType({ implements: UserError })
export class ProductNotSubscribableError extends UserError {}

@ObjectType({ implements: UserError })
export class PaymentMethodRefusedError extends UserError {}

/** The change does not fit the subscription's cycles (already charged, canceled, suspended…). */
@ObjectType({ implements: UserError })
export class SubscriptionStateError extends UserError {}
