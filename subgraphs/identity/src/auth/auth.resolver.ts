import { Access } from '@bloom/kernel';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { IdentityContext } from '../identity.context.js';
import { VerifyEmailResult } from '../verification/verification.results.js';
import {
  ChangePasswordResult,
  LogInResult,
  RefreshTokensResult,
  SignUpResult,
} from './auth.results.js';
import { AuthPayload, ChangePasswordInput, LogInInput, SignUpInput } from './auth.types.js';

/** A successful payload belongs to the person who just proved who they are. */
function heldBy<T>(ctx: IdentityContext, result: T): T {
  if (result instanceof AuthPayload) ctx.signedInAs.add(result.user.id);
  return result;
}

@Resolver()
export class AuthResolver {
  @Access('anyone')
  @Mutation(() => SignUpResult, { description: 'Create a customer account and sign in.' })
  async signUp(@Arg('input') input: SignUpInput, @Ctx() ctx: IdentityContext) {
    return heldBy(ctx, await ctx.services.auth.signUp(input, ctx.caller.traceId));
  }

  @Access('anyone')
  @Mutation(() => LogInResult)
  async logIn(@Arg('input') input: LogInInput, @Ctx() ctx: IdentityContext) {
    return heldBy(ctx, await ctx.services.auth.logIn(input.email, input.password));
  }

  @Access('anyone')
  @Mutation(() => RefreshTokensResult, {
    description: 'Exchange a refresh token for a new pair. Each refresh token works once.',
  })
  async refreshTokens(@Arg('refreshToken') refreshToken: string, @Ctx() ctx: IdentityContext) {
    return heldBy(ctx, await ctx.services.auth.refresh(refreshToken));
  }

  // The refresh token is the proof: a client whose access token has expired can still log out.
  @Access('anyone')
  @Mutation(() => Boolean, { description: 'End the session of this refresh token.' })
  async logOut(@Arg('refreshToken') refreshToken: string, @Ctx() ctx: IdentityContext) {
    await ctx.services.auth.logOut(refreshToken);
    return true;
  }

  @Access('signed-in')
  @Mutation(() => ChangePasswordResult, { description: 'Ends every other session.' })
  async changePassword(@Arg('input') input: ChangePasswordInput, @Ctx() ctx: IdentityContext) {
    return ctx.services.auth.changePassword(
      await ctx.currentUser(),
      input.currentPassword,
      input.newPassword,
    );
  }

  @Access('signed-in')
  @Mutation(() => Boolean, {
    description: 'Send a new 6-character code; older codes stop working.',
  })
  async requestEmailVerification(@Ctx() ctx: IdentityContext) {
    await ctx.services.verification.requestCode(await ctx.currentUser(), ctx.caller.traceId);
    return true;
  }

  @Access('signed-in')
  @Mutation(() => VerifyEmailResult)
  async verifyEmail(@Arg('code') code: string, @Ctx() ctx: IdentityContext) {
    return ctx.services.verification.verify(await ctx.currentUser(), code);
  }
}
