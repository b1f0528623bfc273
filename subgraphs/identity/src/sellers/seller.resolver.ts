import { Access, requireRole } from '@bloom/kernel';
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { IdentityContext } from '../identity.context.js';
import { pageSize } from '@bloom/kernel';
import { SellerStatus } from '../users/user.entity.js';
import { UserConnection } from '../users/user.types.js';
import {
  SellerApplicationResult,
  SellerDecisionResult,
  SellerSignUpResult,
} from './seller.results.js';
import { SellerApplicationInput, SellerSignUpInput } from './seller.types.js';

@Resolver()
export class SellerResolver {
  @Access('anyone')
  @Mutation(() => SellerSignUpResult, {
    description:
      'Create an account that applies to sell; it acts as a seller once an admin approves.',
  })
  signUpSeller(@Arg('input') input: SellerSignUpInput, @Ctx() ctx: IdentityContext) {
    return ctx.services.sellers.signUp(input, ctx.caller.traceId);
  }

  @Access('signed-in')
  @Mutation(() => SellerApplicationResult, {
    description: 'The signed-in customer applies to sell (again, after a rejection).',
  })
  async applyForSeller(@Arg('input') input: SellerApplicationInput, @Ctx() ctx: IdentityContext) {
    return ctx.services.sellers.apply(await ctx.currentUser(), input, ctx.caller.traceId);
  }

  @Access(['ADMIN'])
  @Mutation(() => SellerDecisionResult, { description: 'Admin: approve a pending application.' })
  approveSeller(@Arg('userId', () => ID) userId: string, @Ctx() ctx: IdentityContext) {
    const admin = requireRole(ctx.caller, 'ADMIN');
    return ctx.services.sellers.decide(
      admin.userId,
      userId,
      'APPROVED',
      undefined,
      ctx.caller.traceId,
    );
  }

  @Access(['ADMIN'])
  @Mutation(() => SellerDecisionResult, {
    description: 'Admin: reject a pending application with a reason.',
  })
  rejectSeller(
    @Arg('userId', () => ID) userId: string,
    @Arg('reason') reason: string,
    @Ctx() ctx: IdentityContext,
  ) {
    const admin = requireRole(ctx.caller, 'ADMIN');
    return ctx.services.sellers.decide(
      admin.userId,
      userId,
      'REJECTED',
      reason,
      ctx.caller.traceId,
    );
  }

  @Access(['ADMIN'])
  @Query(() => UserConnection, {
    description: 'Admin: seller applications by status, newest first.',
  })
  sellerApplications(
    @Ctx() ctx: IdentityContext,
    @Arg('status', () => SellerStatus, { defaultValue: SellerStatus.PENDING }) status: SellerStatus,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', { nullable: true }) after?: string,
  ) {
    requireRole(ctx.caller, 'ADMIN');
    return ctx.services.users.list({ sellerStatus: status }, pageSize(first), after);
  }
}
