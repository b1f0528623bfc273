import { InvalidInputError, buildFederatedSchema } from '@bloom/kernel';
import type { GraphQLSchema } from 'graphql';
import { AdminOrdersResolver } from './admin/admin-orders.resolver.js';
import { CartResolver } from './cart/cart.resolver.js';
import { UserRef } from './federation/entity-refs.js';
import { StoreOrdersResolver, UserOrdersResolver } from './federation/entity.resolver.js';
import { storeReference } from './federation/store.reference.js';
import { userReference } from './federation/user.reference.js';
import { orderReference } from './orders/order.reference.js';
import { OrderLineResolver, OrderResolver } from './orders/order.resolver.js';
import { EasyPayResolver } from './payments/easy-pay.resolver.js';
import { ReportingResolver } from './reporting/reporting.resolver.js';

/** The orders subgraph's schema; also printed into schema/subgraphs/orders.graphql. */
export function buildSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [
        CartResolver,
        OrderResolver,
        OrderLineResolver,
        EasyPayResolver,
        UserOrdersResolver,
        StoreOrdersResolver,
        ReportingResolver,
        AdminOrdersResolver,
      ],
      // User is reached only through its `orders` extension, so it is listed explicitly.
      orphanedTypes: [InvalidInputError, UserRef],
    },
    { ...orderReference, ...storeReference, ...userReference },
  );
}
