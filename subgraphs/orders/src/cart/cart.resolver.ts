import { Access, requireScope, requireUser } from '@bloom/kernel';
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { OrdersContext } from '../orders.context.js';
import { CartResult } from './cart.results.js';
import { Cart } from './cart.types.js';

@Resolver(() => Cart)
export class CartResolver {
  @Access('signed-in', 'orders:write')
  @Query(() => Cart, { description: "The signed-in customer's cart, grouped by store." })
  cart(@Ctx() ctx: OrdersContext) {
    return ctx.services.cart.view(requireUser(ctx.caller).userId);
  }

  @Access('signed-in', 'orders:write')
  @Mutation(() => CartResult, { description: 'Adds to the cart; an existing line grows.' })
  addToCart(
    @Arg('productId', () => ID) productId: string,
    @Arg('quantity', () => Int, { defaultValue: 1 }) quantity: number,
    @Ctx() ctx: OrdersContext,
  ) {
    requireScope(ctx.caller, 'orders:write');
    return ctx.services.cart.add(requireUser(ctx.caller).userId, productId, quantity);
  }

  @Access('signed-in', 'orders:write')
  @Mutation(() => CartResult, { description: 'Sets a quantity; below 1 removes the line.' })
  setCartQuantity(
    @Arg('productId', () => ID) productId: string,
    @Arg('quantity', () => Int) quantity: number,
    @Ctx() ctx: OrdersContext,
  ) {
    requireScope(ctx.caller, 'orders:write');
    return ctx.services.cart.setQuantity(requireUser(ctx.caller).userId, productId, quantity);
  }

  @Access('signed-in', 'orders:write')
  @Mutation(() => Cart)
  clearCart(@Ctx() ctx: OrdersContext) {
    return ctx.services.cart.clear(requireUser(ctx.caller).userId);
  }
}
