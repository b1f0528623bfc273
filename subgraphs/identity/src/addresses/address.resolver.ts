import { Access, requireUser } from '@bloom/kernel';
import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { IdentityContext } from '../identity.context.js';
import { Address } from './address.entity.js';
import { AddressResult } from './address.results.js';
import { AddressInput } from './address.types.js';

@Resolver(() => Address)
export class AddressResolver {
  @Access('signed-in')
  @Query(() => [Address], {
    description: 'Saved delivery addresses, most recently used first (at most 10).',
  })
  myAddresses(@Ctx() ctx: IdentityContext) {
    return ctx.services.addresses.list(requireUser(ctx.caller).userId);
  }

  @Access('signed-in')
  @Mutation(() => AddressResult, {
    description: 'Save an address; an 11th replaces the one used longest ago.',
  })
  async saveAddress(@Arg('input') input: AddressInput, @Ctx() ctx: IdentityContext) {
    const user = await ctx.currentUser();
    return ctx.services.addresses.save(user.id, input);
  }

  @Access('signed-in')
  @Mutation(() => AddressResult)
  async updateAddress(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: AddressInput,
    @Ctx() ctx: IdentityContext,
  ) {
    const user = await ctx.currentUser();
    return ctx.services.addresses.update(user.id, id, input);
  }

  @Access('signed-in')
  @Mutation(() => Boolean, { description: 'False when there was no such address.' })
  async deleteAddress(@Arg('id', () => ID) id: string, @Ctx() ctx: IdentityContext) {
    const user = await ctx.currentUser();
    return ctx.services.addresses.remove(user.id, id);
  }

  @Access('signed-in')
  @Mutation(() => AddressResult, {
    description: 'Mark an address as just used (moves it to the top).',
  })
  async markAddressUsed(@Arg('id', () => ID) id: string, @Ctx() ctx: IdentityContext) {
    const user = await ctx.currentUser();
    return ctx.services.addresses.markUsed(user.id, id);
  }
}
