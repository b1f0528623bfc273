import { hasRole } from '@bloom/kernel';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GiftcardsContext } from '../giftcards.context.js';
import { GiftCard } from './gift-card.entity.js';
import { OrderLineRef } from './order-line.types.js';

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
