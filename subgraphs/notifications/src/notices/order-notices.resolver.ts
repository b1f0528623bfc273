import { Access, requireRole } from '@bloom/kernel';
import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { NotificationsContext } from '../notifications.context.js';
import { OrderNoticesService } from './order-notices.service.js';
import { SentNotice } from './order-notices.types.js';

@Resolver()
export class OrderNoticesResolver {
  @Access(['ADMIN'])
  @Query(() => [SentNotice], {
    description:
      'Admin: the notices sent about an order (to its customer, its seller, admins), oldest first, with channels and read state.',
  })
  orderNotices(@Arg('orderId', () => ID) orderId: string, @Ctx() ctx: NotificationsContext) {
    requireRole(ctx.caller, 'ADMIN');
    return new OrderNoticesService(ctx.em).of(orderId);
  }
}
