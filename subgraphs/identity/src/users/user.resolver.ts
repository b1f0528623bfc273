import { Access, forbidden, hasRole, requireRole } from '@bloom/kernel';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { IdentityContext } from '../identity.context.js';
import { pageSize } from '@bloom/kernel';
import { User } from './user.entity.js';
import { DeleteAccountResult, SuspendUserResult, UpdateProfileResult } from './user.results.js';
import { DailySignups, UpdateProfileInput, UserConnection, UserFilter } from './user.types.js';

/** Contact details are for the account holder and administrators only. */
const canSeeContact = (ctx: IdentityContext, user: User) =>
  ctx.caller.userId === user.id || hasRole(ctx.caller, 'ADMIN') || ctx.signedInAs.has(user.id);

/** Account statistics are for the account holder and administrators only. */
function requireSelfOrAdmin(ctx: IdentityContext, user: User): void {
  if (!canSeeContact(ctx, user)) throw forbidden('Only the account holder and admins see this.');
}

@Resolver(() => User)
export class UserResolver {
  @Access('signed-in')
  @Query(() => User, { nullable: true, description: 'The signed-in account; null when anonymous.' })
  async me(@Ctx() ctx: IdentityContext) {
    return ctx.caller.userId ? ctx.currentUser() : null;
  }

  @Access(['ADMIN'])
  @Query(() => User, { nullable: true, description: 'Admin: one user.' })
  user(@Arg('id', () => ID) id: string, @Ctx() ctx: IdentityContext) {
    requireRole(ctx.caller, 'ADMIN');
    return ctx.userLoader.load(id);
  }

  @Access(['ADMIN'])
  @Query(() => UserConnection, { description: 'Admin: users, newest first.' })
  users(
    @Ctx() ctx: IdentityContext,
    @Arg('filter', () => UserFilter, { nullable: true }) filter?: UserFilter,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', { nullable: true }) after?: string,
  ) {
    requireRole(ctx.caller, 'ADMIN');
    return ctx.services.users.list(filter ?? {}, pageSize(first), after);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Visible to the account holder and admins.',
  })
  email(@Root() user: User, @Ctx() ctx: IdentityContext) {
    return canSeeContact(ctx, user) ? user.email : null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Visible to the account holder and admins.',
  })
  phone(@Root() user: User, @Ctx() ctx: IdentityContext) {
    return canSeeContact(ctx, user) ? (user.phone ?? null) : null;
  }

  @Access(['ADMIN'])
  @Query(() => [DailySignups], {
    description:
      'Admin: new accounts and new sellers per Asia/Seoul day, oldest first, zero days included.',
  })
  platformSignups(
    @Ctx() ctx: IdentityContext,
    @Arg('days', () => Int, { defaultValue: 30 }) days: number,
  ) {
    requireRole(ctx.caller, 'ADMIN');
    return ctx.services.users.signupsByDay(days);
  }

  @FieldResolver(() => Int, { description: 'Saved addresses. The account holder and admins only.' })
  addressCount(@Root() user: User, @Ctx() ctx: IdentityContext) {
    requireSelfOrAdmin(ctx, user);
    return ctx.addressCountLoader.load(user.id);
  }

  @FieldResolver(() => Int, {
    description: 'Active (not revoked) API keys. The account holder and admins only.',
  })
  apiKeyCount(@Root() user: User, @Ctx() ctx: IdentityContext) {
    requireSelfOrAdmin(ctx, user);
    return ctx.apiKeyCountLoader.load(user.id);
  }

  @Access('signed-in')
  @Mutation(() => UpdateProfileResult)
  async updateProfile(@Arg('input') input: UpdateProfileInput, @Ctx() ctx: IdentityContext) {
    return ctx.services.users.updateProfile(await ctx.currentUser(), input);
  }

  @Access(['ADMIN'])
  @Mutation(() => SuspendUserResult, { description: 'Admin: suspend an account.' })
  suspendUser(
    @Arg('userId', () => ID) userId: string,
    @Arg('reason') reason: string,
    @Ctx() ctx: IdentityContext,
  ) {
    const admin = requireRole(ctx.caller, 'ADMIN');
    return ctx.services.users.setSuspended(admin.userId, userId, true, reason, ctx.caller.traceId);
  }

  @Access(['ADMIN'])
  @Mutation(() => SuspendUserResult, { description: 'Admin: lift a suspension.' })
  reinstateUser(@Arg('userId', () => ID) userId: string, @Ctx() ctx: IdentityContext) {
    const admin = requireRole(ctx.caller, 'ADMIN');
    return ctx.services.users.setSuspended(
      admin.userId,
      userId,
      false,
      undefined,
      ctx.caller.traceId,
    );
  }

  @Access('signed-in')
  @Mutation(() => DeleteAccountResult, {
    description: 'Delete the signed-in account. The e-mail can sign up again after 24 hours.',
  })
  async deleteAccount(@Arg('password') password: string, @Ctx() ctx: IdentityContext) {
    return ctx.services.users.delete(await ctx.currentUser(), password, ctx.caller.traceId);
  }
}
