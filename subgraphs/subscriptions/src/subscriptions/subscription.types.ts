import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { SubscriptionCycle } from './subscription.entity.js';

@InputType()
export class SubscriptionAddressInput {
  @Field()
  recipientName!: string;

  @Field()
  phone!: string;

  @Field({ defaultValue: '' })
  zipCode!: string;

  @Field()
  line1!: string;

  @Field({ defaultValue: '' })
  line2!: string;
}

@InputType()
export class CardInput {
  @Field()
  number!: string;

  @Field(() => Int)
  expiryYear!: number;

  @Field(() => Int)
  expiryMonth!: number;

  @Field({ nullable: true })
  ownerName?: string;
}

@InputType()
export class SubscribeInput {
  @Field()
  productId!: string;

  @Field(() => Int, { defaultValue: 1 })
  quantity!: number;

  @Field(() => SubscriptionCycle)
  cycle!: SubscriptionCycle;

  @Field({ description: 'YYYY-MM-DD; its charge day (lead days before) must not have passed.' })
  firstDeliveryDate!: string;

  @Field(() => SubscriptionAddressInput)
  address!: SubscriptionAddressInput;

  @Field(() => CardInput, { description: 'Saved at the payment provider as a billing key.' })
  card!: CardInput;

  @Field(() => String, {
    nullable: true,
    description:
      "One of the store's delivery windows (Store.deliveryPolicy), HH:mm-HH:mm; the first when omitted.",
  })
  deliveryWindow?: string | null;

  @Field({
    nullable: true,
    description: 'Repeating a subscribe with the same key returns the first subscription.',
  })
  idempotencyKey?: string;
}

/** A delivery on a store's subscription calendar. */
@ObjectType()
export class SubscriptionDelivery {
  @Field()
  subscriptionId!: string;

  @Field(() => Int)
  cycle!: number;

  @Field()
  deliveryDate!: string;

  @Field({ description: 'HH:mm-HH:mm; empty: any time of the day.' })
  deliveryWindow!: string;

  @Field()
  billingDate!: string;

  @Field()
  recipientName!: string;

  @Field()
  productName!: string;

  @Field(() => Int)
  quantity!: number;

  @Field({ description: 'True once the cycle was charged and its order requested.' })
  ordered!: boolean;
}

/** What a cycle charges: the product's price × quantity plus the store's delivery fee. */
@ObjectType()
export class SubscriptionChargeQuote {
  @Field(() => Int)
  subtotal!: number;

  @Field(() => Int, {
    description: "0 when the subtotal reaches the store's free-delivery threshold.",
  })
  deliveryFee!: number;

  @Field(() => Int)
  total!: number;
}
