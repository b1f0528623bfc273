import { UserError } from '@bloom/kernel';
import { Field, ObjectType } from 'type-graphql';
import { StoreStatus } from './store.entity.js';

@ObjectType({ implements: UserError, description: 'The seller already has a store.' })
export class StoreAlreadyExistsError extends UserError {}

@ObjectType({
  implements: UserError,
  description: 'The seller approval has not reached the store service yet, or never happened.',
})
export class SellerNotApprovedError extends UserError {}

@ObjectType({ implements: UserError, description: 'The store cannot move to that status now.' })
export class StoreStatusTransitionError extends UserError {
  @Field(() => StoreStatus)
  currentStatus!: StoreStatus;
}
