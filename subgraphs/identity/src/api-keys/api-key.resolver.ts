import { Access, hasRole, notFound, pageSize, requireRole } from '@bloom/kernel';
import {
  Arg,
  Ctx,
  Directive,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { IdentityContext } from '../identity.context.js';
import { User } from '../users/user.entity.js';
import { ApiKey } from './api-key.entity.js';
import { CreateApiKeyResult } from './api-key.results.js';
import {
  ApiKeyConnection,
  ApiKeyFilter,
  ApiKeyPrincipal,
  ApiKeyStatus,
  CreateApiKeyInput,
} from './api-key.types.js';

@Resolver(() => ApiKey)
export class ApiKeyResolver {
  @Access('signed-in')
  @Query(() => [ApiKey], { description: "The signed-in integrator's API keys, newest first." })
  async myApiKeys(@Ctx() ctx: IdentityContext) {
    const user = await ctx.currentUser();
    return ctx.services.apiKeys.list(user.id);
  }

  @Access(['ADMIN'])
  @Query(() => ApiKeyConnection, {
    description: "Admin: every integrator's API keys, newest first.",
  })
  platformApiKeys(
    @Ctx() ctx: IdentityContext,
    @Arg('filter', () => ApiKeyFilter, { nullable: true }) filter?: ApiKeyFilter,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', { nullable: true }) after?: string,
  ) {
    requireRole(ctx.caller, 'ADMIN');
    return ctx.services.apiKeys.listAll(filter ?? {}, pageSize(first), after);
  }

  @Access('signed-in')
  @Mutation(() => CreateApiKeyResult)
  async createApiKey(@Arg('input') input: CreateApiKeyInput, @Ctx() ctx: IdentityContext) {
    const user = await ctx.currentUser();
    return ctx.services.apiKeys.create(user.id, input);
  }

  @Access('signed-in')
  @Mutation(() => ApiKey, {
    description:
      "Revoke a key at once. Owners and admins only; an admin revoking someone's key is audited.",
  })
  async revokeApiKey(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: IdentityContext,
    @Arg('reason', () => String, {
      nullable: true,
      description: 'Why (kept in the audit log).',
    })
    reason?: string,
  ) {
    const user = await ctx.currentUser();
    const key = await ctx.services.apiKeys.revoke(
      id,
      { userId: user.id, isAdmin: hasRole(ctx.caller, 'ADMIN') },
      reason,
      ctx.caller.traceId,
    );
    if (!key) throw notFound('No such API key.');
    return key;
  }

  @FieldResolver(() => User, { description: 'Who the key acts for.' })
  async owner(@Root() key: ApiKey, @Ctx() ctx: IdentityContext) {
    const owner = await ctx.userLoader.load(key.ownerUserId);
    if (!owner) throw notFound('The key’s owner no longer exists.');
    return owner;
  }

  @FieldResolver(() => ApiKeyStatus)
  status(@Root() key: ApiKey) {
    return key.revokedAt ? ApiKeyStatus.REVOKED : ApiKeyStatus.ACTIVE;
  }

  /** Hidden from the public graph: only the gateway calls it, directly on this subgraph. */
  @Access('anyone')
  @Query(() => ApiKeyPrincipal, { nullable: true })
  @Directive('@inaccessible')
  apiKeyPrincipal(@Arg('key') key: string, @Ctx() ctx: IdentityContext) {
    return ctx.services.apiKeys.principal(key);
  }
}
