import { InvalidInputError, buildFederatedSchema } from '@bloom/kernel';
import type { GraphQLSchema } from 'graphql';
import { giftCardReference } from './cards/gift-card.reference.js';
import { GiftCardResolver } from './cards/gift-card.resolver.js';
import { orderLineReference } from './cards/order-line.reference.js';
import { OrderLineCardResolver } from './cards/order-line.resolver.js';
import { OrderLineRef } from './cards/order-line.types.js';
import { SuggestionResolver } from './suggestions/suggestion.resolver.js';

/** The giftcards subgraph's schema; also printed into schema/subgraphs/giftcards.graphql. */
export function buildSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [GiftCardResolver, OrderLineCardResolver, SuggestionResolver],
      orphanedTypes: [InvalidInputError, OrderLineRef],
    },
    { ...giftCardReference, ...orderLineReference },
  );
}
