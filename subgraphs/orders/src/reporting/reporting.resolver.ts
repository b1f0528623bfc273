import { Access, badInput, forbidden, hasRole, requireRole, requireUser } from '@bloom/kernel';
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { OrdersContext } from '../orders.context.js';
import { DailySales, ProductSales, StoreSales } from './reporting.types.js';
import { Settlement } from './settlement.entity.js';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
/** Months whose Seoul bounds the date arithmetic can write: 9999-12 ends in the year 10000. */
const isSettleableMonth = (month: string) => {
  const year = Number(month.slice(0, 4));
  return MONTH.test(month) && year >= 1970 && year <= 9998;
};

@Resolver()
export class ReportingResolver {
  private async requireStoreAccess(ctx: OrdersContext, storeId: string) {
    const caller = requireUser(ctx.caller);
    if (hasRole(caller, 'ADMIN')) return;
    if (hasRole(caller, 'SELLER') && (await ctx.services.queries.ownsStore(caller.userId, storeId)))
      return;
    throw forbidden('Only the store’s seller can see its sales.');
  }

  @Access(['SELLER', 'ADMIN'])
  @Query(() => [DailySales], { description: "Seller: the store's sales of the last 7 days." })
  async storeDailySales(@Arg('storeId', () => ID) storeId: string, @Ctx() ctx: OrdersContext) {
    await this.requireStoreAccess(ctx, storeId);
    return ctx.services.reporting.dailySales(storeId, 7);
  }

  @Access(['SELLER', 'ADMIN'])
  @Query(() => [ProductSales], { description: "Seller: the store's top 10 products (30 days)." })
  async storeTopProducts(@Arg('storeId', () => ID) storeId: string, @Ctx() ctx: OrdersContext) {
    await this.requireStoreAccess(ctx, storeId);
    return ctx.services.reporting.topProducts(storeId);
  }

  @Access(['SELLER', 'ADMIN'])
  @Query(() => [Settlement], { description: "Seller: the store's settlements, newest first." })
  async storeSettlements(@Arg('storeId', () => ID) storeId: string, @Ctx() ctx: OrdersContext) {
    await this.requireStoreAccess(ctx, storeId);
    return ctx.services.reporting.settlements({ storeId });
  }

  @Access(['ADMIN'])
  @Query(() => [StoreSales], { description: 'Admin: the top 10 stores by sales (30 days).' })
  topStores(@Ctx() ctx: OrdersContext, @Arg('days', () => Int, { defaultValue: 30 }) days: number) {
    requireRole(ctx.caller, 'ADMIN');
    return ctx.services.reporting.topStores(Math.min(Math.max(days, 1), 365));
  }

  @Access(['ADMIN'])
  @Query(() => [Settlement], { description: 'Admin: settlements by month, region and store.' })
  settlements(
    @Ctx() ctx: OrdersContext,
    @Arg('month', { nullable: true }) month?: string,
    @Arg('regionCode', { nullable: true }) regionCode?: string,
    @Arg('storeId', () => ID, { nullable: true }) storeId?: string,
  ) {
    requireRole(ctx.caller, 'ADMIN');
    return ctx.services.reporting.settlements({ month, regionCode, storeId });
  }

  @Access(['ADMIN'])
  @Mutation(() => [Settlement], {
    description: 'Admin: settle a month (YYYY-MM); running it again settles nothing twice.',
  })
  settleMonth(@Arg('month') month: string, @Ctx() ctx: OrdersContext) {
    const admin = requireRole(ctx.caller, 'ADMIN');
    if (!isSettleableMonth(month)) {
      throw badInput('month must be YYYY-MM, from 1970-01 to 9998-12.', { field: 'month' });
    }
    return ctx.services.reporting.settleMonth(month, admin.userId, ctx.caller.traceId);
  }
}
