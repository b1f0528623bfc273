import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** A store, owned by the stores subgraph; orders adds `Store.orders` to it. */
@ObjectType('Store')
@Directive('@key(fields: "id")')
export class StoreRef {
  @Field(() => ID)
  id!: string;
}

/** A product, owned by the products subgraph; referenced from cart and order lines. */
@ObjectType('Product')
@Directive('@key(fields: "id", resolvable: false)')
export class ProductRef {
  @Field(() => ID)
  id!: string;
}

/** A person, owned by identity; orders adds `User.orders` (the customer's history). */
@ObjectType('User')
@Directive('@key(fields: "id")')
export class UserRef {
  @Field(() => ID)
  id!: string;
}

export const storeRef = (id: string) => Object.assign(new StoreRef(), { id });
export const productRef = (id: string) => Object.assign(new ProductRef(), { id });
