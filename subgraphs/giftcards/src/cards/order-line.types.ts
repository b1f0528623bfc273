import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The orders subgraph's order line, extended with its card. */
@ObjectType('OrderLine')
@Directive('@key(fields: "id")')
export class OrderLineRef {
  @Field(() => ID)
  id!: string;
}
