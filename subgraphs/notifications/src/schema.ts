import { InvalidInputError, buildFederatedSchema } from '@bloom/kernel';
import type { GraphQLSchema } from 'graphql';
import type { PubSub } from 'type-graphql';
import { LiveResolver } from './live/live.resolver.js';
import { NoticeResolver } from './notices/notice.resolver.js';
import { OrderNoticesResolver } from './notices/order-notices.resolver.js';
import { SettingsResolver } from './settings/settings.resolver.js';
import { WebhooksResolver } from './webhooks/webhooks.resolver.js';

/** type-graphql insists on a PubSub for subscription fields; this subgraph never runs them. */
const noPubSub: PubSub = {
  publish: () => undefined,
  subscribe: () => {
    throw new Error('Subscriptions are served by the gateway.');
  },
};

/** The notifications subgraph's schema; also printed into schema/subgraphs/notifications.graphql. */
export function buildSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [
      NoticeResolver,
      OrderNoticesResolver,
      SettingsResolver,
      LiveResolver,
      WebhooksResolver,
    ],
    orphanedTypes: [InvalidInputError],
    pubSub: noPubSub,
  });
}
