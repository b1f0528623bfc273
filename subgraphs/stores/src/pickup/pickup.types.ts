import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({
  description: 'A 30-minute pickup slot at a store (times in UTC; label in Seoul time).',
})
export class PickupSlot {
  @Field()
  startsAt!: Date;

  @Field()
  endsAt!: Date;

  @Field({ description: 'Seoul wall-clock time, e.g. "11:00–11:30".' })
  label!: string;

  @Field(() => Int)
  capacity!: number;

  @Field(() => Int)
  booked!: number;

  @Field(() => Int)
  remaining!: number;

  @Field({ description: 'In the future, with a free seat, while the store is open.' })
  bookable!: boolean;
}
