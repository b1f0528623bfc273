import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ProductRef, StoreRef } from '../federation/entity-refs.js';

@ObjectType({ description: 'One product in the cart, priced now (checkout prices again).' })
export class CartLineView {
  @Field(() => ID)
  id!: string;

  @Field(() => ProductRef)
  product!: ProductRef;

  @Field(() => Int)
  quantity!: number;

  @Field(() => Int, { description: 'Current unit price.' })
  unitPrice!: number;

  @Field(() => Int)
  amount!: number;

  @Field({ description: 'False when the product is no longer on sale.' })
  available!: boolean;
}

@ObjectType({ description: "The cart lines of one store with that store's delivery terms." })
export class CartStoreGroup {
  @Field(() => StoreRef)
  store!: StoreRef;

  @Field(() => [CartLineView])
  lines!: CartLineView[];

  @Field(() => Int)
  subtotal!: number;

  @Field(() => Int, { description: 'Delivery fee for this subtotal (0 from the threshold on).' })
  deliveryFee!: number;

  @Field(() => Int, { nullable: true, description: 'Subtotal from which delivery is free.' })
  freeDeliveryThreshold?: number;
}

@ObjectType()
export class Cart {
  @Field(() => [CartStoreGroup])
  groups!: CartStoreGroup[];

  @Field(() => Int, { description: 'Sum over groups of subtotal plus delivery fee.' })
  total!: number;

  @Field(() => Int)
  itemCount!: number;
}
