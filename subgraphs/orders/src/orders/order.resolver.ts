import {
  Access,
  forbidden,
  hasRole,
  pageSize,
  requireRole,
  requireScope,
  requireUser,
} from '@bloom/kernel';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ProductRef, StoreRef, productRef, storeRef } from '../federation/entity-refs.js';
import type { OrdersContext } from '../orders.context.js';
import { CheckoutInput, CheckoutQuoteInput } from './checkout.types.js';
import { CheckoutQuoteResult, CheckoutResult } from './checkout.results.js';
import { OrderLine } from './order-line.entity.js';
import { OrderActionResult } from './order.results.js';
import { Order, OrderStatus } from './order.entity.js';
import { OrderConnection, OrderFilter } from './order.types.js';

@Resolver(() => Order)
export class OrderResolver {
  @Access('signed-in', 'orders:write')
  @Mutation(() => CheckoutResult, {
    description:
      'Creates one order per store from the cart or a buy-now; the saga then reserves, redeems and pays.',
  })
  checkout(@Arg('input') input: CheckoutInput, @Ctx() ctx: OrdersContext) {
    requireScope(ctx.caller, 'orders:write');
    const user = requireUser(ctx.caller);
    return ctx.services.checkout.checkout(user.userId, input, ctx.caller.traceId);
  }

  @Access('signed-in', 'orders:write')
  @Query(() => CheckoutQuoteResult, {
    description:
      'What a checkout would charge (per store: subtotal, coupon discount, delivery fee, total) at the server’s prices; show it, then pass its total as checkout’s expectedTotal.',
  })
  checkoutQuote(@Arg('input') input: CheckoutQuoteInput, @Ctx() ctx: OrdersContext) {
    const user = requireUser(ctx.caller);
    return ctx.services.checkout.quote(user.userId, input);
  }

  @Access('signed-in', 'orders:write')
  @Query(() => Order, {
    nullable: true,
    description: 'An order its customer, its seller or an admin may see.',
  })
  async order(@Arg('id', () => ID) id: string, @Ctx() ctx: OrdersContext) {
    const user = requireUser(ctx.caller);
    return ctx.services.queries.visible(user, await ctx.orderLoader.load(id));
  }

  @Access('signed-in', 'orders:write')
  @Query(() => OrderConnection, { description: "The signed-in customer's orders, newest first." })
  myOrders(
    @Ctx() ctx: OrdersContext,
    @Arg('filter', () => OrderFilter, { nullable: true }) filter?: OrderFilter,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', { nullable: true }) after?: string,
  ) {
    const user = requireUser(ctx.caller);
    return ctx.services.queries.list(
      { customerId: user.userId },
      filter ?? {},
      pageSize(first),
      after,
    );
  }

  @Access('signed-in', 'orders:write')
  @Query(() => [Order], {
    description: 'Pickups still to collect, soonest first (shown above the history).',
  })
  myUpcomingPickups(@Ctx() ctx: OrdersContext) {
    return ctx.services.queries.upcomingPickups(requireUser(ctx.caller).userId);
  }

  @Access(['SELLER', 'ADMIN'])
  @Query(() => OrderConnection, {
    description: "Seller: the store's orders by state and date, newest first.",
  })
  async storeOrders(
    @Arg('storeId', () => ID) storeId: string,
    @Ctx() ctx: OrdersContext,
    @Arg('filter', () => OrderFilter, { nullable: true }) filter?: OrderFilter,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', { nullable: true }) after?: string,
  ) {
    const user = requireUser(ctx.caller);
    const allowed =
      hasRole(user, 'ADMIN') ||
      (hasRole(user, 'SELLER') && (await ctx.services.queries.ownsStore(user.userId, storeId)));
    if (!allowed) throw forbidden('Only the store’s seller can see its orders.');
    return ctx.services.queries.list({ storeId }, filter ?? {}, pageSize(first), after);
  }

  @Access(['SELLER', 'ADMIN'])
  @Mutation(() => OrderActionResult, {
    description:
      'Seller: move an order to its next state (PREPARING, SHIPPING with a tracking number, DELIVERED, READY, PICKED_UP).',
  })
  advanceOrder(
    @Arg('orderId', () => ID) orderId: string,
    @Arg('to', () => OrderStatus) to: OrderStatus,
    @Ctx() ctx: OrdersContext,
    @Arg('trackingNumber', { nullable: true }) trackingNumber?: string,
  ) {
    const seller = requireUser(ctx.caller);
    if (!hasRole(seller, 'ADMIN')) requireRole(ctx.caller, 'SELLER');
    return ctx.services.fulfilment.advance(seller, orderId, to, trackingNumber);
  }

  @Access('signed-in', 'orders:write')
  @Mutation(() => OrderActionResult, {
    description:
      'Cancel before shipping or pickup (customer, the store’s seller, or an admin); refunds in full.',
  })
  cancelOrder(
    @Arg('orderId', () => ID) orderId: string,
    @Arg('reason') reason: string,
    @Ctx() ctx: OrdersContext,
  ) {
    requireScope(ctx.caller, 'orders:write');
    return ctx.services.fulfilment.cancel(requireUser(ctx.caller), orderId, reason);
  }

  @FieldResolver(() => StoreRef)
  store(@Root() order: Order) {
    return storeRef(order.storeId);
  }
}

@Resolver(() => OrderLine)
export class OrderLineResolver {
  @FieldResolver(() => ProductRef)
  product(@Root() line: OrderLine) {
    return productRef(line.productId);
  }
}
