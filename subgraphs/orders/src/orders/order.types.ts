import { Connection } from '@bloom/kernel';
import { Field, InputType } from 'type-graphql';
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
