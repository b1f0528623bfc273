import { Embeddable, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';

@Embeddable()
@ObjectType({ description: 'Why an order failed or was canceled; the code is stable.' })
export class OrderProblem {
  @Property()
  @Field()
  code!: string;

  @Property()
  @Field()
  message!: string;
}
