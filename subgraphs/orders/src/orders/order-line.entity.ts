import { Embeddable, Property } from '@mikro-orm/core';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import type { RecipeItem } from '../projections/catalog.entities.js';

@Embeddable()
@ObjectType({ description: 'One product of an order, priced by the server at checkout.' })
// Other subgraphs extend order lines (giftcards adds the card); they resolve them by id.
@Directive('@key(fields: "id", resolvable: false)')
export class OrderLine {
  @Property()
  @Field(() => ID, { description: 'Order id and product id: what a review refers to.' })
  id!: string;

  @Property()
  productId!: string;

  @Property()
  @Field({ description: 'The product name when ordered.' })
  productName!: string;

  @Property()
  @Field(() => Int)
  unitPrice!: number;

  @Property()
  @Field(() => Int)
  quantity!: number;

  @Property()
  @Field(() => Int)
  amount!: number;

  @Property({ type: 'json' })
  recipe: RecipeItem[] = [];
}
