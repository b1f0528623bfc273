import { hasRole } from '@bloom/kernel';
import { Ctx, Directive, Field, FieldResolver, ID, ObjectType, Resolver, Root } from 'type-graphql';
import type { GiftcardsContext } from '../giftcards.context.js';
import { GiftCard } from './gift-card.entity.js';

/** The orders subgraph's order line, extended with its card. */
@ObjectType('OrderLine')
@Directive('@key(fields: "id")')
export class OrderLineRef {
  @Field(() => ID)
  id!: string;
}

@Resolver(() => OrderLineRef)
export class OrderLineCardResolver {
  @FieldResolver(() => Boolean, {
    description: 'Whether the buyer wrote a message card for this line (the florist prints it).',
  })
  async hasGiftCard(@Root() line: OrderLineRef, @Ctx() ctx: GiftcardsContext): Promise<boolean> {
    return (await ctx.cardByLineLoader.load(line.id)) !== null;
  }

  @FieldResolver(() => GiftCard, {
    nullable: true,
    description: "The line's card; its buyer only.",
  })
  async giftCard(
    @Root() line: OrderLineRef,
    @Ctx() ctx: GiftcardsContext,
  ): Promise<GiftCard | null> {
    const card = await ctx.cardByLineLoader.load(line.id);
    if (!card) return null;
    return card.customerId === ctx.caller.userId || hasRole(ctx.caller, 'ADMIN') ? card : null;
  }
}

/** `_entities` for OrderLine: giftcards needs nothing but the id. */
export const orderLineReference = {
  OrderLine: {
    __resolveReference: (reference: { id: string }) =>
      Object.assign(new OrderLineRef(), { id: reference.id }),
  },
};
