import { Access, requireUser } from '@bloom/kernel';
import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { GiftcardsContext } from '../giftcards.context.js';
import { SuggestCardMessagesResult } from './suggestion.results.js';
import { SuggestCardMessagesInput } from './suggestion.types.js';

@Resolver()
export class SuggestionResolver {
  @Access('signed-in')
  @Query(() => SuggestCardMessagesResult, {
    description:
      'Three card messages from the flower language, recipient, occasion and tone. Nothing is stored.',
  })
  suggestCardMessages(@Arg('input') input: SuggestCardMessagesInput, @Ctx() ctx: GiftcardsContext) {
    // Signed-in only: the AI path costs money per call.
    const { userId } = requireUser(ctx.caller);
    return ctx.services.suggestions.suggest(userId, input);
  }
}
