import { InvalidInputError, buildFederatedSchema } from '@bloom/kernel';
import type { GraphQLSchema } from 'graphql';
import { storeReference } from './federation/store.reference.js';
import { userReference } from './federation/user.reference.js';
import { SubscriptionStatsResolver } from './stats/subscription-stats.resolver.js';
import {
  CycleRecordResolver,
  StoreSubscriptionsResolver,
  SubscriptionDeliveryResolver,
  SubscriptionResolver,
  UserSubscriptionsResolver,
} from './subscriptions/subscription.resolver.js';
import { subscriptionReference } from './subscriptions/subscription.reference.js';

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
        SubscriptionStatsResolver,
      ],
      orphanedTypes: [InvalidInputError],
    },
    { ...subscriptionReference, ...storeReference, ...userReference },
  );
}
