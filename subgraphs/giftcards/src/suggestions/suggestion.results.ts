import { InvalidInputError } from '@bloom/kernel';
import { createUnionType } from 'type-graphql';
import { OrderLineNotFoundError } from '../cards/card.errors.js';
import { UnknownFlowerError } from './suggestion.errors.js';
import { CardSuggestions } from './suggestion.types.js';

// Expected outcomes of asking for suggestions, as a typed union a client can switch on by __typename.

export const SuggestCardMessagesResult = createUnionType({
  name: 'SuggestCardMessagesResult',
  types: () =>
    [CardSuggestions, InvalidInputError, OrderLineNotFoundError, UnknownFlowerError] as const,
});
