import { Field, Int, ObjectType } from 'type-graphql';
import { ProductRef, StoreRef } from '../federation/entity-refs.js';

@ObjectType({ description: 'Sales of one Asia/Seoul day.' })
export class DailySales {
  @Field({ description: 'YYYY-MM-DD.' })
  date!: string;

  @Field(() => Int)
  orderCount!: number;

  @Field(() => Int)
  amount!: number;
}

@ObjectType()
export class ProductSales {
  @Field(() => ProductRef)
  product!: ProductRef;

  @Field()
  productName!: string;

  @Field(() => Int)
  quantity!: number;

  @Field(() => Int)
  amount!: number;
}

@ObjectType()
export class StoreSales {
  @Field(() => StoreRef)
  store!: StoreRef;

  @Field(() => Int)
  orderCount!: number;

  @Field(() => Int)
  amount!: number;
}
