import { Access, requireUser } from '@bloom/kernel';
import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { ProductsContext } from '../products.context.js';
import { RestockAlertResult } from './restock.results.js';
import { RestockAlertView } from './restock.types.js';

@Resolver()
export class RestockResolver {
  @Access('signed-in')
  @Mutation(() => RestockAlertResult, {
    description:
      'Wait for a sold-out product: one notice (in-app and SMS) when it can be bought again.',
  })
  subscribeRestockAlert(
    @Arg('productId', () => ID) productId: string,
    @Ctx() ctx: ProductsContext,
  ) {
    return ctx.services.restock.subscribe(requireUser(ctx.caller).userId, productId);
  }

  @Access('signed-in')
  @Mutation(() => Boolean, { description: 'False when the caller was not waiting.' })
  cancelRestockAlert(@Arg('productId', () => ID) productId: string, @Ctx() ctx: ProductsContext) {
    return ctx.services.restock.cancel(requireUser(ctx.caller).userId, productId);
  }

  @Access('signed-in')
  @Query(() => [RestockAlertView], { description: 'Restock alerts still waiting.' })
  myRestockAlerts(@Ctx() ctx: ProductsContext) {
    return ctx.services.restock.pendingOf(requireUser(ctx.caller).userId);
  }
}
