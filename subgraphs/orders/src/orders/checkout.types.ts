import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { PaymentMethod } from '../payments/payment-method.js';
import { Fulfilment, Order } from './order.entity.js';

@InputType({ description: 'Buy one product now, without the cart.' })
export class BuyNowInput {
  @Field(() => ID)
  productId!: string;

  @Field(() => Int)
  quantity!: number;
}

@InputType()
export class DeliveryInput {
  @Field()
  recipientName!: string;

  @Field()
  phone!: string;

  @Field({ description: 'Five-digit postal code.' })
  zipCode!: string;

  @Field()
  street!: string;

  @Field({ nullable: true })
  detail?: string;

  @Field({ description: 'Asia/Seoul date, YYYY-MM-DD; today or later.' })
  deliveryDate!: string;

  @Field({ description: 'Time window, e.g. 10:00-13:00.' })
  window!: string;

  @Field({ nullable: true, description: 'Request note for the florist or courier.' })
  note?: string;

  @Field({
    nullable: true,
    description:
      'Who sends the flowers (보내는 분), when not the account holder; at most 50 characters.',
  })
  senderName?: string;

  @Field({ nullable: true, description: 'The sender’s mobile number, for the florist to reach.' })
  senderPhone?: string;

  @Field({
    defaultValue: false,
    description: 'Ask the florist not to tell the recipient who sent the flowers.',
  })
  anonymous!: boolean;
}

@InputType({ description: 'How the checkout is paid.' })
export class PaymentChoiceInput {
  @Field(() => PaymentMethod, { defaultValue: PaymentMethod.CARD })
  method!: PaymentMethod;

  @Field({
    nullable: true,
    description:
      'Easy pay: where the provider sends the browser back after approval or cancellation (the order id and the outcome are appended). Its origin must be one the platform allows.',
  })
  returnUrl?: string;
}

@InputType({ description: 'A pickup slot at one store (every 30 minutes, in the future).' })
export class PickupSlotInput {
  @Field(() => ID)
  storeId!: string;

  @Field()
  startsAt!: Date;
}

@InputType({ description: 'A claimed coupon to use on one store’s order.' })
export class CouponChoiceInput {
  @Field(() => ID)
  storeId!: string;

  @Field(() => ID)
  couponId!: string;
}

/** What a checkout orders and how; `checkoutQuote` prices it, `checkout` places it. */
@InputType()
export class CheckoutQuoteInput {
  @Field(() => BuyNowInput, {
    nullable: true,
    description: 'Without it the whole cart is ordered.',
  })
  buyNow?: BuyNowInput;

  @Field(() => Fulfilment)
  fulfilment!: Fulfilment;

  @Field(() => DeliveryInput, { nullable: true })
  delivery?: DeliveryInput;

  @Field(() => [PickupSlotInput], { nullable: true })
  pickupSlots?: PickupSlotInput[];

  @Field(() => [CouponChoiceInput], { nullable: true })
  coupons?: CouponChoiceInput[];
}

@InputType()
export class CheckoutInput extends CheckoutQuoteInput {
  @Field({
    description:
      'Chosen by the client once per checkout; a retry with it returns the first result.',
  })
  idempotencyKey!: string;

  @Field(() => Int, {
    description: 'The total the client showed (from checkoutQuote); it must match the server’s.',
  })
  expectedTotal!: number;

  @Field(() => PaymentChoiceInput, { nullable: true, description: 'Without it: CARD.' })
  payment?: PaymentChoiceInput;
}

@ObjectType({ description: "One store's order in a checkout quote." })
export class CheckoutStoreQuote {
  @Field(() => ID)
  storeId!: string;

  @Field(() => Int)
  subtotal!: number;

  @Field(() => Int, { description: 'The chosen coupon’s discount.' })
  discount!: number;

  @Field(() => Int)
  deliveryFee!: number;

  @Field(() => Int)
  total!: number;
}

@ObjectType({
  description: 'What a checkout would charge, priced by the server; nothing is reserved.',
})
export class CheckoutQuote {
  @Field(() => [CheckoutStoreQuote])
  stores!: CheckoutStoreQuote[];

  @Field(() => Int, { description: 'Pass it as checkout’s expectedTotal.' })
  total!: number;
}

@ObjectType({ description: 'The orders one checkout created, one per store.' })
export class CheckoutSuccess {
  @Field(() => [Order])
  orders!: Order[];

  @Field(() => Int)
  total!: number;

  @Field({ description: 'True when this is the stored result of an earlier identical call.' })
  replayed!: boolean;
}
