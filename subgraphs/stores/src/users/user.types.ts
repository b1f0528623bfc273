import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The identity subgraph's User, extended here with the seller's store. */
@ObjectType('User')
@Directive('@key(fields: "id")')
export class UserRef {
  @Field(() => ID)
  id!: string;
}
