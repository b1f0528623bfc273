import { Access, requireUser, simpleError } from '@bloom/kernel';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { TemplateColorValue } from '../catalog/catalog.data.js';
import type { GiftcardsContext } from '../giftcards.context.js';
import {
  EditGiftCardResult,
  RenewGiftCardLinkResult,
  SharedCardResult,
  WriteGiftCardResult,
} from './card.results.js';
import { DEFAULT_TEMPLATE_KEY, TEMPLATES, findTemplate } from '../templates/template.catalog.js';
import { CardTemplate, TemplateColor } from '../templates/template.types.js';
import { toCardTemplate } from '../templates/template.view.js';
import { CardUnavailableError, ShareLinkRateLimitedError } from './card.errors.js';
import { callerClientKeys } from './client.identity.js';
import { EditGiftCardInput, SharedGiftCard, WriteGiftCardInput } from './card.types.js';
import { GiftCard } from './gift-card.entity.js';

const templateOf = (key: string, ctx: GiftcardsContext) =>
  toCardTemplate(findTemplate(key) ?? findTemplate(DEFAULT_TEMPLATE_KEY)!, ctx.deps.publicUrl());

@Resolver(() => GiftCard)
export class GiftCardResolver {
  @Access('anyone', 'catalog:read')
  @Query(() => [CardTemplate], { description: 'Card designs, optionally of one colour.' })
  cardTemplates(
    @Arg('color', () => TemplateColor, { nullable: true }) color: TemplateColorValue | undefined,
    @Ctx() ctx: GiftcardsContext,
  ) {
    return TEMPLATES.filter((t) => !color || t.color === color).map((t) =>
      toCardTemplate(t, ctx.deps.publicUrl()),
    );
  }

  @Access('signed-in')
  @Query(() => GiftCard, { nullable: true, description: 'One of your cards.' })
  giftCard(@Arg('id', () => ID) id: string, @Ctx() ctx: GiftcardsContext) {
    const { userId } = requireUser(ctx.caller);
    return ctx.services.cards.findOwn(userId, id);
  }

  /**
   * The card of one of your order lines. Orders' OrderLine is not a federated entity yet;
   * once it is, `OrderLine.giftCard` extends it and this stays as a convenience.
   */
  @Access('signed-in')
  @Query(() => GiftCard, { nullable: true, description: 'The card of one of your order lines.' })
  giftCardForOrderLine(
    @Arg('orderLineId', () => ID) orderLineId: string,
    @Ctx() ctx: GiftcardsContext,
  ) {
    const { userId } = requireUser(ctx.caller);
    return ctx.services.cards.findForLine(userId, orderLineId);
  }

  @Access('anyone')
  @Query(() => SharedCardResult, {
    description: 'A card opened with its share secret; no account needed.',
  })
  async sharedCard(
    @Arg('id', () => ID) id: string,
    @Arg('secret') secret: string,
    @Ctx() ctx: GiftcardsContext,
  ): Promise<typeof SharedCardResult> {
    // Limited per client: the address the gateway signed into the caller, and the account.
    const result = await ctx.services.cards.open(id, secret, callerClientKeys(ctx.caller));
    if (result.kind === 'limited') {
      return Object.assign(
        simpleError(
          ShareLinkRateLimitedError,
          'TOO_MANY_ATTEMPTS',
          'Too many attempts; try later.',
        ),
        { retryAfterSeconds: result.retryAfterSeconds },
      );
    }
    if (result.kind === 'unavailable') {
      return simpleError(
        CardUnavailableError,
        'CARD_UNAVAILABLE',
        'This card link is not valid. Check the link you received.',
      );
    }
    const { card } = result;
    return Object.assign(new SharedGiftCard(), {
      id: card.id,
      template: templateOf(card.templateKey, ctx),
      message: card.message,
      fromName: card.fromName,
    });
  }

  @Access('signed-in')
  @Mutation(() => WriteGiftCardResult, {
    description: 'Write the card of one of your order lines (once per line).',
  })
  writeGiftCard(@Arg('input') input: WriteGiftCardInput, @Ctx() ctx: GiftcardsContext) {
    const { userId, traceId } = requireUser(ctx.caller);
    return ctx.services.cards.write(userId, input, traceId);
  }

  @Access('signed-in')
  @Mutation(() => EditGiftCardResult, { description: 'Change a card until its order ships.' })
  editGiftCard(@Arg('input') input: EditGiftCardInput, @Ctx() ctx: GiftcardsContext) {
    const { userId } = requireUser(ctx.caller);
    return ctx.services.cards.edit(userId, input);
  }

  @Access('signed-in')
  @Mutation(() => RenewGiftCardLinkResult, {
    description: 'A new share link; the previous one stops working.',
  })
  renewGiftCardLink(@Arg('id', () => ID) id: string, @Ctx() ctx: GiftcardsContext) {
    const { userId } = requireUser(ctx.caller);
    return ctx.services.cards.renewLink(userId, id);
  }

  @FieldResolver(() => Boolean, {
    description: 'Whether it can still be changed (until shipping).',
  })
  editable(@Root() card: GiftCard, @Ctx() ctx: GiftcardsContext) {
    return ctx.services.cards.isEditable(card);
  }

  @FieldResolver(() => CardTemplate)
  template(@Root() card: GiftCard, @Ctx() ctx: GiftcardsContext) {
    return templateOf(card.templateKey, ctx);
  }
}
