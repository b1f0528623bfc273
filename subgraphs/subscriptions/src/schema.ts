import { InvalidInputError, buildFederatedSchema } from '@bloom/kernel';
import type { GraphQLSchema } from 'graphql';
import {
  CycleRecordResolver,
  StoreSubscriptionsResolver,
  SubscriptionDeliveryResolver,
  SubscriptionResolver,
  UserSubscriptionsResolver,
  entityReferences,
} from './subscriptions/subscription.resolver.js';

/** The subscriptions subgraph's schema; also printed into schema/subgraphs/subscriptions.graphql. */
export function buildSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [
        SubscriptionResolver,
        CycleRecordResolver,
        SubscriptionDeliveryResolver,
        UserSubscriptionsResolver,
        StoreSubscriptionsResolver,
      ],
      orphanedTypes: [InvalidInputError],
    },
    entityReferences,
  );
}
