import { Embeddable, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';

@Embeddable()
@ObjectType({ description: 'Where and when the flowers are delivered.' })
export class DeliveryDetails {
  @Property()
  @Field()
  recipientName!: string;

  @Property()
  @Field()
  phone!: string;

  @Property()
  @Field()
  zipCode!: string;

  @Property()
  @Field()
  street!: string;

  @Property()
  @Field()
  detail: string = '';

  @Property()
  @Field({ description: 'Asia/Seoul calendar date, YYYY-MM-DD.' })
  deliveryDate!: string;

  @Property()
  @Field({ description: 'Time window, e.g. 10:00-13:00.' })
  window!: string;

  @Property({ nullable: true })
  @Field({ nullable: true })
  note?: string;

  @Property({ nullable: true })
  @Field({ nullable: true, description: 'Who sends the flowers, when given (보내는 분).' })
  senderName?: string;

  @Property({ nullable: true })
  @Field({ nullable: true })
  senderPhone?: string;

  @Property()
  @Field({ description: 'The recipient must not be told who sent the flowers.' })
  anonymous: boolean = false;
}
