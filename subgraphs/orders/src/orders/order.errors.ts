import { UserError } from '@bloom/kernel';
import { Field, ObjectType } from 'type-graphql';
import { OrderStatus } from './order.entity.js';

@ObjectType({ implements: UserError })
export class OrderNotFoundError extends UserError {}

@ObjectType({ implements: UserError })
export class InvalidTransitionError extends UserError {
  @Field(() => OrderStatus)
  current!: OrderStatus;
}
