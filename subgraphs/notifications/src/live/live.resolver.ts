import { Access, forbidden, hasRole, requireUser } from '@bloom/kernel';
import { Arg, Ctx, ID, Query, Resolver, Subscription } from 'type-graphql';
import { NoticeNode, ref } from '../notices/notice.types.js';
import type { NotificationsContext } from '../notifications.context.js';
import { OrderStatusChangeRecord, ProductRestockRecord } from './live.entities.js';
import { AuditEntry, OrderStatusChange, ProductRestock } from './live.types.js';

/**
 * The gateway serves subscriptions (graphql-ws on its /graphql): it matches live messages from
 * NATS to its subscribers and resolves each payload with the query fields below, through
 * federation. The subgraph only declares the subscription fields so they are in the schema.
 */
const servedByGateway = (): never => {
  throw forbidden('Subscriptions are served by the gateway over graphql-ws.');
};

@Resolver()
export class LiveResolver {
  @Access('signed-in', 'events:read')
  @Subscription(() => NoticeNode, {
    subscribe: servedByGateway,
    description: 'Each new notice for the signed-in person (admins: also admin notices).',
  })
  notificationAdded(): never {
    return servedByGateway();
  }

  @Access('signed-in', 'events:read')
  @Subscription(() => OrderStatusChange, {
    subscribe: servedByGateway,
    description: 'State changes of one order, for its customer, its store’s seller and admins.',
  })
  orderStatusChanged(@Arg('orderId', () => ID) _orderId: string): never {
    return servedByGateway();
  }

  @Access('anyone', 'events:read')
  @Subscription(() => ProductRestock, {
    subscribe: servedByGateway,
    description: 'A sold-out product can be ordered again. Public: anonymous clients may listen.',
  })
  productRestocked(@Arg('productId', () => ID) _productId: string): never {
    return servedByGateway();
  }

  @Access(['ADMIN'])
  @Subscription(() => AuditEntry, {
    subscribe: servedByGateway,
    description: 'Admins: every new audit-log entry, live (one admin sees another’s decision).',
  })
  auditEntryAdded(): never {
    return servedByGateway();
  }

  @Access('anyone', 'events:read')
  @Query(() => ProductRestock, { nullable: true, description: 'One restock (public).' })
  async productRestock(@Arg('id', () => ID) id: string, @Ctx() ctx: NotificationsContext) {
    const found = await ctx.em.findOne(ProductRestockRecord, { _id: id });
    if (!found) return null;
    return Object.assign(new ProductRestock(), {
      id: found._id,
      productId: found.productId,
      restockedAt: found.restockedAt,
      product: ref(found.productId),
      store: ref(found.storeId),
    });
  }

  @Access('signed-in', 'events:read')
  @Query(() => OrderStatusChange, {
    nullable: true,
    description: 'One order state change: for the order’s customer, its seller and admins.',
  })
  async orderStatusChange(@Arg('id', () => ID) id: string, @Ctx() ctx: NotificationsContext) {
    const caller = requireUser(ctx.caller);
    const found = await ctx.em.findOne(OrderStatusChangeRecord, { _id: id });
    if (!found) return null;
    const entitled =
      hasRole(caller, 'ADMIN') ||
      found.customerId === caller.userId ||
      found.sellerUserId === caller.userId;
    if (!entitled) return null;
    return Object.assign(new OrderStatusChange(), {
      id: found._id,
      orderId: found.orderId,
      status: found.status,
      reason: found.reason ?? null,
      changedAt: found.changedAt,
      order: { id: found.orderId },
    });
  }
}
