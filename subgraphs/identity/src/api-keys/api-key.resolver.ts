import { Access, hasRole, notFound } from '@bloom/kernel';
import { Arg, Ctx, Directive, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { IdentityContext } from '../identity.context.js';
import { ApiKey } from './api-key.entity.js';
import { CreateApiKeyResult } from './api-key.results.js';
import { ApiKeyPrincipal, CreateApiKeyInput } from './api-key.types.js';

@Resolver(() => ApiKey)
export class ApiKeyResolver {
  @Access('signed-in')
  @Query(() => [ApiKey], { description: "The signed-in integrator's API keys, newest first." })
  async myApiKeys(@Ctx() ctx: IdentityContext) {
    const user = await ctx.currentUser();
    return ctx.services.apiKeys.list(user.id);
  }

  @Access('signed-in')
  @Mutation(() => CreateApiKeyResult)
  async createApiKey(@Arg('input') input: CreateApiKeyInput, @Ctx() ctx: IdentityContext) {
    const user = await ctx.currentUser();
    return ctx.services.apiKeys.create(user.id, input);
  }

  @Access('signed-in')
  @Mutation(() => ApiKey, { description: 'Revoke a key at once. Owners and admins only.' })
  async revokeApiKey(@Arg('id', () => ID) id: string, @Ctx() ctx: IdentityContext) {
    const user = await ctx.currentUser();
    const key = await ctx.services.apiKeys.revoke(id, {
      userId: user.id,
      isAdmin: hasRole(ctx.caller, 'ADMIN'),
    });
    if (!key) throw notFound('No such API key.');
    return key;
  }

  /** Hidden from the public graph: only the gateway calls it, directly on this subgraph. */
  @Access('anyone')
  @Query(() => ApiKeyPrincipal, { nullable: true })
  @Directive('@inaccessible')
  apiKeyPrincipal(@Arg('key') key: string, @Ctx() ctx: IdentityContext) {
    return ctx.services.apiKeys.principal(key);
  }
}
