import { forbidden, hasRole, pageSize, requireUser } from '@bloom/kernel';
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { OrdersContext } from '../orders.context.js';
import { OrderConnection, OrderFilter } from '../orders/order.types.js';
import { StoreRef, UserRef } from './entity-refs.js';

/** `User.orders`: a customer's history, for the customer and admins. */
@Resolver(() => UserRef)
export class UserOrdersResolver {
  @FieldResolver(() => OrderConnection, { description: "The user's orders, newest first." })
  orders(
    @Root() user: UserRef,
    @Ctx() ctx: OrdersContext,
    @Arg('filter', () => OrderFilter, { nullable: true }) filter?: OrderFilter,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', { nullable: true }) after?: string,
  ) {
    const caller = requireUser(ctx.caller);
    if (caller.userId !== user.id && !hasRole(caller, 'ADMIN')) {
      throw forbidden('You can only see your own orders.');
    }
    return ctx.services.queries.list({ customerId: user.id }, filter ?? {}, pageSize(first), after);
  }
}

/** `Store.orders`: the store's board, for its seller and admins. */
@Resolver(() => StoreRef)
export class StoreOrdersResolver {
  @FieldResolver(() => OrderConnection, { description: "The store's orders, newest first." })
  async orders(
    @Root() store: StoreRef,
    @Ctx() ctx: OrdersContext,
    @Arg('filter', () => OrderFilter, { nullable: true }) filter?: OrderFilter,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', { nullable: true }) after?: string,
  ) {
    const caller = requireUser(ctx.caller);
    const allowed =
      hasRole(caller, 'ADMIN') ||
      (hasRole(caller, 'SELLER') &&
        (await ctx.services.queries.ownsStore(caller.userId, store.id)));
    if (!allowed) throw forbidden('Only the store’s seller can see its orders.');
    return ctx.services.queries.list({ storeId: store.id }, filter ?? {}, pageSize(first), after);
  }
}
