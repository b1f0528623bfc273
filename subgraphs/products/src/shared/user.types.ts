import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The identity subgraph's User, referenced by id (a review's author). */
@ObjectType()
@Directive('@key(fields: "id", resolvable: false)')
export class User {
  @Field(() => ID)
  id!: string;
}

export const userRef = (id: string): User => Object.assign(new User(), { id });
