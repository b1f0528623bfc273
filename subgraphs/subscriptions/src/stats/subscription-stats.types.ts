import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Admin: subscription changes over a period.' })
export class SubscriptionStats {
  @Field(() => Int, { description: 'Subscriptions created in the period.' })
  started!: number;

  @Field(() => Int, {
    description: 'Subscriptions whose latest suspension (a failed charge) fell in the period.',
  })
  suspended!: number;

  @Field(() => Int, { description: 'Subscriptions canceled in the period.' })
  canceled!: number;
}
