import { Connection } from '@bloom/kernel';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { NoticeKind } from './notice-kind.js';

// Entities other subgraphs own, referenced by id only: their fields resolve through federation.

@ObjectType({ description: 'A product (owned by the products subgraph).' })
@Directive('@key(fields: "id", resolvable: false)')
export class Product {
  @Field(() => ID)
  id!: string;
}

@ObjectType({ description: 'A store (owned by the stores subgraph).' })
@Directive('@key(fields: "id", resolvable: false)')
export class Store {
  @Field(() => ID)
  id!: string;
}

@ObjectType({ description: 'An order (owned by the orders subgraph).' })
@Directive('@key(fields: "id", resolvable: false)')
export class Order {
  @Field(() => ID)
  id!: string;
}

export const ref = <T extends { id: string }>(id: string | undefined): T | null =>
  id ? ({ id } as T) : null;

@ObjectType('Notice', { description: 'One notification in a person’s inbox.' })
export class NoticeNode {
  @Field(() => ID)
  id!: string;

  @Field(() => NoticeKind)
  kind!: NoticeKind;

  @Field()
  title!: string;

  @Field()
  body!: string;

  @Field()
  createdAt!: Date;

  @Field({ description: 'Whether the signed-in reader has read it.' })
  read!: boolean;

  @Field(() => Boolean, { description: 'True for notices addressed to every administrator.' })
  forAdmins!: boolean;

  @Field(() => Product, { nullable: true })
  product!: Product | null;

  @Field(() => Store, { nullable: true })
  store!: Store | null;

  @Field(() => Order, { nullable: true })
  order!: Order | null;
}

export const NoticeConnection = Connection(NoticeNode, 'NoticeConnection');

@ObjectType({ description: 'The reader’s inbox after marking everything read.' })
export class InboxReadState {
  @Field({ description: 'Notices created at or before this instant count as read.' })
  readUpTo!: Date;

  @Field(() => Int)
  unreadCount!: number;
}
