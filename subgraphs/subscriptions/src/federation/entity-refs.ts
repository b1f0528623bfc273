import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** A person, owned by identity; subscriptions adds `User.flowerSubscriptions`. */
@ObjectType('User')
@Directive('@key(fields: "id")')
export class UserRef {
  @Field(() => ID)
  id!: string;
}

/** A store, owned by stores; subscriptions adds `Store.subscriptionCalendar`. */
@ObjectType('Store')
@Directive('@key(fields: "id")')
export class StoreRef {
  @Field(() => ID)
  id!: string;
}

/** A product, owned by products. */
@ObjectType('Product')
@Directive('@key(fields: "id", resolvable: false)')
export class ProductRef {
  @Field(() => ID)
  id!: string;
}

/** An order, owned by orders: a cycle's delivery order. */
@ObjectType('Order')
@Directive('@key(fields: "id", resolvable: false)')
export class OrderRef {
  @Field(() => ID)
  id!: string;
}

export const userRef = (id: string) => Object.assign(new UserRef(), { id });
export const storeRef = (id: string) => Object.assign(new StoreRef(), { id });
export const productRef = (id: string) => Object.assign(new ProductRef(), { id });
export const orderRef = (id: string) => Object.assign(new OrderRef(), { id });
