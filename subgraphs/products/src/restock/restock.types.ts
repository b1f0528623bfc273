import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType('RestockAlert', {
  description: 'A wait for a sold-out product; consumed by its restock notice.',
})
export class RestockAlertView {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  productId!: string;

  @Field()
  createdAt!: Date;
}
