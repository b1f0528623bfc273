import { Connection } from '@bloom/kernel';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Review } from './review.entities.js';

export enum ReviewSort {
  NEWEST = 'NEWEST',
  HIGHEST = 'HIGHEST',
  LOWEST = 'LOWEST',
}
registerEnumType(ReviewSort, { name: 'ReviewSort' });

export const ReviewConnection = Connection(Review, 'ReviewConnection');

@InputType()
export class CreateReviewInput {
  @Field(() => ID, { description: 'The completed order line being reviewed.' })
  orderLineId!: string;

  @Field(() => Int, { description: '1 to 5.' })
  rating!: number;

  @Field({ description: 'Up to 1000 characters.' })
  text!: string;

  @Field(() => [String], { defaultValue: [], description: 'Image keys from createImageUpload.' })
  photos!: string[];
}

@ObjectType({ description: 'How many reviews gave a product one number of stars.' })
export class RatingCount {
  @Field(() => Int, { description: 'Stars given, 1 to 5.' })
  stars!: number;

  @Field(() => Int, { description: 'Reviews that gave exactly this many stars.' })
  count!: number;
}

@ObjectType({ description: 'An order line its customer may still review.' })
export class ReviewableOrderLine {
  @Field(() => ID)
  orderLineId!: string;

  @Field(() => ID)
  orderId!: string;

  @Field(() => ID)
  productId!: string;

  @Field()
  completedAt!: Date;
}
