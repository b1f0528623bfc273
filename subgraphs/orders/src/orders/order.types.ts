import { Connection, UserError } from '@bloom/kernel';
import { Field, InputType, ObjectType } from 'type-graphql';
import { Fulfilment, Order, OrderStatus } from './order.entity.js';

export const OrderConnection = Connection(Order, 'OrderConnection');
export type OrderConnection = InstanceType<typeof OrderConnection>;

@InputType({ description: 'Filters for order lists.' })
export class OrderFilter {
  @Field(() => Fulfilment, { nullable: true })
  fulfilment?: Fulfilment;

  @Field(() => [OrderStatus], { nullable: true })
  statuses?: OrderStatus[];

  @Field({ nullable: true, description: 'Placed at or after.' })
  from?: Date;

  @Field({ nullable: true, description: 'Placed before.' })
  to?: Date;
}

@ObjectType({ implements: UserError })
export class OrderNotFoundError extends UserError {}

@ObjectType({ implements: UserError })
export class InvalidTransitionError extends UserError {
  @Field(() => OrderStatus)
  current!: OrderStatus;
}
