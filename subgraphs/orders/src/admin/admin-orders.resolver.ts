import { Access, checkPeriodDays, pageSize, requireRole } from '@bloom/kernel';
import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import type { OrdersContext } from '../orders.context.js';
import { OrderConnection } from '../orders/order.types.js';
import { DailySales, ProductSales } from '../reporting/reporting.types.js';
import { AdminOrderFilter, PlatformSummary } from './admin-orders.types.js';
import { OrderStory } from './order-story.types.js';

@Resolver()
export class AdminOrdersResolver {
  @Access(['ADMIN'])
  @Query(() => OrderConnection, { description: 'Admin: any orders, newest first.' })
  adminOrders(
    @Ctx() ctx: OrdersContext,
    @Arg('filter', () => AdminOrderFilter, { nullable: true }) filter?: AdminOrderFilter,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', { nullable: true }) after?: string,
  ) {
    requireRole(ctx.caller, 'ADMIN');
    return ctx.services.admin.list(filter ?? {}, pageSize(first), after);
  }

  @Access(['ADMIN'])
  @Query(() => OrderStory, {
    nullable: true,
    description:
      "Admin: an order's saga steps, state transitions, payment attempts and refunds, and events, each oldest first; null for an unknown order.",
  })
  orderStory(@Arg('orderId', () => ID) orderId: string, @Ctx() ctx: OrdersContext) {
    requireRole(ctx.caller, 'ADMIN');
    return ctx.services.story.of(orderId);
  }

  @Access(['ADMIN'])
  @Query(() => [DailySales], {
    description:
      'Admin: the whole platform’s sales per Asia/Seoul day over the last `days` days (1–366, today included), oldest first, zero days included.',
  })
  platformDailySales(
    @Ctx() ctx: OrdersContext,
    @Arg('days', () => Int, { defaultValue: 30 }) days: number,
  ) {
    requireRole(ctx.caller, 'ADMIN');
    return ctx.services.reporting.dailySales(undefined, checkPeriodDays(days));
  }

  @Access(['ADMIN'])
  @Query(() => [ProductSales], {
    description:
      'Admin: the 10 best-selling products of the platform by units over the last `days` days (1–366).',
  })
  platformTopProducts(
    @Ctx() ctx: OrdersContext,
    @Arg('days', () => Int, { defaultValue: 30 }) days: number,
  ) {
    requireRole(ctx.caller, 'ADMIN');
    return ctx.services.reporting.topProducts(undefined, checkPeriodDays(days));
  }

  @Access(['ADMIN'])
  @Query(() => PlatformSummary, {
    description:
      'Admin: GMV, orders, failed checkouts and cancellations over the last `days` Asia/Seoul days (1–366, today included).',
  })
  platformSummary(
    @Ctx() ctx: OrdersContext,
    @Arg('days', () => Int, { defaultValue: 30 }) days: number,
  ) {
    requireRole(ctx.caller, 'ADMIN');
    return ctx.services.admin.summary(checkPeriodDays(days));
  }
}
