import { Access, notFound, pageSize, requireRole } from '@bloom/kernel';
import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { IdentityContext } from '../identity.context.js';
import { User } from '../users/user.entity.js';
import type { AuditEntryRecord } from './audit.entity.js';
import { AuditEntry, AuditEntryConnection, AuditLogFilter } from './audit.types.js';

/** The GraphQL shape of a stored entry; the actor resolves from `actorId`. */
export const toAuditEntry = (record: AuditEntryRecord): AuditEntry & { actorId: string } =>
  Object.assign(new AuditEntry(), {
    id: record._id,
    at: record.at,
    actorId: record.actorId,
    action: record.action,
    targetKind: record.targetKind,
    targetId: record.targetId,
    targetLabel: record.targetLabel,
    reason: record.reason ?? null,
    source: record.source,
  });

@Resolver(() => AuditEntry)
export class AuditResolver {
  @Access(['ADMIN'])
  @Query(() => AuditEntryConnection, { description: 'Admin: every admin action, newest first.' })
  async auditLog(
    @Ctx() ctx: IdentityContext,
    @Arg('filter', () => AuditLogFilter, { nullable: true }) filter?: AuditLogFilter,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', { nullable: true }) after?: string,
  ) {
    requireRole(ctx.caller, 'ADMIN');
    const page = await ctx.services.audit.list(filter ?? {}, pageSize(first), after);
    return { ...page, nodes: page.nodes.map(toAuditEntry) };
  }

  @Access(['ADMIN'])
  @Query(() => AuditEntry, {
    nullable: true,
    description: 'Admin: one audit entry (what `auditEntryAdded` delivers).',
  })
  async auditEntry(@Arg('id', () => ID) id: string, @Ctx() ctx: IdentityContext) {
    requireRole(ctx.caller, 'ADMIN');
    const record = await ctx.auditLoader.load(id);
    return record ? toAuditEntry(record) : null;
  }

  @FieldResolver(() => User)
  async actor(@Root() entry: AuditEntry & { actorId: string }, @Ctx() ctx: IdentityContext) {
    const user = await ctx.userLoader.load(entry.actorId);
    if (!user) throw notFound('The acting administrator no longer exists.');
    return user;
  }
}
