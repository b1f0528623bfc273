import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { OrderStatus } from '../orders/order.entity.js';

@InputType({ description: 'Admin: which orders to list; every filter given must match.' })
export class AdminOrderFilter {
  @Field({ nullable: true, description: 'The order number, exactly.' })
  number?: string;

  @Field(() => ID, { nullable: true })
  customerId?: string;

  @Field(() => ID, { nullable: true })
  storeId?: string;

  @Field(() => OrderStatus, { nullable: true })
  status?: OrderStatus;

  @Field({
    nullable: true,
    description:
      'true: orders that need staff — FAILED ones, and orders not terminal after their deadline: PENDING longer than the saga step timeout (the sweeper should have confirmed or failed it by then), a delivery not DELIVERED by the end of its delivery day (Asia/Seoul), a pickup not PICKED_UP by the end of its pickup day plus the pickup grace period. false or absent: no such condition.',
  })
  overdue?: boolean;
}

@ObjectType({ description: 'Platform totals over a period.' })
export class PlatformSummary {
  @Field(() => Int, { description: 'Sum of the totals of orders confirmed in the period.' })
  gmv!: number;

  @Field(() => Int, { description: 'Orders confirmed in the period and not canceled.' })
  orders!: number;

  @Field(() => Int, { description: 'Orders placed in the period whose checkout failed.' })
  failedCheckouts!: number;

  @Field(() => Int, { description: 'Orders canceled in the period.' })
  canceledOrders!: number;
}
