import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Order, Product, Store } from '../notices/notice.types.js';

@ObjectType({ description: 'A sold-out product that can be ordered again.' })
export class ProductRestock {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  productId!: string;

  @Field()
  restockedAt!: Date;

  @Field(() => Product)
  product!: Product;

  @Field(() => Store, { nullable: true })
  store!: Store | null;
}

@ObjectType({ description: 'An order moved to another state.' })
export class OrderStatusChange {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  orderId!: string;

  @Field({
    description:
      'PLACED, CONFIRMED, FAILED, CANCELED, PREPARING, SHIPPING, DELIVERED, READY_FOR_PICKUP or PICKED_UP.',
  })
  status!: string;

  @Field(() => String, { nullable: true, description: 'Why it failed or was canceled.' })
  reason!: string | null;

  @Field()
  changedAt!: Date;

  @Field(() => Order)
  order!: Order;
}

@ObjectType({ description: 'An administrator action (owned by the identity subgraph).' })
@Directive('@key(fields: "id", resolvable: false)')
export class AuditEntry {
  @Field(() => ID)
  id!: string;
}
