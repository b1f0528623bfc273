import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

/** A line of a product's flower recipe, owned by products; stores reads flowerId and count. */
@ObjectType('RecipeLine', { description: 'Stems of one flower in one unit of a product.' })
@Directive('@shareable')
export class RecipeLine {
  @Field(() => Int)
  flowerId!: number;

  @Field(() => Int)
  count!: number;
}

/**
 * The products subgraph's Product, extended with what stores knows: how many units the store's
 * flower stock can make, and the product's Q&A. `storeId` and `recipe` come from products
 * (`@external`) and reach the resolvers through `@requires`.
 */
@ObjectType('Product')
@Directive('@key(fields: "id")')
export class ProductRef {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  @Directive('@external')
  storeId!: string;

  @Field(() => [RecipeLine])
  @Directive('@external')
  recipe!: RecipeLine[];
}
